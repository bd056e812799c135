/**
 * The stand-in's directory: a generated organisation that tests can change (add, update, move,
 * remove people), with Graph's `users/delta` semantics: a full round pages through everyone with
 * `manager@delta`; a round from a deltaLink reports only what changed since, `@removed` for deleted
 * users, and `manager@delta` only when the manager changed (with `@removed` for a removed manager).
 * Every change gets a version number; delta tokens carry versions and offsets (opaque to clients)
 * and the sync-state epoch they were issued in: `resetSyncState` makes every earlier token answer
 * 410 Gone, as Graph does when a token expired or the tenant was moved.
 */
import type { DirectoryObject, User } from '@microsoft/microsoft-graph-types';
import { generateOrg, type GeneratedUser } from '../demo/org';

export interface StandInUser extends GeneratedUser {
  changedAt: number;
  managerChangedAt: number;
  previousManagerId?: string;
}

/** Page size of users/delta (Graph returns at most 200 users per delta page; $top is not supported). */
export const DELTA_PAGE = 200;

/** A removal as users/delta reports it. */
interface Removed {
  '@removed': { reason: 'changed' | 'deleted' };
}
/** One users/delta item: a user (or only its id, removed) with its manager link's change. */
type Row = User &
  Partial<Removed> & { 'manager@delta'?: (DirectoryObject & { '@odata.type': string } & Partial<Removed>)[] };

export interface DeltaToken {
  kind: 'full' | 'delta';
  /** Changes after this version are reported (delta rounds). */
  since: number;
  /** Version when the round started: the next deltaLink continues from here. */
  upto: number;
  offset: number;
  select: string[];
  /** The sync-state epoch the round started in (absent: the first). */
  epoch?: number;
}

export function encodeToken(t: DeltaToken): string {
  return Buffer.from(JSON.stringify(t)).toString('base64url');
}

export function decodeToken(text: string): DeltaToken | undefined {
  try {
    const t = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as DeltaToken;
    return typeof t.since === 'number' && typeof t.offset === 'number' && Array.isArray(t.select) ? t : undefined;
  } catch {
    return undefined;
  }
}

export class DirectoryState {
  version = 1;
  /** Tokens issued before this epoch are gone (410). */
  syncEpoch = 0;
  readonly users = new Map<string, StandInUser>();
  readonly removed = new Map<string, number>();
  /** Every id ever seen, in a fixed order, so delta offsets stay valid while the directory changes. */
  private readonly order: string[] = [];

  constructor(org: GeneratedUser[]) {
    for (const u of org) this.put({ ...u, changedAt: 1, managerChangedAt: 1 });
  }

  static generated(size: number, seed = 42): DirectoryState {
    return new DirectoryState(generateOrg({ size, seed }));
  }

  private put(u: StandInUser): void {
    if (!this.users.has(u.id) && !this.removed.has(u.id)) this.order.push(u.id);
    this.removed.delete(u.id);
    this.users.set(u.id, u);
  }

  findByIdOrMail(key: string): StandInUser | undefined {
    const direct = this.users.get(key);
    if (direct) return direct;
    const lower = key.toLowerCase();
    for (const u of this.users.values())
      if (u.mail.toLowerCase() === lower || u.userPrincipalName.toLowerCase() === lower) return u;
    return undefined;
  }

  addUser(user: GeneratedUser): void {
    const v = ++this.version;
    this.put({ ...user, changedAt: v, managerChangedAt: v });
  }

  updateUser(id: string, patch: Partial<Omit<GeneratedUser, 'id' | 'managerId'>>): void {
    const u = this.users.get(id);
    if (!u) throw new Error(`no user ${id}`);
    this.users.set(id, { ...u, ...patch, changedAt: ++this.version });
  }

  setManager(id: string, managerId: string | undefined): void {
    const u = this.users.get(id);
    if (!u) throw new Error(`no user ${id}`);
    const v = ++this.version;
    const next: StandInUser = { ...u, changedAt: v, managerChangedAt: v };
    if (u.managerId) next.previousManagerId = u.managerId;
    if (managerId) next.managerId = managerId;
    else delete next.managerId;
    this.users.set(id, next);
  }

  removeUser(id: string): void {
    if (!this.users.delete(id)) throw new Error(`no user ${id}`);
    this.removed.set(id, ++this.version);
  }

  /**
   * Every delta and skip token issued so far is refused from now on with 410 Gone
   * (`syncStateNotFound`), as after Graph's token expiry (7 days for directory objects) or a tenant
   * migration: the client must start again with a full round.
   */
  resetSyncState(): void {
    this.syncEpoch++;
  }

  /** True when the token belongs to a sync state that was reset since. */
  isGone(token: DeltaToken): boolean {
    return (token.epoch ?? 0) < this.syncEpoch;
  }

  /** The user as Graph returns it with `$select` (all plain properties without one). */
  resource(u: StandInUser, select: string[]): Row {
    const all: User = {
      id: u.id,
      displayName: u.displayName,
      givenName: u.givenName,
      surname: u.surname,
      mail: u.mail,
      userPrincipalName: u.userPrincipalName,
      jobTitle: u.jobTitle,
      department: u.department,
      officeLocation: u.officeLocation,
      preferredLanguage: u.preferredLanguage,
      accountEnabled: u.accountEnabled,
      userType: u.userType,
      employeeHireDate: `${u.employeeHireDate}T00:00:00Z`,
    };
    if (!select.length) return all;
    // $select names properties at run time: copied by name, from the typed resource above.
    const out: Record<string, unknown> = { id: u.id };
    for (const name of select) if (name in all) out[name] = all[name as keyof User];
    return out as User;
  }

  /** One page of a delta round; returns the items and the next token or the final deltaLink version. */
  deltaPage(token: DeltaToken): { items: Row[]; next?: DeltaToken; deltaVersion?: number } {
    const items: Row[] = [];
    const withManager = token.select.includes('manager');
    const plain = token.select.filter((s) => s !== 'manager');
    let i = token.offset;
    for (; i < this.order.length && items.length < DELTA_PAGE; i++) {
      const id = this.order[i] as string;
      const u = this.users.get(id);
      if (token.kind === 'full') {
        if (!u) continue;
        const row = this.resource(u, plain);
        if (withManager && u.managerId)
          row['manager@delta'] = [{ '@odata.type': '#microsoft.graph.user', id: u.managerId }];
        items.push(row);
        continue;
      }
      if (!u) {
        const at = this.removed.get(id);
        if (at !== undefined && at > token.since) items.push({ id, '@removed': { reason: 'changed' } });
        continue;
      }
      if (u.changedAt <= token.since) continue;
      const row = this.resource(u, plain);
      if (withManager && u.managerChangedAt > token.since) {
        row['manager@delta'] = u.managerId
          ? [{ '@odata.type': '#microsoft.graph.user', id: u.managerId }]
          : u.previousManagerId
            ? [{ '@odata.type': '#microsoft.graph.user', id: u.previousManagerId, '@removed': { reason: 'deleted' } }]
            : [];
      }
      items.push(row);
    }
    if (i < this.order.length) return { items, next: { ...token, offset: i } };
    return { items, deltaVersion: token.upto };
  }
}
