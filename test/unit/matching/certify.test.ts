import { certify } from '../../../functions/src/core/matching/certify';
import { edgesFromPairs, withEdges, type EdgeSet } from '../../../functions/src/core/matching/edge-set';
import type { LapSolution } from '../../../functions/src/core/matching/lap-sparse';
import type { RowSource } from '../../../functions/src/core/matching/row-source';

/**
 * The incremental dual check: a row that was scanned in full may skip its next scan while its
 * potential rose by no more than the smallest reduced cost it left outside the graph. That is only
 * sound if every pair below that bound joined the graph — including the worst violators of a row
 * with more violations than are listed per row.
 */
describe('dual check (certify)', () => {
  const nM = 80;
  const top = 200;
  const orientation = {
    rowsAreMentees: true,
    top,
    dummyCost: top + top + 1,
    mentorSlotStart: Int32Array.from({ length: nM + 1 }, (_, i) => i),
  };
  // One mentee. Row values are units + 1 (0 = forbidden). Mentor 0 scores 150, mentor 1 160,
  // mentors 2–71 151, mentor 77 199 (the strongest pair, listed after the first 64 violators).
  const cache = new Uint16Array(nM);
  cache[0] = 151;
  cache[1] = 161;
  for (let mp = 2; mp <= 71; mp++) cache[mp] = 152;
  cache[77] = 200;
  const src: RowSource = {
    mentees: 1,
    mentors: nM,
    unitsPerPoint: 10,
    maxUnits: top,
    fill: () => {
      throw new Error('the check reads the cache');
    },
  };
  const solution = (mentor: number, u: number): LapSolution => {
    const colMatch = new Int32Array(nM + 1).fill(-1);
    colMatch[mentor] = 0;
    return {
      rowMatch: Int32Array.of(mentor),
      colMatch,
      u: Float64Array.of(u),
      v: new Float64Array(nM + 1),
      realColumns: nM,
      searches: 0,
      settled: 0,
      extraPairs: [],
    };
  };

  /** Row ep of a graph as flat (mentor, units) pairs. */
  const rowOf = (set: EdgeSet, ep: number): number[] => {
    const flat: number[] = [];
    for (let k = set.start[ep] as number; k < (set.start[ep + 1] as number); k++)
      flat.push(set.mentor[k] as number, set.units[k] as number);
    return flat;
  };

  it('lists the worst violators of a row with many, so a later incremental check cannot skip them', () => {
    const graph = edgesFromPairs(1, {
      mentee: Int32Array.of(0, 0),
      mentor: Int32Array.of(0, 1),
      units: Float64Array.of(150, 160),
      length: 2,
    });
    // Mentee on mentor 0 at potential 50: 71 pairs violate (mentor 1 by 10, mentors 2–71 by 1,
    // mentor 77 by 49); the smallest reduced cost left outside the graph is then -1.
    const first = certify(solution(0, 50), orientation, src, cache, Int32Array.of(0), graph);
    expect(first.ok).toBe(false);
    expect(first.violationCount).toBe(72);
    expect(rowOf(first.added, 0)).toEqual(expect.arrayContaining([77, 199]));

    // Re-solved onto mentor 1 at potential 40 (a fall of 10, within that -1 bound), mentor
    // potentials unchanged: the row may check only its graph edges, and mentor 77 still violates.
    const edges = withEdges(graph, first.added);
    const second = certify(solution(1, 40), orientation, src, cache, Int32Array.of(1), edges, first.state);
    expect(second.problems).toEqual([]);
    expect(second.ok).toBe(false);
    expect(rowOf(second.added, 0)).toEqual([77, 199]);
  });

  it('records as the bound the fifth-smallest reduced cost outside the graph, however the violations arrive', () => {
    // On mentor 0 at potential 50: mentors 1–65 violate by 1, then 70–74 by 10, then 75 by 3.
    const row = new Uint16Array(nM);
    row[0] = 151;
    for (let mp = 1; mp <= 65; mp++) row[mp] = 152;
    for (let mp = 70; mp <= 74; mp++) row[mp] = 161;
    row[75] = 154;
    const graph = edgesFromPairs(1, {
      mentee: Int32Array.of(0),
      mentor: Int32Array.of(0),
      units: Float64Array.of(150),
      length: 1,
    });
    const check = certify(solution(0, 50), orientation, src, row, Int32Array.of(0), graph);
    expect(check.violationCount).toBe(71);
    // The four nearest join the graph; every other pair outside it costs at least the bound.
    expect(check.state.slack[0]).toBe(-10);
  });
});
