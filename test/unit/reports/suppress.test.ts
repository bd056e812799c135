import { OTHER_GROUP, suppressOverlapping, suppressPartition } from '../../../functions/src/core/reports';

const row = (group: string, people: number) => ({
  group,
  people,
  matched: people,
  active: people,
  completed: 0,
  held: 0,
  planned: 0,
  ratingSum: 0,
  raters: 0,
});

describe('small-group suppression', () => {
  it('shows groups at or above the threshold as they are', () => {
    const b = suppressPartition([row('Sales', 5), row('IT', 7)], 5);
    expect(b.rows.map((r) => [r.group, r.people])).toEqual([
      ['IT', 7],
      ['Sales', 5],
    ]);
    expect(b).toMatchObject({ suppressedGroups: 0, suppressed: false });
  });

  it('merges small groups into one row when together they reach the threshold', () => {
    const b = suppressPartition([row('Sales', 9), row('Legal', 2), row('HR', 3)], 5);
    expect(b.rows.map((r) => [r.group, r.people])).toEqual([
      ['Sales', 9],
      [OTHER_GROUP, 5],
    ]);
    expect(b.suppressedGroups).toBe(2);
  });

  it('adds the next smallest group when the merged row alone would be below the threshold', () => {
    // Otherwise Legal (2) could be worked out as total minus the shown groups.
    const b = suppressPartition([row('Sales', 9), row('IT', 6), row('Legal', 2)], 5);
    expect(b.rows.map((r) => [r.group, r.people])).toEqual([
      ['Sales', 9],
      [OTHER_GROUP, 8],
    ]);
    for (const r of b.rows) expect(r.people).toBeGreaterThanOrEqual(5);
  });

  it('shows nothing when even all groups together are below the threshold', () => {
    expect(suppressPartition([row('Sales', 2), row('IT', 2)], 5)).toEqual({
      rows: [],
      suppressedGroups: 2,
      suppressed: true,
    });
  });

  it('leaves out overlapping groups (topics) below the threshold', () => {
    const b = suppressOverlapping([row('AI', 8), row('Loop', 3)], 5);
    expect(b.rows.map((r) => r.group)).toEqual(['AI']);
    expect(b).toMatchObject({ suppressedGroups: 1, suppressed: false });
  });

  it('shows an average rating only for groups with enough raters', () => {
    const b = suppressPartition(
      [
        { ...row('Sales', 9), ratingSum: 16, raters: 4 },
        { ...row('IT', 9), ratingSum: 20, raters: 5 },
      ],
      5,
    );
    expect(b.rows.find((r) => r.group === 'Sales')?.averageRating).toBeNull();
    expect(b.rows.find((r) => r.group === 'IT')?.averageRating).toBe(4);
  });
});

describe('the suppression note’s facts', () => {
  it('names every merged group, including a larger one added against subtraction, without their sizes', () => {
    const b = suppressPartition([row('Sales', 9), row('IT', 12), row('Legal', 2), row('HR', 1)], 5);
    // Legal and HR are 3 together: below 5, so the smallest of the rest (Sales, 9) joins them.
    expect(b.rows.map((r) => r.group)).toEqual(['IT', OTHER_GROUP]);
    expect(b).toMatchObject({ suppressedGroups: 3, mergedGroups: ['HR', 'Legal', 'Sales'], addedToProtect: 1 });
  });

  it('says no group was added when the small ones reach the threshold together', () => {
    const b = suppressPartition([row('Sales', 9), row('Legal', 2), row('HR', 3)], 5);
    expect(b).toMatchObject({ mergedGroups: ['HR', 'Legal'], addedToProtect: 0 });
  });
});
