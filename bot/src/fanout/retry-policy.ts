/**
 * Which failed sends are retried and when: Teams asks bots to retry 429 (honouring Retry-After),
 * 412, 502 and 504 with exponential backoff and jitter; connection errors before an answer are
 * retried the same way. Anything else (403 the user blocked the bot, 404 no such conversation,
 * 400 a bad card) is final.
 */
export const RETRYABLE_STATUSES = new Set([429, 412, 502, 504]);
const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'UND_ERR_SOCKET']);

export interface SendFailure {
  status?: number;
  code?: string;
  retryAfterMs?: number;
  message: string;
}

export interface RetrySettings {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetrySettings = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 60_000 };

export function isRetryable(failure: SendFailure): boolean {
  if (failure.status !== undefined) return RETRYABLE_STATUSES.has(failure.status);
  return failure.code !== undefined && RETRYABLE_CODES.has(failure.code);
}

/**
 * Delay before attempt `attempt + 1` (attempt counts from 1): exponential with "equal jitter"
 * (half fixed, half random), never shorter than the channel's Retry-After.
 */
export function retryDelayMs(
  failure: SendFailure,
  attempt: number,
  settings: RetrySettings,
  random: () => number,
): number {
  const exp = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exp / 2 + random() * (exp / 2);
  return Math.round(Math.max(jittered, failure.retryAfterMs ?? 0));
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
