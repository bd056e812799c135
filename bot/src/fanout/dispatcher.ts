/**
 * Drains the outbox: sends each pending message as a card to its person's conversation within
 * Teams' limits (per conversation and per tenant), retries what Teams asks to retry with backoff
 * and jitter, and records every step on the message itself, so a later run resumes where this one
 * stopped. A message is claimed (ETag) before it is sent: two runs never send the same message,
 * and a send that was in flight when a run died is marked uncertain instead of being sent again.
 */
import type { Store, Stored } from '@tandem/ports/store';
import type { Clock } from '@tandem/ports/clock';
import type { ConversationRecord, OutboxMessage } from '@tandem/ports/records';
import { ConflictError, UnavailableError, isDomainError } from '@tandem/core/errors';
import type { Channel } from '../channel/channel';
import type { AdaptiveCard } from '../cards/elements';
import { RateLimiter } from './rate-limiter';
import { DEFAULT_RETRY, isRetryable, retryDelayMs, type RetrySettings, type SendFailure } from './retry-policy';
import { BLOCKED_STATUS, NO_CONVERSATION, UNCERTAIN } from './outbox-state';
import { markUnreachable } from '../handler/conversations';

export interface FanoutLimits {
  /** Messages per second into one conversation (Teams: about 7). */
  perConversationPerSecond: number;
  /** Messages per second per app per tenant (Teams: about 50). */
  perTenantPerSecond: number;
}

/** Pace at 90% of the limits: Teams counts on its side, after network jitter. */
const HEADROOM = 0.9;
/** A send this much later than its slot takes a new one. */
const LATE_MS = 25;

export const DEFAULT_LIMITS: FanoutLimits = { perConversationPerSecond: 7, perTenantPerSecond: 50 };

export interface FanoutOptions {
  limits?: FanoutLimits;
  retry?: RetrySettings;
  /** Messages scheduled at once (each waits for its rate-limit slot, then is claimed and sent). */
  concurrency?: number;
  /** How long a claim holds before the run is taken for dead (far above one send's timeout). */
  leaseMs?: number;
  /** Stop claiming new messages after this time (ms since epoch), e.g. before the function times out. */
  deadline?: number;
  /** Keep waiting for retries that are due before the deadline (default true); false drains one pass. */
  waitForRetries?: boolean;
  signal?: AbortSignal;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Shared limiter, so several drains in one process respect one budget. */
  limiter?: RateLimiter;
}

export interface FanoutDeps {
  store: Store;
  clock: Clock;
  channel: Channel;
  /** The card for a message (in the person's language); undefined when there is nothing to show any more. */
  render(message: OutboxMessage, conversation: ConversationRecord): Promise<AdaptiveCard | undefined>;
}

export interface DrainReport {
  sent: number;
  /** Sends the channel refused for now and that were scheduled again. */
  retried: number;
  failed: number;
  /** Messages for people without a conversation yet: sent when they install the bot. */
  waiting: number;
  /** Messages that no longer apply (their subject is gone): recorded as failed with the reason. */
  dropped: number;
  /** In flight when an earlier run stopped: not resent. */
  uncertain: number;
  /** Messages this run could not work on (the store failed for longer); they stay for a later run. */
  errors: number;
  /** Still pending when the run ended (deadline, or retries due later). */
  remaining: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function failureOf(err: unknown): SendFailure {
  const e = err as Partial<SendFailure> & { message?: string };
  return {
    message: e?.message ?? String(err),
    ...(typeof e?.status === 'number' ? { status: e.status } : {}),
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
    ...(typeof e?.retryAfterMs === 'number' ? { retryAfterMs: e.retryAfterMs } : {}),
  };
}

function strip<T extends object>(stored: Stored<T>): T {
  const { etag: _etag, ...doc } = stored;
  return doc as unknown as T;
}

/** The limiter for these limits (paced at 90%: Teams counts on its side, after network jitter). */
export function limiterFor(limits: FanoutLimits): RateLimiter {
  return new RateLimiter([
    { prefix: 'conversation:', perSecond: limits.perConversationPerSecond * HEADROOM },
    { prefix: 'tenant:', perSecond: limits.perTenantPerSecond * HEADROOM },
  ]);
}

export async function drainOutbox(deps: FanoutDeps, options: FanoutOptions = {}): Promise<DrainReport> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const retry = options.retry ?? DEFAULT_RETRY;
  const concurrency = Math.max(1, options.concurrency ?? 200);
  const leaseMs = options.leaseMs ?? 120_000;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const limiter = options.limiter ?? limiterFor(limits);
  const report: DrainReport = {
    sent: 0,
    retried: 0,
    failed: 0,
    waiting: 0,
    dropped: 0,
    uncertain: 0,
    errors: 0,
    remaining: 0,
  };
  const now = () => deps.clock.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const stopped = () =>
    Boolean(options.signal?.aborted) || (options.deadline !== undefined && now() >= options.deadline);

