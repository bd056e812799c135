import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** Counters of what the client sent, for sync summaries and benchmarks. */
export interface GraphStats {
  requests: number;
  /** 429 answers (including those inside a $batch). */
  throttled: number;
  retries: number;
}

export interface ResilienceOptions {
  /** Retries after the first attempt (default 8). */
  maxRetries?: number;
  /** Per-attempt timeout (default 30 s). */
  timeoutMs?: number;
  /** First backoff step when no Retry-After is given (default 500 ms, doubled per attempt, at most 30 s). */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const RETRYABLE = new Set([429, 503, 504]);
const MAX_DELAY_MS = 30_000;

export const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Delay from a Retry-After header (seconds or an HTTP date), or undefined. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function cloneHeaders(headers: unknown): unknown {
  if (headers === undefined) return undefined;
  if (headers instanceof Headers) return new Headers(headers);
  if (Array.isArray(headers)) return headers.map((pair: unknown) => (Array.isArray(pair) ? [...pair] : pair));
  return { ...(headers as Record<string, string>) };
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries of many clients spread out. */
export function backoffMs(attempt: number, baseMs: number, random: () => number): number {
  const ceiling = Math.min(MAX_DELAY_MS, baseMs * 2 ** attempt);
  return ceiling / 2 + (random() * ceiling) / 2;
}

/**
 * Graph client middleware: a timeout per attempt, retries on 429 / 503 / 504 honouring Retry-After,
 * exponential backoff with jitter for timeouts and network errors, and request counters. It replaces
 * the SDK's RetryHandler, which has no timeout, no counters and at most 10 retries with fixed steps.
 */
export class ResilienceHandler implements Middleware {
  private next?: Middleware;
  private readonly maxRetries: number;
  private readonly timeoutMs: number;
  private readonly baseDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(
    readonly stats: GraphStats,
    options: ResilienceOptions = {},
  ) {
    this.maxRetries = options.maxRetries ?? 8;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('ResilienceHandler needs a next middleware.');
    const base = context.options ?? {};
    for (let attempt = 0; ; attempt++) {
      // A fresh copy of the headers per attempt: the SDK's AuthenticationHandler appends to them.
      context.options = {
        ...base,
        headers: cloneHeaders(base.headers),
        signal: AbortSignal.timeout(this.timeoutMs),
      } as typeof context.options;
      this.stats.requests++;
      try {
        await this.next.execute(context);
      } catch (err) {
        if (attempt >= this.maxRetries) throw err;
        this.stats.retries++;
        await this.sleep(backoffMs(attempt, this.baseDelayMs, this.random));
        continue;
      }
      const response = context.response;
      if (!response || !RETRYABLE.has(response.status)) return;
      if (response.status === 429) this.stats.throttled++;
      if (attempt >= this.maxRetries) return;
      this.stats.retries++;
      const wait =
        retryAfterMs(response.headers.get('retry-after')) ?? backoffMs(attempt, this.baseDelayMs, this.random);
      await response.arrayBuffer().catch(() => undefined);
      await this.sleep(wait);
    }
  }
}
