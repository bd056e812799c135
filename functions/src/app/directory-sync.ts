/**
 * Directory sync: one `users/delta` round from Graph applied to the last complete directory, written
 * as a new generation and made visible in one step (deps.snapshots: adapters/graph/directory-store).
 * A full round runs the first time, when there is no delta link, and every `fullResyncDays` (the
 * delta manager signal is known to miss changes); it also catches users who vanished without an
 * `@removed`.
 * People removed from the directory leave their programmes gracefully.
 */
import type { OrgUser } from '../core/model';
import { DomainError, UnavailableError } from '../core/errors';
import type { Clock } from '../ports/clock';
import type { DirectoryChange, DirectorySnapshotStore, DirectorySource, LoadedDirectory } from '../ports/directory';
import type { Store } from '../ports/store';
import type { Messenger } from '../ports/messenger';
import type { CalendarPort } from '../ports/calendar';
import { removeFromProgrammes } from './graph-removed-users';
import type { AppDeps } from './deps';

export interface DirectorySyncDeps {
  store: Store;
  clock: Clock;
  source: DirectorySource;
  tenantId: string;
  /** The tenant's directory generations in the store (adapters/graph/directory-store). */
  snapshots: DirectorySnapshotStore;
  messenger?: Messenger;
  calendar?: CalendarPort;
  /** The use cases' ports: partners of removed people are re-matched with them. */
  app?: AppDeps;
}

export interface SyncOptions {
  /** Force a full round. */
  full?: boolean;
  /** A full round when the last one is older than this (default 7 days). */
  fullResyncDays?: number;
}

/** The `org sync` summary line. */
export interface SyncSummary {
  users: number;
  managersLinked: number;
  removed: number;
  requests: number;
  throttled: number;
  ms: number;
}

const DAY = 86_400_000;

/** Applies one delta item to the user it names (absent fields stay as they were). */
export function applyChange(
  existing: OrgUser | undefined,
  change: DirectoryChange,
  tenantId: string,
  syncedAt: string,
): OrgUser {
  const next: OrgUser = existing
    ? { ...existing }
    : {
        id: change.id,
        schemaVersion: 1,
        tenantId,
        displayName: '',
        accountEnabled: true,
        userType: 'Member',
        syncedAt,
      };
  const target = next as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(change.fields)) {
    if (value === null || value === undefined) delete target[name];
    else target[name] = value;
  }
  if (next.accountEnabled === undefined) next.accountEnabled = true;
  if (next.userType === undefined) next.userType = 'Member';
  if (!next.displayName) next.displayName = next.userPrincipalName ?? next.mail ?? next.id;
  if (change.manager !== undefined) {
    if (change.manager && change.manager !== change.id) next.managerId = change.manager;
    else delete next.managerId;
  }
  next.syncedAt = syncedAt;
  return next;
}

function countLinked(users: Map<string, OrgUser>): number {
  let n = 0;
  for (const u of users.values()) if (u.managerId && users.has(u.managerId)) n++;
  return n;
}

async function runRound(
  source: DirectorySource,
  start: Map<string, OrgUser>,
  link: string | undefined,
  tenantId: string,
  syncedAt: string,
): Promise<{ users: Map<string, OrgUser>; changed: Set<string>; removed: Set<string>; deltaLink: string }> {
  const users = new Map(start);
  const changed = new Set<string>();
  const removed = new Set<string>();
  for (;;) {
    const page = await source.deltaPage(link);
    for (const change of page.changes) {
      changed.add(change.id);
      if (change.removed) {
        if (users.delete(change.id)) removed.add(change.id);
        continue;
      }
      const user = applyChange(users.get(change.id), change, tenantId, syncedAt);
      // Members only: guests are never invitable and never anyone's manager.
      if (user.userType === 'Guest') users.delete(change.id);
      else {
        users.set(change.id, user);
        removed.delete(change.id);
      }
    }
    if (page.deltaLink) return { users, changed, removed, deltaLink: page.deltaLink };
    link = page.nextLink;
  }
}

export async function syncDirectory(deps: DirectorySyncDeps, options: SyncOptions = {}): Promise<SyncSummary> {
  const started = Date.now();
  const before = deps.source.stats();
  const { snapshots } = deps;
  const now = deps.clock.now();
  const syncedAt = now.toISOString();

  const previous: LoadedDirectory | undefined = await snapshots.load();
  if (previous?.pointer.pendingRemovals?.length) {
    await removeFromProgrammes(deps, previous.pointer.pendingRemovals);
  }
  const resyncDays = options.fullResyncDays ?? 7;
  const lastFull = previous?.pointer.lastFullAt ? Date.parse(previous.pointer.lastFullAt) : 0;
  let full = options.full === true || !previous?.pointer.deltaLink || now.getTime() - lastFull >= resyncDays * DAY;

  let round: Awaited<ReturnType<typeof runRound>> | undefined;
  if (!full && previous) {
    try {
      round = await runRound(deps.source, previous.users, previous.pointer.deltaLink, deps.tenantId, syncedAt);
    } catch (err) {
      // An expired or refused delta link (Graph's 410 Gone included: its sync state is gone) starts
      // over with a full round; a Graph outage or a missing permission stops the sync.
      if (!(err instanceof DomainError) || err instanceof UnavailableError) throw err;
      full = true;
    }
  }
  if (!round) round = await runRound(deps.source, new Map(), undefined, deps.tenantId, syncedAt);

  const removed = new Set(round.removed);
  if (full && previous) for (const id of previous.users.keys()) if (!round.users.has(id)) removed.add(id);
  const pending = [...new Set([...(previous?.pointer.pendingRemovals ?? []), ...removed])];

  await snapshots.commit(
    round.users,
    {
      syncedAt,
      deltaLink: round.deltaLink,
      ...(full
        ? { lastFullAt: syncedAt }
        : previous?.pointer.lastFullAt
          ? { lastFullAt: previous.pointer.lastFullAt }
          : {}),
      pendingRemovals: pending,
    },
    previous,
    full ? 'all' : round.changed,
  );
  if (pending.length > 0) {
    await removeFromProgrammes(deps, pending);
    await snapshots.updatePointer((p) => ({ ...p, pendingRemovals: [] }));
  }
  if (full) await snapshots.collectGarbage();

  const after = deps.source.stats();
  return {
    users: round.users.size,
    managersLinked: countLinked(round.users),
    removed: removed.size,
    requests: after.requests - before.requests,
    throttled: after.throttled - before.throttled,
    ms: Date.now() - started,
  };
}
