/**
 * How the fan-out moves an outbox message along (OutboxMessage.status):
 * - pending, no nextAttemptAt (or one in the past): due;
 * - pending with lastError: waiting for a retry at nextAttemptAt;
 * - sending: claimed and being sent; nextAttemptAt is the claim's lease;
 * - sent (with the activity id); failed (lastError says why: a permanent error, no conversation yet,
 *   or an uncertain send).
 */
/** The person never installed the bot: the message waits until they do (see waiting.ts). */
export const NO_CONVERSATION = 'no-conversation';
/** A send that was in flight when the sender stopped: never resent, so nobody gets it twice. */
export const UNCERTAIN = 'uncertain';
/** Teams' answer when the person blocked or removed the bot: the message waits for a reinstall. */
export const BLOCKED_STATUS = 403;
