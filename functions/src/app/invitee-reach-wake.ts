/**
 * When the invitee-reach job has work: an invitation wakes it at once, and each run leaves the time
 * of the next retry it scheduled (or none). The timer fires every two minutes but scans the
 * participants only when due, so an idle organisation costs one point read per run.
 */
import { ConflictError } from '../core/errors';
import type { AppInstall } from '../core/model';
import type { AppDeps } from './deps';

export const INVITEE_REACH_WAKE_ID = 'invitee-reach:wake';
/** Calendars Graph did not answer for are tried again this much later. */
const CALENDAR_RETRY_MS = 10 * 60_000;

interface Wake {
  /** When the next run has work; null: nothing to do until the next invitation. */
  dueAt: string | null;
}

/** An invitation happened: the next run works (unconditional, so it is never lost to a run ending meanwhile). */
export async function wakeInviteeReach(deps: Pick<AppDeps, 'store'>, at: string): Promise<void> {
  const value: Wake = { dueAt: at };
  await deps.store.state.upsert({ id: INVITEE_REACH_WAKE_ID, schemaVersion: 1, value, updatedAt: at });
}

/** Whether a run now has work, and the version of the wake record it read (to replace it after). */
export async function readWake(deps: Pick<AppDeps, 'store'>, now: number): Promise<{ due: boolean; etag?: string }> {
  const record = await deps.store.state.find(INVITEE_REACH_WAKE_ID, INVITEE_REACH_WAKE_ID);
  // Never recorded (before the first invitation since this was deployed): look once.
  if (!record) return { due: true };
  const { dueAt } = (record.value ?? {}) as Partial<Wake>;
  return { due: typeof dueAt === 'string' && Date.parse(dueAt) <= now, etag: record.etag };
}

/**
 * After a run: the earliest retry still open, and calendars left unchecked, decide the next wake.
 * Written only if no invitation came in meanwhile (ETag), which would have asked for a run already.
 */
export async function scheduleWake(deps: AppDeps, etag: string | undefined, now: number): Promise<void> {
  let next: number | undefined;
  const soon = (t: number) => (next = Math.min(next ?? Infinity, t));
  for await (const p of deps.store.participants.all(undefined, {
    where: { status: ['invited', 'opted-in', 'paused'] },
  })) {
    if (p.erasedAt) continue;
    const install: AppInstall | undefined = p.appInstall;
    if (deps.teamsApps && (install?.state === 'pending' || install?.state === 'blocked-by-policy'))
      soon(install.nextAttemptAt ? Date.parse(install.nextAttemptAt) : now);
    if (deps.mailboxes && !p.calendarAccess) soon(now + CALENDAR_RETRY_MS);
  }
  const value: Wake = { dueAt: next === undefined ? null : new Date(next).toISOString() };
  const doc = { id: INVITEE_REACH_WAKE_ID, schemaVersion: 1, value, updatedAt: new Date(now).toISOString() };
  try {
    if (etag) await deps.store.state.replace(doc, etag);
    else await deps.store.state.create(doc);
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err; // an invitation woke it meanwhile: keep that
  }
}
