import { createHash } from 'node:crypto';
import type { Messenger, Notification } from '../../ports/messenger';
import type { Store } from '../../ports/store';
import type { Clock } from '../../ports/clock';
import { ConflictError } from '../../core/errors';

/** Outbox message id for a dedupe key: the same notification is stored once. */
export function outboxId(dedupeKey: string): string {
  return createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32);
}

/**
 * Queues notifications in the outbox container. The partition is the batch (one fan-out); the id
 * derives from the dedupe key, so a repeated use case finds the message already queued.
 */
export function outboxMessenger(store: Store, clock: Clock): Messenger {
  return {
    async send(notifications: Notification[], batchId?: string) {
      let queued = 0;
      let duplicates = 0;
      const createdAt = clock.now().toISOString();
      // NOTE: direct notifications share one partition so that a dedupe key is unique across days.
      const batch = batchId ?? 'direct';
      for (const n of notifications) {
        try {
          await store.outbox.create({
            id: outboxId(n.dedupeKey),
            schemaVersion: 1,
            batchId: batch,
            recipient: n.recipient,
            payload: { type: n.type, programmeId: n.programmeId ?? null, params: n.params, dedupeKey: n.dedupeKey },
            status: 'pending',
            attempts: 0,
            createdAt,
          });
          queued++;
        } catch (err) {
          if (err instanceof ConflictError && err.reason === 'exists') duplicates++;
          else throw err;
        }
      }
      return { queued, duplicates };
    },
  };
}
