/**
 * How the fan-out marks an outbox message while it works on it, within the OutboxMessage record:
 * - pending, no nextAttemptAt (or one in the past): due;
 * - pending with lastError IN_FLIGHT: claimed and being sent, nextAttemptAt is the claim's lease;
 * - pending with another lastError: waiting for a retry at nextAttemptAt;
 * - sent; failed (lastError says why: a permanent error, no conversation yet, or an uncertain send).
 */
export const IN_FLIGHT = 'in-flight';
/** The person never installed the bot: the message waits until they do (see waiting.ts). */
export const NO_CONVERSATION = 'no-conversation';
/** A send that was in flight when the sender stopped: never resent, so nobody gets it twice. */
export const UNCERTAIN = 'uncertain';
