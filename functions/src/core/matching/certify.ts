import type { EdgeSet } from './edge-set';
import type { LapSolution } from './lap-sparse';
import type { RowPool } from './row-pool';
import { FORBIDDEN, type RowSource } from './row-source';
import { allocOf, MAX_VIOLATIONS_PER_MENTEE, NEAR, runTask, taskBase, type Alloc, type CheckTask } from './row-tasks';

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
   * Pairs to add before re-solving, per mentee by mentor (an EdgeSet, so the graph takes them in one
   * merge): those that broke rule 2, plus, unless proven, per fully scanned row the few with the
   * smallest reduced cost outside the graph. Empty when proven.
   */
  added: EdgeSet;
  violationCount: number;
  /** Pairs checked this time (all pairs on a full check). */
  checkedPairs: number;
  state: CheckState;
  /** Broken invariants other than missing edges (a bug if ever non-empty). */
  problems: string[];
}

/**
 * What earlier checks proved, for the next check. A mentee's row was last scanned in full at
 * potential `base`; `slack` is the (NEAR + 1)-th smallest reduced cost over pairs outside the graph
 * then (the NEAR smaller ones, violating or not, joined the graph). While no mentor potential rises,
 * the other pairs' reduced costs fall by at most the rise of the mentee's own potential, so the row
 * needs no new scan while that rise stays within `slack`; pairs in the graph are checked explicitly
 * every time (there are few).
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

export function certify(
  sol: LapSolution,
  o: Orientation,
  src: RowSource,
  cache: Uint16Array | null,
  matchedMentor: Int32Array,
  edges: EdgeSet,
  previous?: CheckState,
  pool?: RowPool,
  /** Work for this thread while the helpers check (only when they do; see runTask). */
  meanwhile?: () => void,
): Certificate {
  // Helpers take chunks of rows only with the shared cache (without one, rows are rescored here).
  const parallel = pool && pool.helpers > 0 && cache ? pool : undefined;
  const alloc = allocOf(parallel);
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
  const pE = alloc.f64(nE);
  const pM = alloc.f64(nM).fill(-Infinity);
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
  const base = incremental ? (previous as CheckState).base : alloc.f64(nE);
  const slack = incremental ? (previous as CheckState).slack : alloc.f64(nE);
  // A run done again after a helper failed must start from the state before the first run.
  const before = parallel && incremental ? { base: base.slice(), slack: slack.slice() } : undefined;
  const violStart = new Int32Array(nE + 1);
  for (let ep = 0; ep < nE; ep++) {
    const inRow = (edges.start[ep + 1] as number) - (edges.start[ep] as number);
    violStart[ep + 1] = (violStart[ep] as number) + Math.max(MAX_VIOLATIONS_PER_MENTEE, inRow);
  }
  const makeTask = (a: Alloc, threads: number, from = { base, slack }): CheckTask => ({
    ...taskBase(a, nE, nM),
    kind: 'check',
    cache,
    top: o.top,
    pE,
    pM,
    edgeStart: a.i32From(edges.start),
    edgeMentor: a.i32From(edges.mentor),
    incremental: incremental ? 1 : 0,
    base: from.base,
    slack: from.slack,
    violStart: a.i32From(violStart),
    violMentor: a.i32(violStart[nE] as number),
    violUnits: a.f64(violStart[nE] as number),
    violListed: a.i32(nE),
    violCount: a.i32(nE),
    nearMentor: a.i32(nE * NEAR),
    nearUnits: a.f64(nE * NEAR),
    nearCount: a.i32(nE),
    checked: a.f64(threads),
    partner: a.i32From(matchedMentor),
    partnerValue: a.f64(nE),
  });
  const t = runTask(
    makeTask(alloc, parallel ? parallel.helpers + 1 : 1),
    src,
    parallel,
    () =>
      makeTask(allocOf(undefined), 1, {
        base: before ? before.base : new Float64Array(nE),
        slack: before ? before.slack : new Float64Array(nE),
      }),
    meanwhile,
  );
  let violationCount = 0;
  let checkedPairs = 0;
  for (const c of t.checked) checkedPairs += c;
  for (let ep = 0; ep < nE; ep++) {
    violationCount += t.violCount[ep] as number;
    const partner = matchedMentor[ep] as number;
    if (partner >= 0) {
      const s = t.partnerValue[ep] as number;
      if (s === FORBIDDEN) problems.push(`assigned pair (mentee ${ep}, mentor ${partner}) is forbidden`);
      else if (o.top + 1 - s !== tight[ep])
        problems.push(`assigned pair (mentee ${ep}, mentor ${partner}) is not tight`);
    }
  }
  const ok = problems.length === 0 && violationCount === 0;
  return {
    ok,
    added: ok
      ? { start: new Int32Array(nE + 1), mentor: new Int32Array(0), units: new Float64Array(0) }
      : added(t, violStart),
    violationCount,
    checkedPairs,
    state: { base: t.base, slack: t.slack, pM },
    problems,
  };
}

/**
 * Each row's listed violators (found in mentor order) merged with its near pairs (found by reduced
 * cost; a near pair may be a listed violator too): sorted by mentor, without repeats.
 */
function added(t: CheckTask, violStart: Int32Array): EdgeSet {
  const nE = t.rows;
  let size = 0;
  for (let ep = 0; ep < nE; ep++) size += (t.violListed[ep] as number) + (t.nearCount[ep] as number);
  const start = new Int32Array(nE + 1);
  const mentor = new Int32Array(size);
  const units = new Float64Array(size);
  let out = 0;
  for (let ep = 0; ep < nE; ep++) {
    const first = out;
    start[ep] = first;
    for (let q = violStart[ep] as number, end = q + (t.violListed[ep] as number); q < end; q++) {
      mentor[out] = t.violMentor[q] as number;
      units[out++] = t.violUnits[q] as number;
    }
    for (let q = ep * NEAR; q < ep * NEAR + (t.nearCount[ep] as number); q++) {
      const m = t.nearMentor[q] as number;
      let at = out;
      while (at > first && (mentor[at - 1] as number) > m) at--;
      if (at > first && mentor[at - 1] === m) continue;
      for (let i = out; i > at; i--) {
        mentor[i] = mentor[i - 1] as number;
        units[i] = units[i - 1] as number;
      }
      mentor[at] = m;
      units[at] = t.nearUnits[q] as number;
      out++;
    }
  }
  start[nE] = out;
  return { start, mentor: mentor.slice(0, out), units: units.slice(0, out) };
}
