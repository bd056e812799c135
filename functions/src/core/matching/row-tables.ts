import type { SideFeatures } from './features';
import {
  availabilityTenths,
  departmentTenths,
  pop32,
  seniorityByDays,
  seniorityByLevels,
  seniorityTenths,
  timezoneTenths,
  topicTenths,
  type ScoreTables,
} from './fit-score';
import type { MentorColumns } from './mentor-columns';

/**
 * A mentee's per-row tables: what the row scorer's loops (row-source.ts, and the WebAssembly `score`
 * kernel) look points up in, one lookup per pair and component. Every entry comes from a fit-score.ts
 * rule function; nothing here decides points itself.
 */
export interface RowTables {
  /** Topic points by the number of wished topics the mentor covers (0..32 × topic words). */
  readonly topicRow: Int32Array;
  /** Time-zone points by the mentor's zone (MentorColumns.zones). */
  readonly zoneRow: Int32Array;
  /** Seniority points by seniority class (0, 1, 2). */
  readonly seniorityRow: Int32Array;
  /** Fills topicRow and zoneRow for mentee e. */
  forMentee(e: number): void;
  /**
   * Fills, for mentee e (after forMentee), the points by mentor class — time zone + department + job
   * level; −1 − points when the levels are unknown and seniority by hire date is still to add per
   * pair — and by mentor availability class.
   */
  classesFor(e: number, classRow: Int32Array, slotRow: Int32Array): void;
}

export function rowTables(t: ScoreTables, E: SideFeatures, cols: MentorColumns, topicWords: number): RowTables {
  const { zones, classes, levels, slotMasks } = cols;
  const topicRow = new Int32Array(33 * topicWords + 1);
  const zoneRow = new Int32Array(zones.length);
  const seniorityRow = Int32Array.from([0, 1, 2], (c) => seniorityTenths(t, c));
  // NOTE: imported bindings compile to property getters (CommonJS interop, as under tsx); these
  // loops run once per class per row, so they call local copies (as row-source.ts's pair loops do).
  const topic = topicTenths;
  const zone = timezoneTenths;
  const department = departmentTenths;
  const byLevels = seniorityByLevels;
  const availability = availabilityTenths;
  const pop = pop32;
  return {
    topicRow,
    zoneRow,
    seniorityRow,
    forMentee(e) {
      const wished = E.topicCount[e] as number;
      for (let c = 0; c < topicRow.length; c++) topicRow[c] = topic(c, wished, t.topicWeight);
      const tzE = E.tzQuarters[e] as number;
      for (let z = 0; z < zones.length; z++) zoneRow[z] = zone(t, tzE, zones[z] as number);
    },
    classesFor(e, classRow, slotRow) {
      const lvlE = E.level[e] as number;
      const hireE = E.hireDay[e] as number;
      const deptE = E.department[e] as number;
      for (let c = 0; c < classRow.length; c++) {
        const dept = classes[3 * c + 1] as number;
        const lc = classes[3 * c + 2] as number;
        let pts = (zoneRow[classes[3 * c] as number] as number) + department(t, deptE, dept);
        if (lvlE === lvlE && lc < levels.length) {
          pts += seniorityRow[byLevels(lvlE - (levels[lc] as number))] as number;
        } else if (hireE === hireE) pts = -1 - pts;
        classRow[c] = pts;
      }
      const slotE = E.slots[e] as number;
      for (let c = 0; c < slotRow.length; c++) {
        slotRow[c] = availability(t, pop(slotE & (slotMasks[c] as number)));
      }
    },
  };
}

/**
 * Seniority points by hire-date difference, as one table for the whole instance: entry 1 + d − minD
 * holds the points for a mentor hired d days after the mentee (every difference the instance holds,
 * minD the smallest), entry 0 those for an unknown date — each computed by the rule functions
 * (seniorityByDays, seniorityTenths), so the score kernel only adds up a lookup. The index of a pair
 * is mentorIndex[m] + rowBase(e), 0 or less meaning "unknown" (kernels.wat, `score`).
 */
export interface HireDayTable {
  readonly values: Int32Array;
  /** Per active mentor: days after the earliest known mentor hire date; UNKNOWN_HIRE when unknown. */
  readonly mentorIndex: Int32Array;
  /** Per mentee: 1 + days before the latest known mentee hire date; UNKNOWN_HIRE when unknown. */
  rowBase(e: number): number;
}

/** Makes every index with an unknown side 0 or less (two of them still fit an i32). */
export const UNKNOWN_HIRE = -(2 ** 29);
/** Larger spans of hire dates (≈ 2,800 years) are left to the JavaScript loop. */
const MAX_HIRE_TABLE = 2 ** 20;

export function hireDayTable(t: ScoreTables, menteeHire: Float64Array, mentorHire: Float64Array): HireDayTable | null {
  let whole = true;
  const range = (days: Float64Array) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const d of days) {
      if (d !== d) continue;
      if (!Number.isInteger(d)) whole = false;
      if (d < lo) lo = d;
      if (d > hi) hi = d;
    }
    return { lo, hi };
  };
  const mentors = range(mentorHire);
  const mentees = range(menteeHire);
  // Day numbers are whole (features.ts, dayNumber); anything else is left to the JavaScript loop.
  if (!whole) return null;
  const known = mentors.lo <= mentors.hi && mentees.lo <= mentees.hi;
  const span = known ? mentors.hi - mentors.lo + (mentees.hi - mentees.lo) + 1 : 0;
  if (span > MAX_HIRE_TABLE) return null;
  const values = new Int32Array(1 + span);
  values[0] = seniorityTenths(t, seniorityByDays(NaN));
  const minD = mentors.lo - mentees.hi;
  for (let i = 1; i < values.length; i++) values[i] = seniorityTenths(t, seniorityByDays(minD + i - 1));
  const mentorIndex = Int32Array.from(mentorHire, (d) => (known && d === d ? d - mentors.lo : UNKNOWN_HIRE));
  return {
    values,
    mentorIndex,
    rowBase: (e) => {
      const d = menteeHire[e] as number;
      return known && d === d ? mentees.hi - d + 1 : UNKNOWN_HIRE;
    },
  };
}
