/**
 * The daily cleanup of remembered Idempotency-Key answers (http/idempotency keeps them, container
 * `idempotency`). A use case, so the daily timer runs it without importing the HTTP layer.
 */
import type { Store } from '../../ports/store';
import type { Clock } from '../../ports/clock';

/** How long a key is remembered (the cleanup timer deletes older records). */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

/** Deletes remembered answers older than the TTL (daily timer); returns how many. */
export async function purgeIdempotency(deps: { store: Store; clock: Clock }): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - IDEMPOTENCY_TTL_MS).toISOString();
  let purged = 0;
  for await (const r of deps.store.idempotency.all(undefined)) {
    if (r.createdAt >= cutoff) continue;
    await deps.store.idempotency.delete(r.scope, r.id).catch(() => {});
    purged++;
  }
  return purged;
}
