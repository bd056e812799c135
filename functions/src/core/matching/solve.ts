import { candidatePass } from './candidates';
import { certify, type CheckState } from './certify';
import { customRows } from './custom-rows';
import { edgesFromPairs, withEdges, type EdgeSet, type PairList } from './edge-set';
import { explainBuiltIn, explainCustom, type PairExplanation } from './explain-pair';
import { unmatchedReasons } from './explain-unmatched';
import { compileFeatures } from './features';
import { buildScoreTables } from './fit-score';
import { solveLap, type LapProblem, type LapSolution } from './lap-sparse';
import { prepare } from './prepare';
import { builtInRows, rowSpec, type RowSource } from './row-source';
import { feasibleCounts } from './feasible-counts';
import type { MatchedPair, MatchInput, MatchOptions, MatchResult, MatchWarning, RematchScope } from './types';
import { validateMatchInput } from './validate';

const DEFAULT_K = 8;
const DEFAULT_CACHE_CELLS = 160_000_000;
/** Rounds of solve + dual check; each adds the violating pairs, so this is a safety net only. */
const MAX_ROUNDS = 30;

/**
 * The engine: validate → prepare → one scoring pass (sparse candidates + cache) → solve the sparse
 * assignment → prove optimality over all pairs, adding violators and re-solving until proven →
 * explain. The objective is lexicographic (most pairs, then highest total fit) through the dummy
 * cost: every real pair is cheaper than "unmatched" by more than any total fit difference.
 */
