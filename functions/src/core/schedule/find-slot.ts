/**
 * Finds the wall-clock start of a pair's weekly series: on the programme's weekday, inside both
 * people's working hours and the programme's session window in each person's own time zone, on
 * every session of the series (so a DST change in one country never pushes a later session outside
 * someone's day), and free in both calendars wherever free/busy is known. Pure: free/busy comes in
 * as Graph's availabilityView strings.
 */
import type { IsoDate, IsoDateTime, LocalTime, Weekday } from '../model';
import { minutesOf } from '../model';
import { type PlannedOccurrence, weeklyOccurrences } from './recurrence';
import { addDays, timeOfMinutes, utcToZoned } from './zoned-time';

/** Working hours as a mailbox states them, in the person's own zone. */
export interface WorkingHours {
  days: Weekday[];
  start: LocalTime;
  end: LocalTime;
  timeZone: string;
}

/** Graph free/busy of one person: one digit per slot from `start` (0 free, 1 tentative, 2 busy, 3 away, 4 elsewhere). */
export interface Availability {
  start: IsoDateTime;
  intervalMinutes: number;
  view: string;
}

export interface SlotPerson {
  id: string;
  workingHours: WorkingHours;
  availability?: Availability;
}

export interface SlotRequest {
  people: SlotPerson[];
  /** Organiser's zone: the series' wall-clock time is fixed there. */
  timeZone: string;
  weekday: Weekday;
  intervalWeeks: number;
  sessions: number;
  sessionMinutes: number;
  /** Earliest and latest local time of a session for everyone (the programme's window). */
  window: { start: LocalTime; end: LocalTime };
  /** No session before this date (organiser's calendar). */
  earliestDate: IsoDate;
  /** How many later first weeks to try when the first one has no common slot (default 3). */
  maxShiftWeeks?: number;
  /** Candidate starts every N minutes (default 15). */
  stepMinutes?: number;
  /**
   * When no time is free on every session, accept the time with the fewest busy sessions if the
   * first is free and at most this many clash (default a third of the sessions): those sessions are
   * then moved one by one. 0 demands a fully free series.
   */
  maxConflicts?: number;
}

export interface FoundSlot {
  startTime: LocalTime;
  firstDate: IsoDate;
  occurrences: PlannedOccurrence[];
  /** Sessions (indices) that clash with a known busy time in someone's calendar. */
  conflicts: number[];
}

export type SlotResult = { found: true; slot: FoundSlot } | { found: false; reason: string };

const MINUTE = 60_000;

/** True when the session [start, end) lies inside the person's working day and the programme window. */
export function insideDay(p: SlotPerson, start: number, end: number, window: SlotRequest['window']): boolean {
  const tz = p.workingHours.timeZone;
  const a = utcToZoned(start, tz);
  const b = utcToZoned(end, tz);
  if (a.date !== b.date && b.minutes !== 0) return false;
  if (!p.workingHours.days.includes(a.weekday)) return false;
  const endMinutes = a.date === b.date ? b.minutes : 1440;
  const from = Math.max(minutesOf(p.workingHours.start), minutesOf(window.start));
  const to = Math.min(minutesOf(p.workingHours.end), minutesOf(window.end));
  return a.minutes >= from && endMinutes <= to;
}

/** 'free' when every known slot in [start, end) is free, 'busy' when one is not, 'unknown' outside the view. */
export function freeIn(a: Availability | undefined, start: number, end: number): 'free' | 'busy' | 'unknown' {
  if (!a) return 'unknown';
  const origin = Date.parse(a.start);
  const step = a.intervalMinutes * MINUTE;
  const from = Math.floor((start - origin) / step);
  const to = Math.ceil((end - origin) / step);
  if (from < 0 || to > a.view.length) return 'unknown';
  for (let i = from; i < to; i++) {
    const c = a.view[i];
    if (c !== '0' && c !== '4') return 'busy';
  }
  return 'free';
}

export function findSeriesSlot(req: SlotRequest): SlotResult {
  const step = req.stepMinutes ?? 15;
  const shifts = req.maxShiftWeeks ?? 3;
  const maxConflicts = req.maxConflicts ?? Math.floor(req.sessions / 3);
  let outsideHours = true;
  let best: FoundSlot | undefined;
  for (let shift = 0; shift <= shifts; shift++) {
    const startDate = addDays(req.earliestDate, shift * 7);
    for (let m = 0; m + req.sessionMinutes <= 1440; m += step) {
      const occurrences = weeklyOccurrences({
        startDate,
        weekday: req.weekday,
        startTime: timeOfMinutes(m),
        timeZone: req.timeZone,
        intervalWeeks: req.intervalWeeks,
        count: req.sessions,
        durationMinutes: req.sessionMinutes,
      });
      const fits = occurrences.every((o) => {
        const s = Date.parse(o.start);
        const e = Date.parse(o.end);
        return req.people.every((p) => insideDay(p, s, e, req.window));
      });
      if (!fits) continue;
      outsideHours = false;
      const conflicts = occurrences
        .filter((o) =>
          req.people.some((p) => freeIn(p.availability, Date.parse(o.start), Date.parse(o.end)) === 'busy'),
        )
        .map((o) => o.index);
      const first = occurrences[0];
      if (!first || conflicts[0] === 0) continue;
      const slot: FoundSlot = { startTime: timeOfMinutes(m), firstDate: first.date, occurrences, conflicts };
      if (conflicts.length === 0) return { found: true, slot };
      if (!best || conflicts.length < best.conflicts.length) best = slot;
    }
  }
  if (best && best.conflicts.length <= maxConflicts) return { found: true, slot: best };
  return {
    found: false,
    reason: outsideHours
      ? `no time on ${req.weekday} lies inside everyone's working hours and the session window for all sessions`
      : `every time on ${req.weekday} inside everyone's working hours is busy in at least one calendar`,
  };
}
