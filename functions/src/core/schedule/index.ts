/** Scheduling: wall-clock time in IANA zones, weekly recurrence and the pair slot finder. Pure. */
export * from './zoned-time';
export * from './recurrence';
export * from './find-slot';
export * from './time-of-day';
export * from './free-slots';