export function solve(input: MatchInput, scope: RematchScope | undefined, options: MatchOptions): MatchResult {
  const clock = options.clock ?? (() => 0);
  const phases: Record<string, number> = {};
  let mark = clock();
  const t0 = mark;
  const lap = (name: string) => {
    const now = clock();
    phases[name] = (phases[name] ?? 0) + (now - mark);
    mark = now;
  };

  validateMatchInput(input);
  const p = prepare(input, scope);
  const f = compileFeatures(p.mentors, p.mentees);
  const tables = buildScoreTables(input.weights);
  const warnings: MatchWarning[] = [...p.warnings];
  // Helpers rebuild the built-in scorer while this thread builds its own (scoring starts right after).
  const spec = input.scores ? undefined : rowSpec(p, f, tables);
  if (spec && options.pool && options.pool.helpers > 0) options.pool.setSource(spec);
  const src = input.scores ? customRows(p, f, input.scores, warnings) : builtInRows(p, f, tables, spec);
  lap('prepare');
  const k = Math.max(1, Math.floor(options.candidatesPerPerson ?? DEFAULT_K));
  const pass = candidatePass(src, p.freePlaces, k, options.maxCachedCells ?? DEFAULT_CACHE_CELLS, options.pool);
  lap('score');

  const nE = src.mentees;
  const nM = src.mentors;
  const mentorSlotStart = new Int32Array(nM + 1);
  for (let mp = 0; mp < nM; mp++)
    mentorSlotStart[mp + 1] = (mentorSlotStart[mp] as number) + (p.freePlaces[mp] as number);
  const places = mentorSlotStart[nM] as number;
  const rowsAreMentees = nE <= places;
  const top = Math.max(pass.maxSeen, 0);
  const dummyCost = top + Math.min(nE, places) * top + 1;
  let matchedMentor: Int32Array = new Int32Array(nE).fill(-1);
  let edges = pass.edges;
  let optimal = pass.maxSeen < 0; // nothing feasible: the empty matching is trivially optimal
  let rounds = 0;
  let addedEdges = 0;
  let warm: LapSolution | undefined;
  let changed: Int32Array | undefined; // row slots with edges added since the warm solution
  let checked: CheckState | undefined;
  let checkedPairs = 0;
  // Built-in explanations of unlocked pairs, by active positions (mentee ep × mentors + mentor mp).
  const explained = new Map<number, PairExplanation>();
  const explainAhead = (partner: Int32Array): void => {
    for (let ep = 0; ep < partner.length; ep++) {
      const mp = partner[ep] as number;
      if (mp < 0 || explained.has(ep * nM + mp)) continue;
      const m = p.activeMentors[mp] as number;
      const e = p.activeMentees[ep] as number;
      explained.set(ep * nM + mp, explainBuiltIn(f, tables, m, e, false));
    }
  };
  // The active mentor of each place (slot); shared by the searches and by reading the assignment.
  const slotMentor = new Int32Array(places);
  for (let mp = 0; mp < nM; mp++) slotMentor.fill(mp, mentorSlotStart[mp], mentorSlotStart[mp + 1]);
  const cache = pass.cache;
  // Any pair's cost from the cache, so searches can price the root row against every free place.
  const directCost = cache
    ? rowsAreMentees
      ? (r: number, j: number) => {
          const value = cache[r * nM + (slotMentor[j] as number)] as number;
          return value === 0 ? Infinity : top + 1 - value;
        }
      : (r: number, j: number) => {
          const value = cache[j * nM + (slotMentor[r] as number)] as number;
          return value === 0 ? Infinity : top + 1 - value;
        }
    : undefined;
  while (!optimal && rounds < MAX_ROUNDS) {
    rounds++;
    const problem = { ...lapProblem(edges, mentorSlotStart, top, dummyCost, rowsAreMentees), directCost };
    const sol = solveLap(problem, warm, changed); // changed only counts with a warm start
    matchedMentor = menteePartners(sol.rowMatch, sol.realColumns, slotMentor, nE, rowsAreMentees);
    if (sol.extraPairs.length > 0) {
      // Pairs the searches took outside the graph join it (the repair and the check rely on that).
      const n = sol.extraPairs.length / 2;
      const extra: PairList = {
        mentee: new Int32Array(n),
        mentor: new Int32Array(n),
        units: new Float64Array(n),
        length: n,
      };
      for (let q = 0; q < n; q++) {
        const r = sol.extraPairs[2 * q] as number;
        const j = sol.extraPairs[2 * q + 1] as number;
        const ep = rowsAreMentees ? r : j;
        const mp = slotMentor[rowsAreMentees ? j : r] as number;
        extra.mentee[q] = ep;
        extra.mentor[q] = mp;
        extra.units[q] = (cache?.[ep * nM + mp] as number) - 1;
      }
      edges = withEdges(edges, edgesFromPairs(nE, extra));
    }
    lap('solve');
    const orientation = { rowsAreMentees, top, dummyCost, mentorSlotStart };
    // While helper threads run the check, this thread explains the pairs found so far: most of them
    // are final, and an explanation depends on the pair alone.
    const current = matchedMentor;
    const cert = certify(
      sol,
      orientation,
      src,
      pass.cache,
      matchedMentor,
      edges,
      warm ? checked : undefined,
      options.pool,
      input.scores ? undefined : () => explainAhead(current),
    );
    checked = cert.state;
    checkedPairs += cert.checkedPairs;
    options.trace?.(
      `round ${rounds}${warm ? ' (warm)' : ''}: ${sol.searches} searches, ${sol.settled} settled; ` +
        `${cert.violationCount} violations, ${cert.checkedPairs} pairs checked` +
        (cert.problems.length > 0 ? `, ${cert.problems.length} problem(s): ${cert.problems[0]}` : ''),
    );
    lap('certify');
    if (cert.problems.length > 0) {
      // A warm start may leave a freed column unused with a stale potential: solve cold instead.
      if (warm) {
        warm = undefined;
        continue;
      }
      warnings.push({ code: 'not-certified', message: `dual check failed: ${cert.problems.slice(0, 3).join('; ')}` });
      break;
    }
    if (cert.ok) optimal = true;
    else {
      edges = withEdges(edges, cert.added);
      changed = changedRows(cert.added, mentorSlotStart, rowsAreMentees);
      addedEdges += cert.violationCount;
      warm = sol;
    }
  }
  if (!optimal && rounds >= MAX_ROUNDS)
    warnings.push({ code: 'not-certified', message: 'dual check rounds exhausted' });

  const result = assemble(input, p, f, tables, src, pass, matchedMentor, explained);
  lap('explain');
  return {
    ...result,
    optimal,
    warnings: [...warnings],
    stats: {
      ms: clock() - t0,
      phases,
      candidateEdges: edges.mentor.length,
      rounds,
      addedEdges,
      checkedPairs,
      forbiddenByHierarchy: p.conflicts.count,
    },
  };
}

function lapProblem(
  edges: EdgeSet,
  mentorSlotStart: Int32Array,
  top: number,
  dummyCost: number,
  rowsAreMentees: boolean,
): LapProblem {
  const nE = edges.start.length - 1;
  const nM = mentorSlotStart.length - 1;
  const menteeSlots = Int32Array.from({ length: nE + 1 }, (_, i) => i);
  const cost = new Float64Array(edges.units.length);
  for (let k = 0; k < cost.length; k++) cost[k] = top - (edges.units[k] as number);
  if (rowsAreMentees) {
    return {
      rowSlotStart: menteeSlots,
      colSlotStart: mentorSlotStart,
      adjStart: edges.start,
      adjCol: edges.mentor,
      adjCost: cost,
      dummyCost,
    };
  }
  // Mentor-major transpose (counting sort keeps mentees ascending per mentor).
  const adjStart = new Int32Array(nM + 1);
  for (const mp of edges.mentor) adjStart[mp + 1] = (adjStart[mp + 1] as number) + 1;
  for (let mp = 0; mp < nM; mp++) adjStart[mp + 1] = (adjStart[mp + 1] as number) + (adjStart[mp] as number);
  const fill = adjStart.slice(0, nM);
  const adjCol = new Int32Array(cost.length);
  const adjCost = new Float64Array(cost.length);
  for (let ep = 0; ep < nE; ep++) {
    for (let k = edges.start[ep] as number; k < (edges.start[ep + 1] as number); k++) {
      const mp = edges.mentor[k] as number;
      const at = fill[mp] as number;
      adjCol[at] = ep;
      adjCost[at] = cost[k] as number;
      fill[mp] = at + 1;
    }
  }
  return { rowSlotStart: mentorSlotStart, colSlotStart: menteeSlots, adjStart, adjCol, adjCost, dummyCost };
}

