/** Time, injected so use cases and timers can be tested at any date. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** ISO timestamp of the clock's now. */
export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}
