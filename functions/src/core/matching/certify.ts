import { CACHE_FORBIDDEN } from './candidates';
import type { LapSolution } from './lap-sparse';
import type { RowSource } from './row-source';

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
  /** Pairs that broke 2 (mentee → flat (mentor, units) list); adding them and re-solving fixes it. */
  violations: Map<number, number[]>;
  violationCount: number;
  /** Broken invariants other than missing edges (a bug if ever non-empty). */
  problems: string[];
}

export interface Orientation {
  readonly rowsAreMentees: boolean;
  readonly top: number;
  readonly dummyCost: number;
  /** Column/row slots of each active mentor: [slotStart[mp], slotStart[mp + 1]). */
  readonly mentorSlotStart: Int32Array;
}

const MAX_VIOLATIONS_PER_MENTEE = 64;

export function certify(
  sol: LapSolution,
  o: Orientation,
  src: RowSource,
  cache: Uint16Array | null,
  matchedMentor: Int32Array,
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

  const violations = new Map<number, number[]>();
  let violationCount = 0;
  const row = new Float64Array(nM);
  for (let ep = 0; ep < nE; ep++) {
    const threshold = o.top - (pE[ep] as number);
    let found: number[] | undefined;
    const data: Uint16Array | Float64Array = cache ? cache.subarray(ep * nM, (ep + 1) * nM) : row;
    const forbidden = cache ? CACHE_FORBIDDEN : -1;
    if (!cache) src.fill(ep, row);
    for (let mp = 0; mp < nM; mp++) {
      const s = data[mp] as number;
      if (s === forbidden || s + (pM[mp] as number) <= threshold) continue;
      found ??= [];
      if (found.length < 2 * MAX_VIOLATIONS_PER_MENTEE) found.push(mp, s);
      violationCount++;
    }
    if (found) violations.set(ep, found);
    const partner = matchedMentor[ep] as number;
    if (partner >= 0) {
      const s = data[partner] as number;
      if (s === forbidden) problems.push(`assigned pair (mentee ${ep}, mentor ${partner}) is forbidden`);
      else if (o.top - s !== tight[ep]) problems.push(`assigned pair (mentee ${ep}, mentor ${partner}) is not tight`);
    }
  }
  return { ok: problems.length === 0 && violationCount === 0, violations, violationCount, problems };
}
