/**
 * Wall-clock time in IANA time zones, DST-correct, with nothing but `Intl` (core stays free of I/O).
 * A local date and time is turned into an instant by asking Intl for the zone's offset at a first
 * guess and correcting once more, which lands on the right side of every DST change; a local time
 * that does not exist (skipped by a spring-forward) is moved forward by the gap, as calendars do.
 */
import type { IsoDate, LocalTime, Weekday } from '../model';
import { WEEKDAYS, minutesOf } from '../model';

const MINUTE = 60_000;
const DAY = 86_400_000;

// NOTE: a memo of pure formatters (slow to create); it never changes a result.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC in minutes at an instant (Berlin in summer: +120). */
export function offsetMinutes(timeZone: string, instant: number): number {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / MINUTE);
}

/** Local wall-clock reading of an instant in a zone. */
export interface ZonedReading {
  date: IsoDate;
  time: LocalTime;
  /** Minutes since local midnight. */
  minutes: number;
  weekday: Weekday;
}

export function utcToZoned(instant: number, timeZone: string): ZonedReading {
  const local = instant + offsetMinutes(timeZone, instant) * MINUTE;
  const d = new Date(local);
  const date = d.toISOString().slice(0, 10);
  const minutes = d.getUTCHours() * 60 + d.getUTCMinutes();
  return { date, time: d.toISOString().slice(11, 16), minutes, weekday: weekdayOfDate(date) };
}

/** The instant (ms) at which the zone's clocks show `date` `time`. */
export function zonedToUtc(date: IsoDate, time: LocalTime, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00.000Z`) + minutesOf(time) * MINUTE;
  let guess = wall - offsetMinutes(timeZone, wall) * MINUTE;
  const second = wall - offsetMinutes(timeZone, guess) * MINUTE;
  if (second !== guess) {
    // Either the first guess was on the other side of a change, or the time does not exist.
    const check = wall - offsetMinutes(timeZone, second) * MINUTE;
    guess = check === second ? second : Math.max(guess, second);
  }
  return guess;
}

/** Weekday of a calendar date (no zone needed: a date is a date). */
export function weekdayOfDate(date: IsoDate): Weekday {
  const js = new Date(`${date}T12:00:00.000Z`).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(js + 6) % 7] as Weekday;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T12:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The first date on or after `date` that falls on `weekday`. */
export function nextWeekday(date: IsoDate, weekday: Weekday): IsoDate {
  const from = WEEKDAYS.indexOf(weekdayOfDate(date));
  const to = WEEKDAYS.indexOf(weekday);
  return addDays(date, (to - from + 7) % 7);
}

/** HH:MM of minutes since midnight (0 ≤ minutes < 1440). */
export function timeOfMinutes(minutes: number): LocalTime {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
