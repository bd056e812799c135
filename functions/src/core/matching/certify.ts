import type { EdgeSet } from './edge-set';
import type { LapSolution } from './lap-sparse';
import { FORBIDDEN, type RowSource } from './row-source';

/**
 * The optimality proof, independent of how the assignment was found. Costs are c = top − score for a
 * pair and `dummyCost` for "unmatched". The assignment is a min-cost assignment over ALL pairs (not
 * just the sparse candidates) when, with the solver's potentials u (rows) and v (columns):
 *  1. every row slot holds exactly one column and each column at most one row;
 *  2. every assigned edge is tight (c − u − v = 0) and every edge, over all feasible pairs, has
 *     c − u − v ≥ 0 (checked per person with the largest potential among their slots);
 *  3. max v over assigned columns ≤ min v over free columns.
 * Then shifting all v by a constant gives a feasible LP dual of equal value (weak duality). Every
 * check is in exact integer arithmetic (all values < 2^53).
 */
export interface Certificate {
  ok: boolean;
  /**
   * Pairs to add before re-solving (mentee → flat (mentor, units) list): those that broke rule 2,
   * plus, per fully scanned row, the few with the smallest reduced cost outside the graph.
   */
  violations: Map<number, number[]>;
  violationCount: number;
  /** Pairs checked this time (all pairs on a full check). */
  checkedPairs: number;
  state: CheckState;
  /** Broken invariants other than missing edges (a bug if ever non-empty). */
  problems: string[];
}

/**
 * What earlier checks proved, for the next check. A mentee's row was last scanned in full at
 * potential `base`, when its smallest reduced cost over pairs outside the graph was `slack`. While no
 * mentor potential rises, those pairs' reduced costs fall by at most the rise of the mentee's own
 * potential, so the row needs no new scan while that rise stays within `slack`; pairs in the graph
 * are checked explicitly every time (there are few).
 */
export interface CheckState {
  readonly base: Float64Array;
  readonly slack: Float64Array;
  readonly pM: Float64Array;
}

export interface Orientation {
  readonly rowsAreMentees: boolean;
  readonly top: number;
  readonly dummyCost: number;
  /** Column/row slots of each active mentor: [slotStart[mp], slotStart[mp + 1]). */
  readonly mentorSlotStart: Int32Array;
}

const MAX_VIOLATIONS_PER_MENTEE = 64;
/** Near pairs (smallest reduced cost outside the graph) added per fully scanned row. */
const NEAR = 4;

/**
 * One full row: counts violations (returned as count << 8 | kept) and keeps the NEAR + 1 smallest
 * reduced costs outside the graph, sorted, in nearRc/nearMp. Its own function so V8 optimises the
 * 10^8-iteration loop as a regular call; the hot path is one load, one subtraction, one comparison.
 */
function scanFull(
  data: Uint16Array | Float64Array,
  nM: number,
  threshold: number,
  pM: Float64Array,
  inGraph: Int32Array,
  ep: number,
  nearRc: Float64Array,
  nearMp: Int32Array,
): number {
  let kept = 0;
  let violations = 0;
  let gate = Infinity; // below it a pair is a violation or a near pair candidate
  for (let mp = 0; mp < nM; mp++) {
    const s = data[mp] as number;
    if (s === 0) continue; // FORBIDDEN
    const rc = threshold - s - (pM[mp] as number);
    if (rc >= gate) continue;
    if (rc < 0) violations++;
    if (inGraph[mp] === ep) continue;
    let at = kept <= NEAR ? kept++ : NEAR;
    while (at > 0 && (nearRc[at - 1] as number) > rc) {
      nearRc[at] = nearRc[at - 1] as number;
      nearMp[at] = nearMp[at - 1] as number;
      at--;
    }
    nearRc[at] = rc;
    nearMp[at] = mp;
    if (kept > NEAR) gate = Math.max(nearRc[NEAR] as number, 0);
  }
  return (violations << 8) | kept;
}

