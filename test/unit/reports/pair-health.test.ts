import { pairHealthFlags } from '../../../functions/src/core/reports';
import type { Occurrence } from '../../../functions/src/core/model';

const NOW = '2026-03-01T12:00:00.000Z';
const weeksAgo = (w: number) => new Date(Date.parse(NOW) - w * 7 * 24 * 3600 * 1000).toISOString();
const occ = (index: number, w: number, status: Occurrence['status']): Occurrence => ({
  index,
  start: weeksAgo(w),
  end: weeksAgo(w),
  status,
});
const cadence = { intervalWeeks: 2 };

describe('pair health', () => {
  it('flags an active pair whose last held session is two cadences ago', () => {
    const series = { occurrences: [occ(0, 5, 'held'), occ(1, 3, 'missed'), occ(2, 1, 'planned')] };
    expect(pairHealthFlags({ status: 'active' }, series, [], cadence, NOW)).toEqual(['no-recent-meeting']);
  });

  it('does not flag a pair that met within two cadences, or whose sessions have not started', () => {
    expect(pairHealthFlags({ status: 'active' }, { occurrences: [occ(0, 3, 'held')] }, [], cadence, NOW)).toEqual([]);
    expect(pairHealthFlags({ status: 'active' }, { occurrences: [occ(0, -1, 'planned')] }, [], cadence, NOW)).toEqual(
      [],
    );
  });

  it('flags a low latest rating from either person, not an old one that improved', () => {
    const fb = (userId: string, occurrenceIndex: number, rating: number) => ({
      userId,
      occurrenceIndex,
      rating,
      updatedAt: NOW,
    });
    expect(pairHealthFlags({ status: 'active' }, undefined, [fb('a', 0, 5), fb('b', 0, 2)], cadence, NOW)).toEqual([
      'low-rating',
    ]);
    expect(pairHealthFlags({ status: 'active' }, undefined, [fb('a', 0, 1), fb('a', 1, 4)], cadence, NOW)).toEqual([]);
  });

  it('ignores pairs that are not active', () => {
    expect(pairHealthFlags({ status: 'ended' }, { occurrences: [occ(0, 9, 'missed')] }, [], cadence, NOW)).toEqual([]);
  });
});
