import type { DirectoryObject, User } from '@microsoft/microsoft-graph-types';
import type { DeltaPage, DirectoryChange, DirectoryFields, DirectorySource } from '../../ports/directory';
import { InvalidError } from '../../core/errors';
import type { GraphConnection } from './client';
import { toDomainError } from './errors';

/** What the sync tracks; `manager` makes delta report manager changes as `manager@delta`. */
export const DELTA_SELECT = [
  'id',
  'displayName',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'department',
  'officeLocation',
  'preferredLanguage',
  'accountEnabled',
  'userType',
  'manager',
] satisfies (keyof User)[];

const STRING_FIELDS = [
  'displayName',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'department',
  'officeLocation',
  'preferredLanguage',
] as const satisfies readonly (keyof User & keyof DirectoryFields)[];

/**
 * A `users/delta` item as received: untrusted until parseDeltaItem has checked it, so loosely typed
 * here; the field names it reads are User's (STRING_FIELDS), so a misspelt one fails the type check.
 */
type Item = Record<string, unknown>;

/** Reads one `users/delta` item into a change, checking every field's type (Graph payloads are input too). */
export function parseDeltaItem(item: Item): DirectoryChange {
  const id = item.id;
  if (typeof id !== 'string' || !id) throw new InvalidError('Graph users/delta: an item has no id.');
  const removed = item['@removed'] as { reason?: unknown } | undefined;
  if (removed) return { id, removed: removed.reason === 'deleted' ? 'deleted' : 'changed', fields: {} };
  const fields: DirectoryFields = {};
  for (const name of STRING_FIELDS) {
    if (!(name in item)) continue;
    const value = item[name];
    if (value !== null && typeof value !== 'string')
      throw new InvalidError(`Graph users/delta: ${id}.${name} is not text.`);
    fields[name] = value;
  }
  const accountEnabled: keyof User = 'accountEnabled';
  if (accountEnabled in item) {
    const value = item[accountEnabled];
    if (value !== null && typeof value !== 'boolean')
      throw new InvalidError(`Graph users/delta: ${id}.accountEnabled is not true/false.`);
    fields.accountEnabled = value;
  }
  const userType: keyof User = 'userType';
  if (userType in item)
    fields.userType = item[userType] === 'Guest' ? 'Guest' : item[userType] === null ? null : 'Member';
  const change: DirectoryChange = { id, fields };
  if ('manager@delta' in item) {
    const links = Array.isArray(item['manager@delta']) ? (item['manager@delta'] as Item[]) : [];
    const live = links.filter((l) => l && !l['@removed'] && typeof l.id === 'string');
    change.manager = (live[live.length - 1]?.id as string | undefined) ?? null;
  }
  return change;
}

/** The directory as Graph's `users/delta` reports it, plus transitive group members for invitations. */
export function graphDirectorySource(conn: GraphConnection): DirectorySource {
  return {
    async deltaPage(link) {
      if (link && !conn.ownsLink(link))
        throw new InvalidError(`Refusing to follow a delta link to another host than ${conn.baseUrl}.`);
      let body: Item;
      try {
        const request = link ? conn.client.api(link) : conn.client.api('/users/delta').select(DELTA_SELECT);
        body = (await request.get()) as Item;
      } catch (err) {
        throw toDomainError(err, link ? 'the next page of users/delta' : 'users/delta');
      }
      const value = Array.isArray(body.value) ? (body.value as Item[]) : [];
      const page: DeltaPage = { changes: value.map(parseDeltaItem) };
      if (typeof body['@odata.nextLink'] === 'string') page.nextLink = body['@odata.nextLink'];
      if (typeof body['@odata.deltaLink'] === 'string') page.deltaLink = body['@odata.deltaLink'];
      if (!page.nextLink && !page.deltaLink)
        throw new InvalidError('Graph users/delta returned neither a nextLink nor a deltaLink.');
      return page;
    },
    async groupMembers(groupId) {
      const ids: string[] = [];
      let link: string | undefined;
      try {
        do {
          // Casting to users is an advanced query: ConsistencyLevel on every page, $count=true (kept in nextLink).
          const request = (
            link
              ? conn.client.api(link)
              : conn.client
                  .api(`/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user`)
                  .select('id')
                  .count(true)
                  .top(999)
          ).header('ConsistencyLevel', 'eventual');
          const body = (await request.get()) as { value?: DirectoryObject[]; '@odata.nextLink'?: string };
          for (const m of body.value ?? []) if (typeof m.id === 'string') ids.push(m.id);
          link = body['@odata.nextLink'];
          if (link && !conn.ownsLink(link)) throw new InvalidError('Refusing to follow a link to another host.');
        } while (link);
      } catch (err) {
        if (err instanceof InvalidError) throw err;
        throw toDomainError(err, `the members of group ${groupId}`);
      }
      return ids;
    },
    stats: () => ({ requests: conn.stats.requests, throttled: conn.stats.throttled }),
  };
}