export function certify(
  sol: LapSolution,
  o: Orientation,
  src: RowSource,
  cache: Uint16Array | null,
  matchedMentor: Int32Array,
  edges: EdgeSet,
  previous?: CheckState,
): Certificate {
  const problems: string[] = [];
  const { rowMatch, colMatch, u, v } = sol;
  const nR = rowMatch.length;
  const nC = sol.realColumns;
  const D = o.dummyCost;
  const nE = src.mentees;
  const nM = src.mentors;
  for (let r = 0; r < nR; r++) {
    const j = rowMatch[r] as number;
    if (j < 0 || j >= nC + nR || colMatch[j] !== r || (j >= nC && j !== nC + r)) problems.push(`row ${r} not assigned`);
    const dummySlack = D - (u[r] as number) - (v[nC + r] as number);
    if (dummySlack < 0 || (j === nC + r && dummySlack !== 0)) problems.push(`dummy edge of row ${r} violated`);
  }
  let maxAssigned = -Infinity;
  let minFree = Infinity;
  for (let j = 0; j < nC + nR; j++) {
    if (colMatch[j] === -1) minFree = Math.min(minFree, v[j] as number);
    else maxAssigned = Math.max(maxAssigned, v[j] as number);
  }
  if (maxAssigned > minFree) problems.push('an assigned column has a higher potential than a free one');

  // Per-person potentials: the largest over their slots (mentees have one slot).
  const pE = new Float64Array(nE);
  const pM = new Float64Array(nM).fill(-Infinity);
  const tight = new Float64Array(nE); // u + v of the mentee's assigned edge
  const menteePot = o.rowsAreMentees ? u : v;
  const mentorPot = o.rowsAreMentees ? v : u;
  for (let ep = 0; ep < nE; ep++) pE[ep] = menteePot[ep] as number;
  for (let mp = 0; mp < nM; mp++) {
    for (let s = o.mentorSlotStart[mp] as number; s < (o.mentorSlotStart[mp + 1] as number); s++) {
      pM[mp] = Math.max(pM[mp] as number, mentorPot[s] as number);
    }
  }
  for (let r = 0; r < nR; r++) {
    const j = rowMatch[r] as number;
    if (j >= nC) continue;
    const ep = o.rowsAreMentees ? r : j;
    tight[ep] = (u[r] as number) + (v[j] as number);
  }

  // Rows may skip their full scan only with a cache (else they are rescored anyway) and while no
  // mentor potential rose since the previous check.
  let incremental = cache !== null && previous !== undefined;
  for (let mp = 0; incremental && mp < nM; mp++)
    if ((pM[mp] as number) > (previous?.pM[mp] as number)) incremental = false;
  const base = incremental ? (previous as CheckState).base : new Float64Array(nE);
  const slack = incremental ? (previous as CheckState).slack : new Float64Array(nE);
  const inGraph = new Int32Array(nM).fill(-1); // stamp: the mentee whose graph edges are marked
  const violations = new Map<number, number[]>();
  const nearRc = new Float64Array(NEAR + 1);
  const nearMp = new Int32Array(NEAR + 1);
  let near: number[] | undefined; // flat (mentee, mentor, units) triples
  let violationCount = 0;
  let checkedPairs = 0;
  const row = new Float64Array(nM);
  const forbidden = FORBIDDEN;
  for (let ep = 0; ep < nE; ep++) {
    // Row values are units + 1: a pair violates when value − 1 + pM > top − pE.
    const threshold = o.top + 1 - (pE[ep] as number);
    let found: number[] | undefined;
    const data: Uint16Array | Float64Array = cache ? cache.subarray(ep * nM, (ep + 1) * nM) : row;
    if (!cache) src.fill(ep, row);
    const edgeStart = edges.start[ep] as number;
    const edgeEnd = edges.start[ep + 1] as number;
    if (incremental && (pE[ep] as number) - (base[ep] as number) <= (slack[ep] as number)) {
      checkedPairs += edgeEnd - edgeStart;
      for (let k = edgeStart; k < edgeEnd; k++) {
        const mp = edges.mentor[k] as number;
        const s = data[mp] as number;
        if (s === forbidden || s + (pM[mp] as number) <= threshold) continue;
        found ??= [];
        found.push(mp, s - 1);
        violationCount++;
      }
    } else {
      checkedPairs += nM;
      for (let k = edgeStart; k < edgeEnd; k++) inGraph[edges.mentor[k] as number] = ep;
      // Besides violations, keep the NEAR pairs outside the graph with the smallest reduced costs:
      // they join the graph (pricing), so the bound below is the next one, which is larger and lets
      // this row skip its scan in later rounds more often.
      const scan = scanFull(data, nM, threshold, pM, inGraph, ep, nearRc, nearMp);
      const kept = scan & 0xff;
      if (scan >>> 8 > 0) {
        // Violations (rare): list them.
        for (let mp = 0; mp < nM; mp++) {
          const s = data[mp] as number;
          if (s === forbidden || threshold - s - (pM[mp] as number) >= 0) continue;
          found ??= [];
          if (found.length < 2 * MAX_VIOLATIONS_PER_MENTEE) found.push(mp, s - 1);
          violationCount++;
        }
      }
      for (let q = 0; q < Math.min(kept, NEAR); q++) {
        const mp = nearMp[q] as number;
        if ((nearRc[q] as number) < 0) continue; // already listed as a violation
        (near ??= []).push(ep, mp, (data[mp] as number) - 1);
      }
      base[ep] = pE[ep] as number;
      slack[ep] = kept > NEAR ? (nearRc[NEAR] as number) : Infinity;
    }
    if (found) violations.set(ep, found);
    const partner = matchedMentor[ep] as number;
    if (partner >= 0) {
      const s = data[partner] as number;
      if (s === forbidden) problems.push(`assigned pair (mentee ${ep}, mentor ${partner}) is forbidden`);
      else if (o.top + 1 - s !== tight[ep])
        problems.push(`assigned pair (mentee ${ep}, mentor ${partner}) is not tight`);
    }
  }
  const ok = problems.length === 0 && violationCount === 0;
  if (!ok && near) {
    for (let q = 0; q < near.length; q += 3) {
      const ep = near[q] as number;
      const list = violations.get(ep) ?? [];
      list.push(near[q + 1] as number, near[q + 2] as number);
      violations.set(ep, list);
    }
  }
  return {
    ok,
    violations,
    violationCount,
    checkedPairs,
    state: { base, slack, pM },
    problems,
  };
}
