/**
 * Weekly recurrence as Outlook computes it: the series is defined in the organiser's time zone, so
 * every occurrence starts at the same wall-clock time there, and its UTC instant moves with DST.
 * Used to plan a series, to check each session against both people's days, and by the Graph
 * stand-in to expand a recurring event into its instances.
 */
import type { IsoDate, IsoDateTime, LocalTime, Weekday } from '../model';
import { addDays, nextWeekday, zonedToUtc } from './zoned-time';

export interface WeeklySeries {
  /** First session's date (organiser's calendar); moved forward to `weekday` if it is another day. */
  startDate: IsoDate;
  weekday: Weekday;
  /** Wall-clock start in `timeZone`. */
  startTime: LocalTime;
  timeZone: string;
  intervalWeeks: number;
  count: number;
  durationMinutes: number;
}

export interface PlannedOccurrence {
  index: number;
  /** Organiser's calendar date of the session. */
  date: IsoDate;
  start: IsoDateTime;
  end: IsoDateTime;
}

/** The dates of a weekly series' sessions. */
export function occurrenceDates(
  series: Pick<WeeklySeries, 'startDate' | 'weekday' | 'intervalWeeks' | 'count'>,
): IsoDate[] {
  const first = nextWeekday(series.startDate, series.weekday);
  return Array.from({ length: series.count }, (_, i) => addDays(first, i * 7 * series.intervalWeeks));
}

/** Every session of a weekly series as UTC instants. */
export function weeklyOccurrences(series: WeeklySeries): PlannedOccurrence[] {
  return occurrenceDates(series).map((date, index) => {
    const start = zonedToUtc(date, series.startTime, series.timeZone);
    return {
      index,
      date,
      start: new Date(start).toISOString(),
      end: new Date(start + series.durationMinutes * 60_000).toISOString(),
    };
  });
}

/** Graph's dayOfWeek names. */
export const GRAPH_DAY: Record<Weekday, string> = {
  mon: 'monday',
  tue: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
};

export function weekdayOfGraphDay(day: string): Weekday | undefined {
  const found = Object.entries(GRAPH_DAY).find(([, name]) => name === day.toLowerCase());
  return found?.[0] as Weekday | undefined;
}