  /** Writes the next state of a message we hold; false when someone else changed it meanwhile. */
  const write = async (doc: OutboxMessage, etag: string): Promise<Stored<OutboxMessage> | undefined> => {
    // A short store hiccup must not cost a record: above all not the "sent" after a delivered card.
    for (let attempt = 0; ; attempt++) {
      try {
        return await deps.store.outbox.replace(doc, etag);
      } catch (err) {
        if (err instanceof ConflictError) return undefined;
        if (!(err instanceof UnavailableError) || attempt >= 4) throw err;
        await sleep(50 * 2 ** attempt);
      }
    }
  };

  const conversations = new Map<string, ConversationRecord | undefined>();
  const conversationOf = async (userId: string) => {
    if (!conversations.has(userId)) {
      const found = await deps.store.conversations.find(userId, userId);
      conversations.set(userId, found ? strip(found) : undefined);
    }
    return conversations.get(userId);
  };

  async function process(stored: Stored<OutboxMessage>): Promise<void> {
    const message = strip(stored);
    const conversation = await conversationOf(message.recipient);
    if (!conversation || conversation.unreachable) {
      const why = !conversation
        ? 'the person has not installed the bot yet'
        : `the person ${conversation.unreachable?.reason === 'uninstalled' ? 'removed' : 'blocked'} the bot`;
      if (await write({ ...message, status: 'failed', lastError: `${NO_CONVERSATION}: ${why}` }, stored.etag))
        report.waiting++;
      return;
    }
    let card: AdaptiveCard | undefined;
    try {
      card = await deps.render(message, conversation);
    } catch (err) {
      const reason = (err instanceof Error ? err.message : String(err)).slice(0, 400);
      if (err instanceof UnavailableError) {
        // The store or the directory is down for now: try again later, like a throttled send.
        const delay = retryDelayMs({ message: reason }, message.attempts + 1, retry, random);
        if (
          await write(
            { ...message, lastError: `unavailable: ${reason}`, nextAttemptAt: iso(now() + delay) },
            stored.etag,
          )
        )
          report.retried++;
        return;
      }
      // A bug or a card that would not pass Teams: recorded, never retried in a loop.
      const lastError = isDomainError(err) ? `dropped: ${reason}` : `render failed: ${reason}`;
      if (await write({ ...message, status: 'failed', lastError }, stored.etag)) {
        if (isDomainError(err)) report.dropped++;
        else report.failed++;
      }
      return;
    }
    if (!card) {
      if (await write({ ...message, status: 'failed', lastError: 'dropped: nothing to show any more' }, stored.etag))
        report.dropped++;
      return;
    }
    const conversationId = String(
      (conversation.reference.conversation as { id?: string } | undefined)?.id ?? conversation.id,
    );
    // A send that woke up late (a busy process) takes a new slot rather than bunch up with later ones.
    const keys = [`conversation:${conversationId}`, `tenant:${conversation.tenantId ?? 'unknown'}`];
    for (let tries = 0; tries < 3; tries++) {
      const at = limiter.reserve(keys, now());
      if (at > now()) await sleep(at - now());
      if (now() - at <= LATE_MS) break;
    }
    if (stopped()) return;
    const attempts = message.attempts + 1;
    const claimed = await write(
      { ...message, attempts, status: 'sending', lastError: undefined, nextAttemptAt: iso(now() + leaseMs) },
      stored.etag,
    );
    if (!claimed) return;
    let activityId: string | undefined;
    try {
      ({ activityId } = await deps.channel.sendCard(conversation.reference, card));
    } catch (err) {
      const failure = failureOf(err);
      const retryable = isRetryable(failure) && attempts < retry.maxAttempts;
      if (failure.status === 429 && failure.retryAfterMs)
        limiter.pause(`conversation:${conversationId}`, now() + failure.retryAfterMs);
      const lastError = `${failure.status ?? failure.code ?? 'error'}: ${failure.message}`.slice(0, 500);
      if (failure.status === BLOCKED_STATUS) {
        // Blocked or uninstalled: recorded on the conversation, so later messages wait for a reinstall.
        await markUnreachable(deps.store, deps.clock, message.recipient, 'blocked');
        conversations.delete(message.recipient);
      }
      const next: OutboxMessage = retryable
        ? {
            ...message,
            attempts,
            status: 'pending',
            lastError,
            nextAttemptAt: iso(now() + retryDelayMs(failure, attempts, retry, random)),
          }
        : { ...message, attempts, status: 'failed', lastError, nextAttemptAt: undefined };
      if (await write(next, claimed.etag)) {
        if (retryable) report.retried++;
        else report.failed++;
      }
      return;
    }
    await write(
      {
        ...message,
        attempts,
        status: 'sent',
        sentAt: iso(now()),
        ...(activityId ? { activityId } : {}),
        lastError: undefined,
        nextAttemptAt: undefined,
      },
      claimed.etag,
    );
    report.sent++;
  }

