/**
 * Reaching invitees who never opened Tandem: installs the app in their personal scope through Graph
 * (the bot's install event then stores the conversation and releases the waiting invitation), and
 * checks at invitation whether Tandem may book in their calendar (the deployment's Exchange scope).
 * Runs as a timer job: each person's install is claimed with an expiry (a conditional write of
 * `nextAttemptAt`) before Graph is called, and installing twice only answers 409, so a second
 * instance or a crash never does harm. "Not published to the org catalog" and "blocked by the app
 * permission policy for everyone" are detected once per run and recorded once (state record
 * `teams-app-install`), not as a failure per person.
 */
import type { AppInstall, CalendarAccess, Participant } from '../core/model';
import { isDomainError } from '../core/errors';
import type { Stored } from '../ports/store';
import type { InstallOutcome } from '../ports/teams-apps';
import { nowIso } from '../ports/clock';
import type { AppDeps } from './deps';
import { update } from './support/update';
import { forEachLimited } from './support/batch';
import { readWake, scheduleWake } from './invitee-reach-wake';

/** The state record that says where Tandem stands in the org catalog (read by the API and `tandem doctor`). */
export const TEAMS_APP_INSTALL_STATE_ID = 'teams-app-install';
/** How long one install call holds its claim. */
export const INSTALL_CLAIM_MS = 2 * 60_000;
/** Transient failures (throttling, Graph down) are retried this often, then the install is `failed`. */
export const MAX_INSTALL_ATTEMPTS = 6;
/** This many 403s in a row at the start of a run, without one install, mean the policy blocks Tandem for everyone. */
export const POLICY_PROBE = 3;
/** After an org-wide block or a missing catalog entry, the people wait this long before the next try. */
const ORG_PROBLEM_WAIT_MS = 60 * 60_000;

/** Where Tandem stands for installing: published, not in the org catalog, blocked for everyone, or unknown. */
export type CatalogStatus = 'published' | 'not-published' | 'blocked-by-policy' | 'unknown' | 'not-configured';

export interface TeamsAppInstallState {
  status: CatalogStatus;
  at: string;
  message?: string;
  /** The org catalog's id of the app, once found: the bot's deep links to the tab use it. */
  catalogAppId?: string;
}

export interface ReachReport {
  catalog: CatalogStatus;
  installed: number;
  alreadyInstalled: number;
  blocked: number;
  failed: number;
  /** Transient failures scheduled again. */
  retrying: number;
  /** People left pending because of an organisation-wide problem (catalog, policy). */
  waiting: number;
  calendarChecked: number;
  outsideScope: number;
  /** Nothing was due: the participants were not read. */
  skipped?: boolean;
}

const active = ['invited', 'opted-in', 'paused'] as const;

/** The first install state of a newly invited person (invite.ts), when Tandem can install at all. */
export function pendingInstall(now: string): AppInstall {
  return { state: 'pending', attempts: 0, at: now };
}

/** A person blocked by their own policy is tried again a day later (the admin may have changed it). */
const BLOCKED_RETRY_MS = 24 * 60 * 60_000;

const open = (install: AppInstall | undefined) =>
  install?.state === 'pending' || install?.state === 'blocked-by-policy';

function due(p: Participant, now: number): boolean {
  const install = p.appInstall;
  if (!open(install) || !install) return false;
  return !install.nextAttemptAt || Date.parse(install.nextAttemptAt) <= now;
}

async function recordCatalog(
  deps: AppDeps,
  status: CatalogStatus,
  message?: string,
  catalogAppId?: string,
): Promise<void> {
  const previous = await deps.store.state.find(TEAMS_APP_INSTALL_STATE_ID, TEAMS_APP_INSTALL_STATE_ID);
  const before = previous?.value as TeamsAppInstallState | undefined;
  // Recorded once: the time says since when, not when it was last seen.
  if (before?.status === status && before.message === message && before.catalogAppId === catalogAppId) return;
  const value: TeamsAppInstallState = {
    status,
    at: nowIso(deps.clock),
    ...(message ? { message } : {}),
    ...(catalogAppId ? { catalogAppId } : {}),
  };
  await deps.store.state.upsert({
    id: TEAMS_APP_INSTALL_STATE_ID,
    schemaVersion: 1,
    value,
    updatedAt: value.at,
  });
}

/** Where installing Tandem stands for the organisation (undefined before the first run). */
export async function teamsAppInstallState(deps: Pick<AppDeps, 'store'>): Promise<TeamsAppInstallState | undefined> {
  const record = await deps.store.state.find(TEAMS_APP_INSTALL_STATE_ID, TEAMS_APP_INSTALL_STATE_ID);
  return record?.value as TeamsAppInstallState | undefined;
}

