/**
 * Spaces sends so that no key (a conversation, a tenant) gets more than its rate: every send
 * reserves the next free slot of each of its keys, so N sends per second are spread evenly and no
 * one-second window holds more than N. Reservation is synchronous, so concurrent workers share it.
 */
export interface RateRule {
  /** Keys with this prefix, e.g. "conversation:" or "tenant:". */
  prefix: string;
  perSecond: number;
}

export class RateLimiter {
  private readonly next = new Map<string, number>();
  private readonly intervals: Array<[string, number]>;

  constructor(rules: RateRule[]) {
    // NOTE: one millisecond more than 1000/N, so clock rounding never puts N + 1 sends in a second.
    this.intervals = rules.map((r) => [r.prefix, Math.ceil(1000 / r.perSecond) + 1]);
  }

  private interval(key: string): number {
    return this.intervals.find(([prefix]) => key.startsWith(prefix))?.[1] ?? 0;
  }

  /** Reserves a slot on every key; returns the time (ms since epoch) at which the send may go. */
  reserve(keys: string[], now: number): number {
    const at = Math.max(now, ...keys.map((k) => this.next.get(k) ?? 0));
    for (const key of keys) this.next.set(key, at + this.interval(key));
    if (this.next.size > 50_000) this.prune(now);
    return at;
  }

  /** The channel said "too many requests": nothing more on this key before `until`. */
  pause(key: string, until: number): void {
    this.next.set(key, Math.max(this.next.get(key) ?? 0, until));
  }

  private prune(now: number): void {
    for (const [key, at] of this.next) if (at < now) this.next.delete(key);
  }
}
