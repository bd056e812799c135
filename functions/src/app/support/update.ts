import type { Doc } from '../../core/model';
import { ConflictError, UnavailableError } from '../../core/errors';
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

/** The document without the ETag the store handed out with it. */
export function stripEtag<T extends { etag: string }>(stored: T): Omit<T, 'etag'> {
  const { etag: _etag, ...doc } = stored;
  return doc;
}

/** Attempts of a read-modify-write that keeps meeting a concurrent writer (then 503, never 412). */
export const WRITE_ATTEMPTS = 12;

function isStale(err: unknown): boolean {
  return err instanceof ConflictError && err.reason === 'stale';
}

/** Waits before attempt `n` (2, 3, …): exponential from 4 ms, capped at 250 ms, with full jitter. */
function backoff(n: number): Promise<void> {
  const cap = Math.min(250, 4 * 2 ** (n - 1));
  return new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * cap) + 1));
}

/**
 * Runs `work` (a read, checks and a conditional write) again from a fresh read while another writer
 * got in between, bounded and with jitter. A request that named a version (`ifMatch`) is never
 * retried: its stale write is the client's 412. Running out of attempts is 503 (busy), not 412.
 */
export async function retryUnlessIfMatch<T>(ifMatch: string | undefined, work: () => Promise<T>): Promise<T> {
  if (ifMatch !== undefined) return work();
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!isStale(err)) throw err;
      if (attempt >= WRITE_ATTEMPTS)
        throw new UnavailableError(`Too many changes at the same moment (${(err as Error).message}); try again.`);
      await backoff(attempt + 1);
    }
  }
}

/**
 * Read-modify-write honouring an HTTP If-Match (compared without quotes, since the API always
 * quotes ETags and the store may not). With If-Match, a different current version is
 * Conflict('stale') → 412; without, the write is retried from a fresh read until it lands.
 */
export async function update<T extends Doc>(
  collection: Collection<T>,
  partitionKey: string,
  id: string,
  change: (current: T) => T,
  ifMatch?: string,
): Promise<Stored<T>> {
  if (ifMatch === undefined) return retryUnlessIfMatch(undefined, () => mutate(collection, partitionKey, id, change));
  const current = await collection.get(partitionKey, id);
  assertIfMatch(current, ifMatch, `${collection.name}/${id}`);
  const { etag, ...doc } = current;
  return collection.replace(change(doc as unknown as T), etag);
}
