import { nextRelease, type RatingRelease } from '../../../functions/src/core/reports/release';

const release = (answers: number, average: number | null): RatingRelease => ({
  answers,
  ratings: { count: answers, raters: answers, suppressed: average === null, distribution: null, average, trend: [] },
  assessments: [],
  averageRatings: { department: {}, location: {}, topic: {} },
  lowRatings: 0,
  needingAttention: 0,
});

describe('releasing rating aggregates in steps', () => {
  const empty = release(0, null);

  it('shows nothing until the threshold’s number of answers arrived, then all of them', () => {
    expect(nextRelease(release(4, 3), undefined, empty, 5)).toEqual({ release: empty, changed: false });
    expect(nextRelease(release(5, 3), undefined, empty, 5)).toEqual({ release: release(5, 3), changed: true });
  });

  it('keeps the last release until at least the threshold’s number of new answers came, whatever they changed', () => {
    const last = release(7, 4);
    for (let answers = 7; answers < 12; answers++)
      expect(nextRelease(release(answers, 1), last, empty, 5)).toEqual({ release: last, changed: false });
    expect(nextRelease(release(12, 1), last, empty, 5)).toEqual({ release: release(12, 1), changed: true });
  });
});
