/** Pair health: pairs that need the programme manager's attention (no meeting for two cadences, low ratings). */
import type { Cadence, Feedback, IsoDateTime, MeetingSeries, Pair } from '../model';

export type HealthFlag = 'no-recent-meeting' | 'low-rating';

const WEEK = 7 * 24 * 3600 * 1000;

/** Ratings at or below this are a warning sign. */
export const LOW_RATING = 2;

export function pairHealthFlags(
  pair: Pick<Pair, 'status'>,
  series: Pick<MeetingSeries, 'occurrences'> | undefined,
  feedback: readonly Pick<Feedback, 'userId' | 'occurrenceIndex' | 'rating' | 'updatedAt'>[],
  cadence: Pick<Cadence, 'intervalWeeks'>,
  now: IsoDateTime,
): HealthFlag[] {
  if (pair.status !== 'active') return [];
  const flags: HealthFlag[] = [];
  const t = Date.parse(now);
  const due = (series?.occurrences ?? []).filter((o) => o.status !== 'cancelled' && Date.parse(o.start) <= t);
  if (due.length) {
    const held = due.filter((o) => o.status === 'held').map((o) => Date.parse(o.start));
    const since = held.length ? Math.max(...held) : Math.min(...due.map((o) => Date.parse(o.start)));
    if (t - since >= 2 * cadence.intervalWeeks * WEEK) flags.push('no-recent-meeting');
  }
  // The latest rating of each person counts: one bad session after good ones is already a signal.
  const latest = new Map<string, Pick<Feedback, 'occurrenceIndex' | 'rating' | 'updatedAt'>>();
  for (const f of feedback) {
    const seen = latest.get(f.userId);
    if (!seen || f.occurrenceIndex > seen.occurrenceIndex) latest.set(f.userId, f);
  }
  if ([...latest.values()].some((f) => f.rating <= LOW_RATING)) flags.push('low-rating');
  return flags;
}
