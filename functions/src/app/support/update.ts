import type { Doc } from '../../core/model';
import { ConflictError } from '../../core/errors';
import { mutate, type Collection, type Stored } from '../../ports/store';

/** An ETag without quotes or weak prefix: Cosmos DB sends `"…"`, the embedded server a bare value. */
export function normalizeEtag(etag: string): string {
  return etag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

/**
 * An HTTP If-Match precondition, checked before anything else about the request: a client that sent
 * a stale ETag gets 412 (Conflict 'stale') whatever else has changed since.
 */
export function assertIfMatch(current: { etag: string }, ifMatch: string | undefined, what: string): void {
  if (ifMatch !== undefined && normalizeEtag(current.etag) !== normalizeEtag(ifMatch))
    throw new ConflictError(`${what} was changed by someone else; reload and try again.`, 'stale');
}

/**
 * Read-modify-write honouring an HTTP If-Match (compared without quotes, since the API always
 * quotes ETags and the store may not). A different current version is Conflict('stale') → 412.
 */
export async function update<T extends Doc>(
  collection: Collection<T>,
  partitionKey: string,
  id: string,
  change: (current: T) => T,
  ifMatch?: string,
): Promise<Stored<T>> {
  if (ifMatch === undefined) return mutate(collection, partitionKey, id, change);
  const current = await collection.get(partitionKey, id);
  assertIfMatch(current, ifMatch, `${collection.name}/${id}`);
  const { etag, ...doc } = current;
  return collection.replace(change(doc as unknown as T), etag);
}
