import { mondayOf, weeklySeries, type DatedRating } from '../../../functions/src/core/reports/weekly';
import { computeReport } from '../../../functions/src/core/reports';
import type { Occurrence } from '../../../functions/src/core/model';
import { aFeedback, aMeetingSeries, aPair, aProgramme, anOptedInParticipant } from '../../support/builders';

/** A session on the given day at 09:00 UTC. */
const session = (day: string, status: Occurrence['status'] = 'held') => ({ start: `${day}T09:00:00.000Z`, status });
const rating = (userId: string, day: string, value: number): DatedRating => ({
  userId,
  rating: value,
  at: `${day}T09:00:00.000Z`,
});

describe('the week of an instant', () => {
  it('is the ISO date of its Monday, in UTC', () => {
    expect(mondayOf('2026-03-02T00:00:00.000Z')).toBe('2026-03-02'); // a Monday
    expect(mondayOf('2026-03-08T23:59:59.999Z')).toBe('2026-03-02'); // the Sunday after
    expect(mondayOf('2026-03-01T12:00:00.000Z')).toBe('2026-02-23'); // the Sunday before
    expect(mondayOf('2026-01-01T10:00:00+02:00')).toBe('2025-12-29'); // across a year
  });
});

describe('the weekly series', () => {
  it('counts sessions due and held per week, every week from the first to the last', () => {
    const { weekly } = weeklySeries({
      due: [session('2026-03-03'), session('2026-03-04', 'missed'), session('2026-03-17', 'planned')],
      ratings: [],
      threshold: 5,
    });
    expect(weekly).toEqual([
      { week: '2026-03-02', planned: 2, held: 1 },
      { week: '2026-03-09', planned: 0, held: 0 },
      { week: '2026-03-16', planned: 1, held: 0 },
    ]);
  });

  it('is empty when nothing was due and no one rated', () => {
    expect(weeklySeries({ due: [], ratings: [], threshold: 5 })).toEqual({ weekly: [], trend: [] });
  });

  it('averages the ratings of a week only when at least threshold people rated in it', () => {
    const people = ['a', 'b', 'c', 'd', 'e'];
    const { trend } = weeklySeries({
      due: [],
      ratings: [
        ...people.map((p, i) => rating(p, '2026-03-03', i < 2 ? 5 : 4)),
        rating('a', '2026-03-05', 4),
        ...people.map((p) => rating(p, '2026-03-10', 3)),
        ...people.map((p) => rating(p, '2026-03-17', 2)),
        rating('a', '2026-03-24', 1),
        rating('a', '2026-03-25', 1),
        rating('b', '2026-03-25', 2),
        ...people.slice(0, 4).map((p) => rating(p, '2026-03-31', 5)),
        ...people.map((p) => rating(p, '2026-04-07', 4)),
      ],
      threshold: 5,
    });
    // Week 03-24 (2 people, 3 ratings) and 03-31 (4 people) are hidden; together they hold 4 people, fewer
    // than 5, so the smallest shown week (03-09: fewest people and ratings, earliest among equals) is hidden too.
    expect(trend).toEqual([
      { week: '2026-03-02', average: 4.33, count: 6 },
      { week: '2026-03-09', average: null, count: 5 },
      { week: '2026-03-16', average: 2, count: 5 },
      { week: '2026-03-23', average: null, count: 3 },
      { week: '2026-03-30', average: null, count: 4 },
      { week: '2026-04-06', average: 4, count: 5 },
    ]);
  });

  it('hides no extra week when the hidden weeks together hold enough people', () => {
    const { trend } = weeklySeries({
      due: [],
      ratings: [
        ...['a', 'b', 'c', 'd', 'e'].map((p) => rating(p, '2026-03-03', 4)),
        ...['a', 'b', 'c'].map((p) => rating(p, '2026-03-10', 2)),
        ...['d', 'e'].map((p) => rating(p, '2026-03-17', 1)),
      ],
      threshold: 5,
    });
    expect(trend.map((w) => w.average)).toEqual([4, null, null]);
  });

  it('hides every week when fewer than threshold people rated at all', () => {
    const { trend } = weeklySeries({
      due: [],
      ratings: [rating('a', '2026-03-03', 5), rating('b', '2026-03-10', 1)],
      threshold: 3,
    });
    expect(trend).toEqual([
      { week: '2026-03-02', average: null, count: 1 },
      { week: '2026-03-09', average: null, count: 1 },
    ]);
  });
});

describe('the weekly series in the report', () => {
  it('adds up to the report’s totals and dates each rating by its session', () => {
    const NOW = '2026-04-01T12:00:00.000Z';
    const people = Array.from({ length: 5 }, (_, i) => i);
    const participants = people.flatMap((i) => [
      anOptedInParticipant({ id: `mentor-${i}`, userId: `mentor-${i}`, role: 'mentor' }),
      anOptedInParticipant({ id: `mentee-${i}`, userId: `mentee-${i}`, role: 'mentee' }),
    ]);
    const pairs = people.map((i) =>
      aPair({
        id: `pair-${i}`,
        mentorId: `mentor-${i}`,
        menteeId: `mentee-${i}`,
        status: 'active',
        booking: 'booked',
        publishedAt: '2026-02-01T00:00:00.000Z',
      }),
    );
    const days = ['2026-03-03', '2026-03-17', '2026-03-31', '2026-04-14'];
    const meetings = people.map((i) =>
      aMeetingSeries({
        id: `pair-${i}-series`,
        pairId: `pair-${i}`,
        status: 'booked',
        occurrences: days.map((d, index) => ({
          index,
          start: `${d}T09:00:00.000Z`,
          end: `${d}T09:45:00.000Z`,
          status: index === 3 ? 'planned' : index === 2 && i === 0 ? 'cancelled' : index === 1 ? 'missed' : 'held',
        })),
      }),
    );
    // Given a week later than the session: the session's week counts.
    const feedback = people.flatMap((i) => [
      aFeedback({
        id: `f-${i}`,
        pairId: `pair-${i}`,
        userId: `mentee-${i}`,
        occurrenceIndex: 0,
        rating: 4,
        createdAt: '2026-03-12T09:00:00.000Z',
      }),
    ]);
    const report = computeReport({
      programme: aProgramme({ anonymityThreshold: 5, phase: 'execution' }),
      participants,
      pairs,
      meetings,
      feedback,
      assessments: [],
      groups: new Map(),
      now: NOW,
    });
    expect(report.meetings.weekly).toEqual([
      { week: '2026-03-02', planned: 5, held: 5 },
      { week: '2026-03-09', planned: 0, held: 0 },
      { week: '2026-03-16', planned: 5, held: 0 },
      { week: '2026-03-23', planned: 0, held: 0 },
      { week: '2026-03-30', planned: 4, held: 4 },
    ]);
    const sum = (k: 'planned' | 'held') => report.meetings.weekly.reduce((a, w) => a + w[k], 0);
    expect([sum('planned'), sum('held')]).toEqual([report.meetings.planned, report.meetings.held]);
    expect(report.ratings.trend[0]).toEqual({ week: '2026-03-02', average: 4, count: 5 });
    expect(report.ratings.trend.reduce((a, w) => a + w.count, 0)).toBe(report.ratings.count);
  });
});