/** Row slots (ascending) that gain edges from `added`: its mentees, or its mentors' slots. */
function changedRows(added: EdgeSet, mentorSlotStart: Int32Array, rowsAreMentees: boolean): Int32Array {
  const nE = added.start.length - 1;
  const rows: number[] = [];
  if (rowsAreMentees) {
    for (let ep = 0; ep < nE; ep++) if ((added.start[ep + 1] as number) > (added.start[ep] as number)) rows.push(ep);
    return Int32Array.from(rows);
  }
  const nM = mentorSlotStart.length - 1;
  const gains = new Uint8Array(nM);
  for (const mp of added.mentor) gains[mp] = 1;
  for (let mp = 0; mp < nM; mp++)
    if (gains[mp] === 1)
      for (let s = mentorSlotStart[mp] as number; s < (mentorSlotStart[mp + 1] as number); s++) rows.push(s);
  return Int32Array.from(rows);
}

/** Active mentor position per active mentee (-1 = none) from the slot assignment. */
function menteePartners(
  rowMatch: Int32Array,
  nC: number,
  slotMentor: Int32Array,
  nE: number,
  rowsAreMentees: boolean,
): Int32Array {
  const partner = new Int32Array(nE).fill(-1);
  for (let r = 0; r < rowMatch.length; r++) {
    const j = rowMatch[r] as number;
    if (j >= nC) continue;
    if (rowsAreMentees) partner[r] = slotMentor[j] as number;
    else partner[j] = slotMentor[r] as number;
  }
  return partner;
}

function assemble(
  input: MatchInput,
  p: ReturnType<typeof prepare>,
  f: ReturnType<typeof compileFeatures>,
  tables: ReturnType<typeof buildScoreTables>,
  src: RowSource,
  pass: ReturnType<typeof candidatePass>,
  matchedMentor: Int32Array,
  explained: ReadonlyMap<number, PairExplanation>,
): Pick<MatchResult, 'pairs' | 'pairCount' | 'totalScore' | 'unmatched'> {
  const unitsPerPoint = src.unitsPerPoint;
  const found: { m: number; e: number; locked: boolean; key: number }[] = p.locks.map((l) => ({
    ...l,
    locked: true,
    key: -1,
  }));
  matchedMentor.forEach((mp, ep) => {
    if (mp >= 0) {
      const m = p.activeMentors[mp] as number;
      found.push({ m, e: p.activeMentees[ep] as number, locked: false, key: ep * src.mentors + mp });
    }
  });
  found.sort((a, b) => a.m - b.m || a.e - b.e);
  const mentorPaired = new Uint8Array(p.mentors.length);
  const menteePaired = new Uint8Array(p.mentees.length);
  let totalUnits = 0;
  const pairs: MatchedPair[] = found.map(({ m, e, locked, key }) => {
    mentorPaired[m] = 1;
    menteePaired[e] = 1;
    let x;
    if (input.scores) {
      const raw = input.scores[p.mentorInput[m] as number]?.[p.menteeInput[e] as number] as number;
      const units = Math.round(raw * unitsPerPoint);
      x = explainCustom(f, units, units / unitsPerPoint, m, e, locked);
    } else x = explained.get(key) ?? explainBuiltIn(f, tables, m, e, locked);
    totalUnits += x.units;
    return {
      mentor: p.mentors[m]?.id as string,
      mentee: p.mentees[e]?.id as string,
      score: x.units / unitsPerPoint,
      locked,
      breakdown: x.breakdown,
      reasons: x.reasons,
    };
  });
  const lonelyMentees = [...p.activeMentees.keys()].filter((ep) => !menteePaired[p.activeMentees[ep] as number]);
  const lonelyMentors = [...p.activeMentors.keys()].filter((mp) => !mentorPaired[p.activeMentors[mp] as number]);
  const counts = feasibleCounts(src, pass.cache, lonelyMentees, lonelyMentors);
  const unmatched = unmatchedReasons({
    p,
    f,
    input,
    feasibleForMentee: counts.mentee,
    feasibleForMentor: counts.mentor,
    mentorPaired,
    menteePaired,
  });
  return { pairs, pairCount: pairs.length, totalScore: totalUnits / unitsPerPoint, unmatched };
}
