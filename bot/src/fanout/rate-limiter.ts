/**
 * Paces sends so that no key (a conversation, a tenant) gets more than its rate. Time is cut, per
 * key, into slots of a little more than 1000/N ms and every send takes one free slot of each of
 * its keys: no one-second window can then hold more than N sends of a key, and a send that has to
 * wait for its busy conversation does not hold up sends to other conversations. Reservation is
 * synchronous, so concurrent workers share one schedule.
 */
export interface RateRule {
  /** Keys with this prefix, e.g. "conversation:" or "tenant:". */
  prefix: string;
  perSecond: number;
}

interface KeyState {
  interval: number;
  taken: Set<number>;
  blockedUntil: number;
}

export class RateLimiter {
  private readonly keys = new Map<string, KeyState>();
  private readonly intervals: Array<[string, number]>;
  private reservations = 0;

  constructor(rules: RateRule[]) {
    // NOTE: 1 ms more than 1000/N: a one-second window then overlaps at most N slots.
    this.intervals = rules.map((r) => [r.prefix, Math.ceil(1000 / r.perSecond) + 1]);
  }

  private state(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      const interval = this.intervals.find(([prefix]) => key.startsWith(prefix))?.[1] ?? 1;
      state = { interval, taken: new Set(), blockedUntil: 0 };
      this.keys.set(key, state);
    }
    return state;
  }

  /** The earliest time ≥ t at which `state` has a free slot. */
  private earliest(state: KeyState, t: number): number {
    const from = Math.max(t, state.blockedUntil);
    let slot = Math.floor(from / state.interval);
    if (!state.taken.has(slot)) return from;
    while (state.taken.has(slot)) slot++;
    return slot * state.interval;
  }

  /** Reserves a slot on every key; returns the time (ms since epoch) at which the send may go. */
  reserve(keys: string[], now: number): number {
    const states = keys.map((k) => this.state(k));
    let at = now;
    for (let moved = true; moved;) {
      moved = false;
      for (const state of states) {
        const next = this.earliest(state, at);
        if (next > at) {
          at = next;
          moved = true;
        }
      }
    }
    for (const state of states) state.taken.add(Math.floor(at / state.interval));
    if (++this.reservations % 5000 === 0) this.prune(now);
    return at;
  }

  /** The channel said "too many requests": nothing more on this key before `until`. */
  pause(key: string, until: number): void {
    const state = this.state(key);
    state.blockedUntil = Math.max(state.blockedUntil, until);
  }

  private prune(now: number): void {
    for (const [key, state] of this.keys) {
      const current = Math.floor(now / state.interval);
      for (const slot of state.taken) if (slot < current) state.taken.delete(slot);
      if (!state.taken.size && state.blockedUntil < now) this.keys.delete(key);
    }
  }
}
