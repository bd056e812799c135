import type { Store } from '@tandem/ports/store';
import { BLOCKED_STATUS, NO_CONVERSATION } from './outbox-state';

/**
 * When a person installs the bot (again), their messages that were waiting for a conversation or
 * were refused with 403 while the bot was blocked or removed are due again (an invitation sent
 * before they ever opened Tandem reaches them now). Returns how many.
 */
export async function releaseWaitingMessages(store: Store, userId: string): Promise<number> {
  let released = 0;
  for await (const message of store.outbox.all(undefined, { where: { recipient: userId, status: 'failed' } })) {
    // Waiting for a conversation, or refused with 403 (the bot was blocked or removed at the time).
    if (!message.lastError?.startsWith(NO_CONVERSATION) && !message.lastError?.startsWith(`${BLOCKED_STATUS}:`))
      continue;
    const { etag, ...doc } = message;
    try {
      await store.outbox.replace({ ...doc, status: 'pending', nextAttemptAt: undefined, lastError: undefined }, etag);
      released++;
    } catch {
      // Someone else released or changed it meanwhile: nothing to do.
    }
  }
  return released;
}
