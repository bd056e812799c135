import type { SideFeatures } from './features';
import {
  availabilityTenths,
  departmentTenths,
  pop32,
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
  return {
    topicRow,
    zoneRow,
    seniorityRow,
    forMentee(e) {
      const wished = E.topicCount[e] as number;
      for (let c = 0; c < topicRow.length; c++) topicRow[c] = topicTenths(c, wished, t.topicWeight);
      const tzE = E.tzQuarters[e] as number;
      for (let z = 0; z < zones.length; z++) zoneRow[z] = timezoneTenths(t, tzE, zones[z] as number);
    },
    classesFor(e, classRow, slotRow) {
      const lvlE = E.level[e] as number;
      const hireE = E.hireDay[e] as number;
      const deptE = E.department[e] as number;
      for (let c = 0; c < classRow.length; c++) {
        const dept = classes[3 * c + 1] as number;
        const lc = classes[3 * c + 2] as number;
        let pts = (zoneRow[classes[3 * c] as number] as number) + departmentTenths(t, deptE, dept);
        if (lvlE === lvlE && lc < levels.length) {
          pts += seniorityRow[seniorityByLevels(lvlE - (levels[lc] as number))] as number;
        } else if (hireE === hireE) pts = -1 - pts;
        classRow[c] = pts;
      }
      const slotE = E.slots[e] as number;
      for (let c = 0; c < slotRow.length; c++) {
        slotRow[c] = availabilityTenths(t, pop32(slotE & (slotMasks[c] as number)));
      }
    },
  };
}
