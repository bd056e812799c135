/**
 * Small-group suppression: a group below the anonymity threshold is never shown on its own. Small
 * groups are merged into one "smaller groups" row; when that row would itself be below the threshold,
 * the next smallest groups join it (so no group can be worked out by subtraction), and when even all
 * groups together are too few, nothing is shown.
 */
import { OTHER_GROUP, type Breakdown, type GroupRow } from './types';

export type RowCounts = Omit<GroupRow, 'group' | 'averageRating' | 'heldShare'> & {
  /** Sessions per person (a session of two people of the group counts twice; only the share is shown). */
  held: number;
  planned: number;
  ratingSum: number;
  raters: number;
};

function merged(rows: readonly (RowCounts & { group: string })[]): RowCounts & { group: string } {
  const sum = (k: keyof RowCounts) => rows.reduce((a, r) => a + r[k], 0);
  return {
    group: OTHER_GROUP,
    people: sum('people'),
    matched: sum('matched'),
    active: sum('active'),
    completed: sum('completed'),
    held: sum('held'),
    planned: sum('planned'),
    ratingSum: sum('ratingSum'),
    raters: sum('raters'),
  };
}

function visible(row: RowCounts & { group: string }, threshold: number): GroupRow {
  const { ratingSum, raters, held, planned, ...rest } = row;
  return {
    ...rest,
    heldShare: planned ? round(held / planned) : null,
    averageRating: raters >= threshold ? round(ratingSum / raters) : null,
  };
}

/** For groups that split the people (department, office): small ones merge into one row. */
export function suppressPartition(rows: readonly (RowCounts & { group: string })[], threshold: number): Breakdown {
  const sorted = rows.filter((r) => r.people > 0).sort((a, b) => b.people - a.people || a.group.localeCompare(b.group));
  const shown = sorted.filter((r) => r.people >= threshold);
  const small = sorted.filter((r) => r.people < threshold);
  while (small.length && merged(small).people < threshold && shown.length)
    small.push(shown.pop() as RowCounts & { group: string });
  const other = merged(small);
  if (small.length && other.people < threshold) return { rows: [], suppressedGroups: sorted.length, suppressed: true };
  const out = shown.map((r) => visible(r, threshold));
  if (!small.length) return { rows: out, suppressedGroups: 0, suppressed: false };
  out.push(visible(other, threshold));
  // Names only, in alphabetical order: the order by size would tell which were the small ones.
  const mergedGroups = small.map((r) => r.group).sort((a, b) => a.localeCompare(b));
  const addedToProtect = small.filter((r) => r.people >= threshold).length;
  return { rows: out, suppressedGroups: small.length, suppressed: false, mergedGroups, addedToProtect };
}

/** For overlapping groups (topics: one person may choose several): small ones are left out. */
export function suppressOverlapping(rows: readonly (RowCounts & { group: string })[], threshold: number): Breakdown {
  const nonEmpty = rows.filter((r) => r.people > 0);
  const shown = nonEmpty.filter((r) => r.people >= threshold).map((r) => visible(r, threshold));
  const hidden = nonEmpty.length - shown.length;
  return { rows: shown, suppressedGroups: hidden, suppressed: shown.length === 0 && hidden > 0 };
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
