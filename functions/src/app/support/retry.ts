import { ConflictError } from '../../core/errors';

/**
 * Runs a read-modify-write again when someone else wrote in between (Conflict 'stale'). For writes
 * of the system (timers, follow-ups); a person's own stale write goes back to them as 412.
 */
export async function retryStale<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof ConflictError && err.reason === 'stale') || i >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 * i + Math.floor(Math.random() * 10)));
    }
  }
}
