import type { OrgUser } from '../../core/model';
import { isInvitable } from '../../core/model';
import { InvalidError, UnavailableError } from '../../core/errors';
import type { DirectoryReader, DirectorySource } from '../../ports/directory';
import type { Page, Store } from '../../ports/store';
import { DirectorySnapshots } from './directory-store';

interface Snapshot {
  generation: number;
  users: Map<string, OrgUser>;
  sorted: OrgUser[];
  departments: string[];
}

const EMPTY: Snapshot = { generation: 0, users: new Map(), sorted: [], departments: [] };

function matches(u: OrgUser, filter: { department?: string; search?: string; includeAll?: boolean }): boolean {
  if (!filter.includeAll && !isInvitable(u)) return false;
  if (filter.department && (u.department ?? '').toLowerCase() !== filter.department.toLowerCase()) return false;
  if (filter.search) {
    const q = filter.search.trim().toLowerCase();
    const words = u.displayName.toLowerCase().split(/\s+/);
    const name = u.displayName.toLowerCase();
    const mail = (u.mail ?? u.userPrincipalName ?? '').toLowerCase();
    if (!name.startsWith(q) && !words.some((w) => w.startsWith(q)) && !mail.startsWith(q)) return false;
  }
  return true;
}

function token(offset: number, filterKey: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: filterKey })).toString('base64url');
}

function offsetOf(continuationToken: string, filterKey: string): number {
  try {
    const t = JSON.parse(Buffer.from(continuationToken, 'base64url').toString('utf8')) as { o?: unknown; f?: unknown };
    if (typeof t.o === 'number' && Number.isInteger(t.o) && t.o >= 0 && t.f === filterKey) return t.o;
  } catch {
    // fall through
  }
  throw new InvalidError('The continuation token is not valid for this list.', { continuationToken: ['not valid'] });
}

/**
 * The directory as the app reads it: the last complete generation in the store (see
 * DirectorySnapshots), cached in memory per generation — each call costs one pointer read, and a
 * new generation is loaded once. Group membership comes from Graph (the store keeps no groups).
 */
export function storeDirectoryReader(store: Store, tenantId: string, source?: DirectorySource): DirectoryReader {
  const snapshots = new DirectorySnapshots(store, tenantId);
  let cached: Snapshot = EMPTY;
  let loading: Promise<Snapshot> | undefined;

  const current = async (): Promise<Snapshot> => {
    const found = await snapshots.readPointer();
    if (!found) return EMPTY;
    if (found.pointer.generation === cached.generation) return cached;
    loading ??= (async () => {
      const users = await snapshots.loadChunks(found.pointer);
      const sorted = [...users.values()].sort(
        (a, b) => a.displayName.localeCompare(b.displayName) || (a.id < b.id ? -1 : 1),
      );
      const departments = [
        ...new Set(
          sorted
            .filter(isInvitable)
            .map((u) => u.department ?? '')
            .filter(Boolean),
        ),
      ].sort();
      cached = { generation: found.pointer.generation, users, sorted, departments };
      return cached;
    })().finally(() => {
      loading = undefined;
    });
    return loading;
  };

  return {
    async getUser(id) {
      return (await current()).users.get(id);
    },
    async getUsers(ids) {
      const { users } = await current();
      return ids.map((id) => users.get(id)).filter((u): u is OrgUser => Boolean(u));
    },
    async managerMap() {
      const map = new Map<string, string>();
      for (const u of (await current()).users.values()) if (u.managerId) map.set(u.id, u.managerId);
      return map;
    },
    async listUsers(filter, page = {}): Promise<Page<OrgUser>> {
      const pageSize = Math.min(Math.max(1, page.pageSize ?? 100), 1000);
      const key = JSON.stringify([filter.department ?? '', filter.search ?? '', Boolean(filter.includeAll)]);
      const offset = page.continuationToken ? offsetOf(page.continuationToken, key) : 0;
      const all = (await current()).sorted.filter((u) => matches(u, filter));
      const items = all.slice(offset, offset + pageSize);
      const next = offset + items.length;
      return { items, ...(next < all.length ? { continuationToken: token(next, key) } : {}) };
    },
    async departments() {
      return (await current()).departments;
    },
    async groupMembers(groupId) {
      if (!source) throw new UnavailableError('Microsoft Graph is not configured: group membership cannot be read.');
      return source.groupMembers(groupId);
    },
  };
}