/** Writes the install state on every pending record of the person, unless someone changed it meanwhile. */
async function setInstall(
  deps: AppDeps,
  records: Stored<Participant>[],
  next: (current: AppInstall) => AppInstall,
): Promise<void> {
  for (const r of records) {
    await update(deps.store.participants, r.programmeId, r.id, (p) =>
      p.appInstall && open(p.appInstall) ? { ...p, appInstall: next(p.appInstall) } : p,
    );
  }
}

function backoffMs(attempts: number, retryAfterMs = 0): number {
  const exp = Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
  return Math.max(retryAfterMs, Math.round(exp / 2 + Math.random() * (exp / 2)));
}

async function checkCalendars(deps: AppDeps, people: Stored<Participant>[], report: ReachReport): Promise<void> {
  if (!deps.mailboxes || !people.length) return;
  const byUser = new Map<string, Stored<Participant>[]>();
  for (const p of people) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p]);
  const ids = [...byUser.keys()];
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    let infos;
    try {
      infos = await deps.mailboxes.mailboxSettings(chunk);
    } catch (err) {
      if (isDomainError(err)) return; // Graph down or denied as a whole: checked on a later run.
      throw err;
    }
    for (const id of chunk) {
      const info = infos.get(id);
      if (!info) continue; // no answer for this one now: checked again next run
      const access: CalendarAccess =
        info.refused?.status === 403 ? 'outside-scope' : info.refused?.status === 404 ? 'no-mailbox' : 'granted';
      if (info.refused && access === 'granted') continue;
      report.calendarChecked++;
      if (access === 'outside-scope') report.outsideScope++;
      for (const r of byUser.get(id) ?? [])
        await update(deps.store.participants, r.programmeId, r.id, (p) =>
          p.calendarAccess ? p : { ...p, calendarAccess: access },
        );
    }
  }
}

/**
 * One run of the job (the timer `inviteeReach`): nothing without Graph, and no scan unless an
 * invitation or a scheduled retry made it due (invitee-reach-wake.ts).
 */
export async function reachInvitees(deps: AppDeps, options: { concurrency?: number } = {}): Promise<ReachReport> {
  const now = deps.clock.now().getTime();
  if (!deps.teamsApps && !deps.mailboxes) return emptyReport(deps);
  const wake = await readWake(deps, now);
  if (!wake.due) return { ...emptyReport(deps), skipped: true };
  const report = await runReach(deps, options);
  await scheduleWake(deps, wake.etag, deps.clock.now().getTime());
  return report;
}

function emptyReport(deps: AppDeps): ReachReport {
  return {
    catalog: deps.teamsApps ? 'unknown' : 'not-configured',
    installed: 0,
    alreadyInstalled: 0,
    blocked: 0,
    failed: 0,
    retrying: 0,
    waiting: 0,
    calendarChecked: 0,
    outsideScope: 0,
  };
}