  while (!stopped()) {
    let earliestLater: number | undefined;
    let worked = false;
    // Each message waits for its own slot (the limiter paces), so one busy conversation never
    // holds up the others; `concurrency` caps how many messages are scheduled at once.
    const outstanding = new Set<Promise<void>>();
    const schedule = async (message: Stored<OutboxMessage>) => {
      while (outstanding.size >= concurrency) await Promise.race(outstanding);
      // One message's trouble (the store down for longer) never stops the others: it stays as last
      // recorded and a later pass or run picks it up.
      const task: Promise<void> = process(message)
        .catch((err: unknown) => {
          report.errors++;
          console.error(`outbox ${message.id}: ${err instanceof Error ? err.message : String(err)}`);
        })
        .finally(() => outstanding.delete(task));
      outstanding.add(task);
    };

    try {
      // NOTE: no ORDER BY: the outbox spans partitions (one per batch) and may hold a whole company's
      // invitations, which the gateway cannot sort across partitions; each message's own
      // nextAttemptAt and the per-conversation pacing decide when it goes, not its place in the scan.
      for await (const message of deps.store.outbox.all(undefined, {
        where: { status: ['pending', 'sending'] },
      })) {
        if (stopped()) break;
        const due = message.nextAttemptAt ? Date.parse(message.nextAttemptAt) : 0;
        if (message.status === 'sending') {
          if (due > now()) continue; // another run holds it
          const doc = strip(message);
          if (
            await write(
              {
                ...doc,
                status: 'failed',
                lastError: `${UNCERTAIN}: the sender stopped while sending; not sent again`,
                nextAttemptAt: undefined,
              },
              message.etag,
            )
          )
            report.uncertain++;
          continue;
        }
        if (due > now()) {
          earliestLater = Math.min(earliestLater ?? Infinity, due);
          continue;
        }
        worked = true;
        await schedule(message);
      }
    } finally {
      // Even when a pass fails (the store stopped answering), the sends already started finish and
      // are recorded before the run ends: nothing is left half-sent by us.
      await Promise.all(outstanding);
    }
    if (worked) continue;
    if (earliestLater === undefined || options.waitForRetries === false) break;
    const wait = earliestLater - now();
    if (options.deadline !== undefined && earliestLater >= options.deadline) break;
    await sleep(Math.max(10, wait));
  }
  for await (const _pending of deps.store.outbox.all(undefined, { where: { status: ['pending', 'sending'] } }))
    report.remaining++;
  return report;
}
