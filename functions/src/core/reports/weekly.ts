/**
 * The report's weekly series: sessions held vs planned, and the average rating, per week (the week's
 * Monday, UTC). A week's average is shown only when at least threshold people rated in it; and since
 * the overall average and every week's count are shown, the hidden weeks together could be worked
 * out by subtraction, so when they hold fewer than threshold people the next smallest weeks are
 * hidden too (the rule core/reports applies to small groups).
 */
import type { IsoDateTime, Occurrence } from '../model';
import { round } from './suppress';
import type { WeeklyMeetings, WeeklyRating } from './types';

const DAY = 24 * 3600 * 1000;

/** ISO date (YYYY-MM-DD) of the Monday of the UTC week the instant falls in. */
export function mondayOf(instant: IsoDateTime): string {
  const t = Date.parse(instant);
  const sinceMonday = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(Math.floor(t / DAY) * DAY - sinceMonday * DAY).toISOString().slice(0, 10);
}

interface Week {
  planned: number;
  held: number;
  raters: Set<string>;
  sum: number;
  count: number;
}

/** One rating, placed at the start of the session it is about. */
export interface DatedRating {
  userId: string;
  rating: number;
  at: IsoDateTime;
}

export function weeklySeries(input: {
  /** The sessions due so far (not cancelled, started) of the pairs the report counts. */
  due: readonly Pick<Occurrence, 'start' | 'status'>[];
  ratings: readonly DatedRating[];
  threshold: number;
}): { weekly: WeeklyMeetings[]; trend: WeeklyRating[] } {
  const weeks = new Map<string, Week>();
  const at = (instant: IsoDateTime): Week | undefined => {
    if (Number.isNaN(Date.parse(instant))) return undefined;
    const key = mondayOf(instant);
    let w = weeks.get(key);
    if (!w) weeks.set(key, (w = { planned: 0, held: 0, raters: new Set(), sum: 0, count: 0 }));
    return w;
  };
  for (const o of input.due) {
    const w = at(o.start);
    if (!w) continue;
    w.planned++;
    if (o.status === 'held') w.held++;
  }
  for (const r of input.ratings) {
    const w = at(r.at);
    if (!w) continue;
    w.raters.add(r.userId);
    w.sum += r.rating;
    w.count++;
  }
  if (!weeks.size) return { weekly: [], trend: [] };
  // Every week from the first to the last, so the series has no holes.
  const keys = [...weeks.keys()].sort();
  const last = Date.parse(keys[keys.length - 1] as string);
  for (let t = Date.parse(keys[0] as string); t <= last; t += 7 * DAY) at(new Date(t).toISOString());
  const ordered = [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b));
  const hidden = hiddenWeeks(ordered, input.threshold);
  return {
    weekly: ordered.map(([week, w]) => ({ week, planned: w.planned, held: w.held })),
    trend: ordered.map(([week, w]) => ({
      week,
      average: w.count && !hidden.has(week) ? round(w.sum / w.count) : null,
      count: w.count,
    })),
  };
}

function hiddenWeeks(weeks: readonly [string, Week][], k: number): Set<string> {
  const rated = weeks.filter(([, w]) => w.count > 0);
  const hidden = new Set(rated.filter(([, w]) => w.raters.size < k).map(([week]) => week));
  const people = () => new Set(rated.filter(([week]) => hidden.has(week)).flatMap(([, w]) => [...w.raters])).size;
  const shown = rated
    .filter(([week]) => !hidden.has(week))
    .sort(([a, x], [b, y]) => x.raters.size - y.raters.size || x.count - y.count || a.localeCompare(b));
  while (hidden.size && people() < k && shown.length) hidden.add((shown.shift() as [string, Week])[0]);
  return hidden;
}
