import { pairHealth, programmePairHealth, type HealthFrame } from '../../../functions/src/core/reports';
import type { Occurrence } from '../../../functions/src/core/model';

const NOW = '2026-03-01T12:00:00.000Z';
const HOUR = 3600 * 1000;
const weeksAgo = (w: number) => new Date(Date.parse(NOW) - w * 7 * 24 * HOUR).toISOString();
/** A 45-minute session that started `w` weeks ago (negative: in the future). */
const occ = (index: number, w: number, status: Occurrence['status']): Occurrence => ({
  index,
  start: weeksAgo(w),
  end: new Date(Date.parse(weeksAgo(w)) + 0.75 * HOUR).toISOString(),
  status,
});
const execution: HealthFrame = { cadence: { intervalWeeks: 2 }, phase: 'execution' };
const active = { status: 'active' as const };
const fb = (userId: string, occurrenceIndex: number, rating: number) => ({
  userId,
  occurrenceIndex,
  rating,
  updatedAt: NOW,
});

describe('pair health', () => {
  it('flags an active pair whose last held session is two cadences ago, since that session', () => {
    const series = {
      occurrences: [occ(0, 5, 'held'), occ(1, 3, 'missed'), occ(2, 1, 'planned'), occ(3, -1, 'planned')],
    };
    expect(pairHealth(active, series, [], execution, NOW)).toEqual({
      flags: ['no-recent-meeting'],
      since: weeksAgo(5),
    });
  });

  it('counts from the first session due when none was ever held', () => {
    const series = {
      occurrences: [occ(0, 6, 'missed'), occ(1, 4, 'planned'), occ(2, 2, 'missed'), occ(3, -2, 'planned')],
    };
    expect(pairHealth(active, series, [], execution, NOW)).toEqual({
      flags: ['no-recent-meeting'],
      since: weeksAgo(6),
    });
  });

  it('does not flag a pair that met within two cadences, or whose sessions have not started', () => {
    expect(pairHealth(active, { occurrences: [occ(0, 3, 'held'), occ(1, -1, 'planned')] }, [], execution, NOW)).toEqual(
      {
        flags: [],
      },
    );
    expect(pairHealth(active, { occurrences: [occ(0, -1, 'planned')] }, [], execution, NOW)).toEqual({ flags: [] });
  });

  it('does not flag "no recent meeting" once no session is left: all held, missed or cancelled', () => {
    const over = { occurrences: [occ(0, 10, 'held'), occ(1, 8, 'missed'), occ(2, 6, 'held'), occ(3, -2, 'cancelled')] };
    expect(pairHealth(active, over, [], execution, NOW)).toEqual({ flags: [] });
  });

  it('does not count a past session nobody gave feedback on as a session left', () => {
    const over = { occurrences: [occ(0, 9, 'held'), occ(1, 7, 'planned'), occ(2, 5, 'planned')] };
    expect(pairHealth(active, over, [], execution, NOW)).toEqual({ flags: [] });
  });

  it('counts a session under way as one left', () => {
    const now = new Date(Date.parse(NOW) + 0.5 * HOUR).toISOString();
    const series = { occurrences: [occ(0, 6, 'held'), occ(1, 0, 'planned')] };
    expect(pairHealth(active, series, [], execution, now).flags).toEqual(['no-recent-meeting']);
  });

  it('does not flag "no recent meeting" after the programme left its execution phase, but still a low rating', () => {
    const stalled = { occurrences: [occ(0, 6, 'held'), occ(1, -2, 'planned')] };
    for (const phase of ['steering', 'closed'] as const) {
      expect(pairHealth(active, stalled, [fb('a', 0, 1)], { ...execution, phase }, NOW)).toEqual({
        flags: ['low-rating'],
      });
    }
  });

  it('flags a low latest rating from either person, not an old one that improved', () => {
    expect(pairHealth(active, undefined, [fb('a', 0, 5), fb('b', 0, 2)], execution, NOW)).toEqual({
      flags: ['low-rating'],
    });
    expect(pairHealth(active, undefined, [fb('a', 0, 1), fb('a', 1, 4)], execution, NOW)).toEqual({ flags: [] });
  });

  it('ignores pairs that are not active', () => {
    const stalled = { occurrences: [occ(0, 9, 'missed'), occ(1, -1, 'planned')] };
    expect(pairHealth({ status: 'ended' }, stalled, [fb('a', 0, 1)], execution, NOW)).toEqual({ flags: [] });
  });
});

describe('pair health of a programme', () => {
  it('lists every active pair with its ids and flags, flagged pairs first, and no rating or text', () => {
    const pair = (id: string, status: 'active' | 'ended' = 'active') => ({
      id,
      status,
      mentorId: `${id}-mentor`,
      menteeId: `${id}-mentee`,
    });
    const series = (pairId: string, occurrences: Occurrence[]) => ({
      kind: 'pair-series' as const,
      pairId,
      occurrences,
    });
    const lowRatingWithText = { ...fb('c-mentee', 0, 2), pairId: 'c', learnt: 'private words' };
    const items = programmePairHealth({
      programme: execution,
      pairs: [pair('a'), pair('b'), pair('c'), pair('d', 'ended')],
      meetings: [
        series('a', [occ(0, 1, 'held'), occ(1, -1, 'planned')]),
        series('b', [occ(0, 5, 'held'), occ(1, -1, 'planned')]),
        series('c', [occ(0, 1, 'held'), occ(1, -1, 'planned')]),
        series('d', [occ(0, 9, 'missed'), occ(1, -1, 'planned')]),
      ],
      feedback: [lowRatingWithText],
      now: NOW,
    });
    expect(items).toEqual([
      { pairId: 'b', mentorId: 'b-mentor', menteeId: 'b-mentee', flags: ['no-recent-meeting'], since: weeksAgo(5) },
      { pairId: 'c', mentorId: 'c-mentor', menteeId: 'c-mentee', flags: ['low-rating'] },
      { pairId: 'a', mentorId: 'a-mentor', menteeId: 'a-mentee', flags: [] },
    ]);
  });
});