async function runReach(deps: AppDeps, options: { concurrency?: number }): Promise<ReachReport> {
  const report = emptyReport(deps);
  const now = deps.clock.now().getTime();
  const pending = new Map<string, Stored<Participant>[]>();
  const calendars: Stored<Participant>[] = [];
  for await (const p of deps.store.participants.all(undefined, { where: { status: [...active] } })) {
    if (p.erasedAt) continue;
    if (!p.calendarAccess) calendars.push(p);
    if (due(p, now)) pending.set(p.userId, [...(pending.get(p.userId) ?? []), p]);
  }
  await checkCalendars(deps, calendars, report);
  if (!deps.teamsApps || !pending.size) return report;

  const lookup = await deps.teamsApps.lookUp();
  const waitAll = async (status: CatalogStatus, message?: string) => {
    report.catalog = status;
    await recordCatalog(deps, status, message);
    const at = new Date(now + ORG_PROBLEM_WAIT_MS).toISOString();
    for (const records of pending.values()) {
      await setInstall(deps, records, (c) => ({ ...c, nextAttemptAt: at, ...(message ? { error: message } : {}) }));
      report.waiting++;
    }
  };
  if (lookup.kind === 'not-published') {
    await waitAll('not-published', 'Tandem is not in the org app catalog.');
    return report;
  }
  if (lookup.kind === 'unknown') {
    await waitAll('unknown', lookup.message);
    return report;
  }
  const catalogAppId = lookup.catalogAppId;
  report.catalog = 'published';

  const people = [...pending.entries()];
  let installedAny = false;
  let blockedInARow = 0;
  let orgProblem: { status: CatalogStatus; message: string } | undefined;

  const installOne = async ([userId, records]: [string, Stored<Participant>[]]) => {
    if (orgProblem) return;
    const iso = () => nowIso(deps.clock);
    const conversation = await deps.store.conversations.find(userId, userId);
    if (conversation && !conversation.unreachable) {
      await setInstall(deps, records, (c) => ({
        ...c,
        state: 'already-installed',
        at: iso(),
        nextAttemptAt: undefined,
      }));
      report.alreadyInstalled++;
      return;
    }
    // Claim: whoever moves nextAttemptAt first makes the call; the claim expires if we stop here.
    const claimUntil = new Date(deps.clock.now().getTime() + INSTALL_CLAIM_MS).toISOString();
    let claimed = false;
    let attempts = 0;
    const first = records[0] as Stored<Participant>;
    await update(deps.store.participants, first.programmeId, first.id, (p) => {
      claimed = due(p, deps.clock.now().getTime());
      if (!claimed || !p.appInstall) return p;
      attempts = p.appInstall.attempts + 1;
      return { ...p, appInstall: { ...p.appInstall, attempts, nextAttemptAt: claimUntil } };
    });
    if (!claimed) return;
    const outcome: InstallOutcome = await deps.teamsApps!.installFor(userId, catalogAppId);
    const done = (state: AppInstall['state'], error?: string, retryAt?: string) =>
      setInstall(deps, records, () => ({
        state,
        attempts,
        at: iso(),
        ...(retryAt ? { nextAttemptAt: retryAt } : {}),
        ...(error ? { error: error.slice(0, 300) } : {}),
      }));
    switch (outcome.kind) {
      case 'installed':
        installedAny = true;
        blockedInARow = 0;
        report.installed++;
        return done('installed');
      case 'already-installed':
        installedAny = true;
        report.alreadyInstalled++;
        return done('already-installed');
      case 'blocked':
        // Someone blocked before says nothing new about the organisation's policy.
        if (records[0]?.appInstall?.state !== 'blocked-by-policy') blockedInARow++;
        if (!installedAny && blockedInARow >= POLICY_PROBE)
          orgProblem = { status: 'blocked-by-policy', message: outcome.message };
        report.blocked++;
        return done(
          'blocked-by-policy',
          outcome.message,
          new Date(deps.clock.now().getTime() + BLOCKED_RETRY_MS).toISOString(),
        );
      case 'not-published':
        orgProblem = { status: 'not-published', message: outcome.message };
        return setInstall(deps, records, (c) => ({ ...c, nextAttemptAt: undefined, error: outcome.message }));
      case 'transient': {
        if (attempts >= MAX_INSTALL_ATTEMPTS) {
          report.failed++;
          return done('failed', outcome.message);
        }
        report.retrying++;
        const next = new Date(deps.clock.now().getTime() + backoffMs(attempts, outcome.retryAfterMs)).toISOString();
        return setInstall(deps, records, (c) => ({ ...c, nextAttemptAt: next, error: outcome.message }));
      }
      case 'failed':
        report.failed++;
        return done('failed', outcome.message);
    }
  };

  // The first few one by one: an app blocked for everyone shows there, before anyone else is tried.
  const probe = people.slice(0, POLICY_PROBE);
  for (const person of probe) await installOne(person);
  if (!orgProblem) await forEachLimited(people.slice(POLICY_PROBE), options.concurrency ?? 4, installOne);

  if (orgProblem) {
    // Everyone tried or not goes back to waiting: it is the organisation's setting, not theirs.
    const problem = orgProblem;
    const wait = new Date(now + ORG_PROBLEM_WAIT_MS).toISOString();
    for (const records of pending.values())
      for (const r of records)
        await update(deps.store.participants, r.programmeId, r.id, (p) =>
          p.appInstall?.state === 'pending' || p.appInstall?.state === 'blocked-by-policy'
            ? {
                ...p,
                appInstall: {
                  ...p.appInstall,
                  state: 'pending' as const,
                  nextAttemptAt: wait,
                  error: problem.message.slice(0, 300),
                },
              }
            : p,
        );
    report.blocked = 0;
    report.waiting = pending.size - report.installed - report.alreadyInstalled;
    report.catalog = problem.status;
    await recordCatalog(deps, problem.status, problem.message);
    return report;
  }
  await recordCatalog(deps, 'published', undefined, catalogAppId);
  return report;
}
