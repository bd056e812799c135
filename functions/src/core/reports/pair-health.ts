/**
 * Pair health: pairs that need the programme manager's attention (no meeting for two cadences, low
 * ratings). One rule for the report's count, the console's alerts and the daily notices.
 */
import {
  tookPlace,
  type Cadence,
  type Feedback,
  type IsoDateTime,
  type MeetingSeries,
  type Pair,
  type Phase,
} from '../model';

export type HealthFlag = 'no-recent-meeting' | 'low-rating';

export interface PairHealth {
  flags: HealthFlag[];
  /** With 'no-recent-meeting': the start of the last session held (or of the first one due, when none was held). */
  since?: IsoDateTime;
}

/** What the rule needs to know of the programme. */
export interface HealthFrame {
  cadence: Pick<Cadence, 'intervalWeeks'>;
  phase: Phase;
}

const WEEK = 7 * 24 * 3600 * 1000;

/** Ratings at or below this are a warning sign. */
export const LOW_RATING = 2;

type Sessions = (Pick<MeetingSeries, 'occurrences'> & Partial<Pick<MeetingSeries, 'pause'>>) | undefined;
type Rating = Pick<Feedback, 'userId' | 'occurrenceIndex' | 'rating' | 'updatedAt'>;

/** A session still to come (or under way): neither cancelled nor over. */
export function hasSessionsLeft(series: Sessions, now: IsoDateTime): boolean {
  const t = Date.parse(now);
  return (series?.occurrences ?? []).some((o) => o.status !== 'cancelled' && Date.parse(o.end) > t);
}

export function pairHealth(
  pair: Pick<Pair, 'status'>,
  series: Sessions,
  feedback: readonly Rating[],
  frame: HealthFrame,
  now: IsoDateTime,
): PairHealth {
  if (pair.status !== 'active') return { flags: [] };
  const flags: HealthFlag[] = [];
  let since: IsoDateTime | undefined;
  // A pair whose series is over, or whose programme has left its execution phase, has no meeting
  // left to miss: that is the end of its sessions, not a warning sign.
  const executionOver = frame.phase === 'steering' || frame.phase === 'closed';
  if (!executionOver && hasSessionsLeft(series, now)) {
    const t = Date.parse(now);
    const due = (series?.occurrences ?? []).filter((o) => o.status !== 'cancelled' && Date.parse(o.start) <= t);
    // Held: feedback says so, or Outlook kept it to its end with neither declining (a declined one never counts).
    const held = due.filter(tookPlace);
    // No meeting since the last one held, or since the first one due when none was held.
    const times = (held.length ? held : due).map((o) => Date.parse(o.start));
    if (times.length) {
      // A pause the pair agreed on is not a missed meeting: count from its end when that is later.
      const pausedTill = series?.pause ? Date.parse(`${series.pause.until}T00:00:00.000Z`) : 0;
      const ref = Math.max(held.length ? Math.max(...times) : Math.min(...times), pausedTill);
      if (t - ref >= 2 * frame.cadence.intervalWeeks * WEEK) {
        flags.push('no-recent-meeting');
        since = new Date(ref).toISOString();
      }
    }
  }
  // The latest rating of each person counts: one bad session after good ones is already a signal.
  const latest = new Map<string, Rating>();
  for (const f of feedback) {
    const seen = latest.get(f.userId);
    if (!seen || f.occurrenceIndex > seen.occurrenceIndex) latest.set(f.userId, f);
  }
  if ([...latest.values()].some((f) => f.rating <= LOW_RATING)) flags.push('low-rating');
  return { flags, ...(since ? { since } : {}) };
}

/** One pair's health as the programme manager sees it: ids and flags, never a rating or a text. */
export interface PairHealthItem extends PairHealth {
  pairId: string;
  mentorId: string;
  menteeId: string;
}

/** The health of every active pair of a programme, flagged pairs first. */
export function programmePairHealth(input: {
  programme: HealthFrame;
  pairs: readonly Pick<Pair, 'id' | 'status' | 'mentorId' | 'menteeId'>[];
  meetings: readonly Pick<MeetingSeries, 'kind' | 'pairId' | 'occurrences'>[];
  feedback: readonly (Rating & Pick<Feedback, 'pairId'>)[];
  now: IsoDateTime;
}): PairHealthItem[] {
  const seriesOf = new Map(input.meetings.filter((m) => m.kind === 'pair-series').map((m) => [m.pairId, m]));
  const feedbackOf = new Map<string, Rating[]>();
  for (const f of input.feedback) {
    const list = feedbackOf.get(f.pairId);
    if (list) list.push(f);
    else feedbackOf.set(f.pairId, [f]);
  }
  return input.pairs
    .filter((p) => p.status === 'active')
    .map((p) => ({
      pairId: p.id,
      mentorId: p.mentorId,
      menteeId: p.menteeId,
      ...pairHealth(p, seriesOf.get(p.id), feedbackOf.get(p.id) ?? [], input.programme, input.now),
    }))
    .sort((a, b) => b.flags.length - a.flags.length || a.pairId.localeCompare(b.pairId));
}
