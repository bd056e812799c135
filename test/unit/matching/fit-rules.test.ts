import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  availabilityTenths,
  buildScoreTables,
  departmentTenths,
  interestTenths,
  SENIORITY,
  seniorityByDays,
  seniorityByLevels,
  seniorityClass,
  seniorityTenths,
  timezoneTenths,
  topicTenths,
  TZ_ZERO_QUARTERS,
} from '../../../functions/src/core/matching/fit-score';

const MATCHING = join(__dirname, '..', '..', '..', 'functions', 'src', 'core', 'matching');

describe('each fit rule in one place (fit-score.ts)', () => {
  const t = buildScoreTables(undefined);

  it('defines every component by one function of plain numbers, in tenths', () => {
    expect(topicTenths(1, 2, t.topicWeight)).toBe(200);
    expect(topicTenths(0, 0, t.topicWeight)).toBe(0);
    expect([0, 1, 2, 3, 4, 99].map((c) => interestTenths(t, c))).toEqual([0, 67, 133, 200, 200, 200]);
    expect([0, 1, 3, 21].map((c) => availabilityTenths(t, c))).toEqual([0, 50, 150, 150]);
    expect(timezoneTenths(t, 4, 4)).toBe(100);
    expect(timezoneTenths(t, 0, TZ_ZERO_QUARTERS / 2)).toBe(50);
    expect(timezoneTenths(t, -1_000_000, 1_000_000)).toBe(0);
    expect(departmentTenths(t, 1, 2)).toBe(100);
    expect(departmentTenths(t, 1, 1)).toBe(0);
    expect(departmentTenths(t, -1, 2)).toBe(0);
    expect([0, 1, 2].map((c) => seniorityTenths(t, c))).toEqual([0, 25, 50]);
  });

  it('judges seniority by the SENIORITY thresholds, levels first', () => {
    expect([0, 0.5, 1, 1.5, 2, 7].map(seniorityByLevels)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(
      [SENIORITY.halfDays - 1, SENIORITY.halfDays, SENIORITY.fullDays - 1, SENIORITY.fullDays, NaN].map(
        seniorityByDays,
      ),
    ).toEqual([0, 1, 1, 2, 0]);
    expect(seniorityClass(5, 3, 0, 10_000)).toBe(2); // levels known: hire dates do not count
    expect(seniorityClass(5, 5, 0, 10_000)).toBe(0);
    expect(seniorityClass(NaN, 3, 0, SENIORITY.halfDays)).toBe(1); // a level missing: by hire date
    expect(seniorityClass(NaN, NaN, NaN, 0)).toBe(0);
  });

  it('leaves no fit threshold in the fast paths: they use fit-score.ts functions, tables and SENIORITY', () => {
    for (const file of ['row-source.ts', 'row-tables.ts', 'score-kernel.ts', 'mentor-columns.ts', 'kernels.wat']) {
      const source = readFileSync(join(MATCHING, file), 'utf8').replace(/(\/\/|;;).*$/gm, '');
      expect({ file, thresholds: source.match(/\b(365|730)\b/g) }).toEqual({ file, thresholds: null });
    }
  });
});
