/** An in-memory DirectoryReader over a fixed list of users (the real one reads synced Graph data). */
import type { OrgUser } from '../../functions/src/core/model';
import type { DirectoryReader } from '../../functions/src/ports/directory';

export function memoryDirectory(users: OrgUser[], groups: Record<string, string[]> = {}): DirectoryReader {
  const byId = new Map(users.map((u) => [u.id, u]));
  const enabled = (u: OrgUser) => u.accountEnabled && u.userType === 'Member';
  return {
    async getUser(id) {
      return byId.get(id);
    },
    async getUsers(ids) {
      return ids.map((id) => byId.get(id)).filter((u): u is OrgUser => Boolean(u));
    },
    async managerMap() {
      return new Map(users.filter((u) => u.managerId).map((u) => [u.id, u.managerId as string]));
    },
    async listUsers(filter, page = {}) {
      const search = filter.search?.toLowerCase();
      const all = users.filter(
        (u) =>
          (filter.includeAll || enabled(u)) &&
          (!filter.department || u.department === filter.department) &&
          (!search || u.displayName.toLowerCase().startsWith(search) || u.mail?.toLowerCase().startsWith(search)),
      );
      const start = Number(page.continuationToken ?? 0);
      const size = page.pageSize ?? 100;
      const items = all.slice(start, start + size);
      return start + size < all.length ? { items, continuationToken: String(start + size) } : { items };
    },
    async departments() {
      return [...new Set(users.map((u) => u.department).filter((d): d is string => Boolean(d)))].sort();
    },
    async groupMembers(groupId) {
      return groups[groupId] ?? [];
    },
  };
}
