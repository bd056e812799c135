import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rematch, solveMatching, type MatchInput, type MatchResult } from '../../../functions/src/core/matching';
import { edgesFromPairs, withEdges, type PairList } from '../../../functions/src/core/matching/edge-set';
import { compileFeatures } from '../../../functions/src/core/matching/features';
import { buildScoreTables, seniorityByDays, seniorityTenths } from '../../../functions/src/core/matching/fit-score';
import { hireDayTable } from '../../../functions/src/core/matching/row-tables';
import { useKernels } from '../../../functions/src/core/matching/kernels';
import { solveLap, type LapProblem } from '../../../functions/src/core/matching/lap-sparse';
import { prepare } from '../../../functions/src/core/matching/prepare';
import { builtInRows, type RowSource } from '../../../functions/src/core/matching/row-source';
import { candidatePass } from '../../../functions/src/core/matching/candidates';
import { generateInstance } from '../../../scripts/bench/lib/instance';
import { kernelsModuleSource } from '../../../scripts/build-kernels';
import { assembleKernels } from '../../../scripts/lib/assemble-kernels';
import { rng, type Rng } from './support/prng';
import { randomInstance } from './support/random-instance';

const MATCHING = join(__dirname, '..', '..', '..', 'functions', 'src', 'core', 'matching');
const withoutTimes = (r: MatchResult) => ({ ...r, stats: { ...r.stats, ms: 0, phases: {} } });

function scorer(input: MatchInput, kernels: boolean): RowSource {
  useKernels(kernels);
  const p = prepare(input);
  return builtInRows(p, compileFeatures(p.mentors, p.mentees), buildScoreTables(input.weights));
}

/** A random sparse assignment problem: groups of 1–2 slots, ties, costs beyond Dial's buckets. */
function lapProblem(r: Rng, direct: boolean): LapProblem {
  const nRG = r.int(1, 40);
  const nCG = r.int(1, 40);
  const rowSlots = Array.from({ length: nRG }, () => (r.chance(0.2) ? 2 : 1));
  const colSlots = Array.from({ length: nCG }, () => (r.chance(0.3) ? 2 : 1));
  const prefix = (xs: number[]) =>
    Int32Array.from([0, ...xs.map((_, i) => xs.slice(0, i + 1).reduce((a, b) => a + b, 0))]);
  const wide = r.chance(0.3); // costs up to 20,000: distances beyond the 4,096 buckets go to the heap
  const adjStart = new Int32Array(nRG + 1);
  const adjCol: number[] = [];
  const adjCost: number[] = [];
  for (let g = 0; g < nRG; g++) {
    for (let h = 0; h < nCG; h++) {
      if (!r.chance(0.25)) continue;
      adjCol.push(h);
      adjCost.push(wide ? r.int(0, 20_000) : r.int(0, 6));
    }
    adjStart[g + 1] = adjCol.length;
  }
  const colSlotStart = prefix(colSlots);
  const nC = colSlotStart[nCG]!;
  const top = wide ? 20_000 : 6;
  const slotGroup = Int32Array.from({ length: nC }, (_, j) => colSlotStart.findIndex((s) => s > j) - 1);
  return {
    rowSlotStart: prefix(rowSlots),
    colSlotStart,
    adjStart,
    adjCol: Int32Array.from(adjCol),
    adjCost: Float64Array.from(adjCost),
    dummyCost: top + Math.min(nRG, nC) * top + 1,
    ...(direct
      ? {
          directCost: (row: number, col: number) =>
            (row * 31 + slotGroup[col]! * 17) % 11 === 0 ? Infinity : (row * 7 + col * 13) % (top + 1),
        }
      : {}),
  };
}

describe('WebAssembly kernels (the hot loops of scoring and of the dual check)', () => {
  afterEach(() => useKernels(true));

  it('kernels-wasm.ts is kernels.wat assembled (run `npm run build:kernels` after editing the .wat)', async () => {
    const wat = readFileSync(join(MATCHING, 'kernels.wat'), 'utf8');
    expect(readFileSync(join(MATCHING, 'kernels-wasm.ts'), 'utf8')).toBe(
      kernelsModuleSource(await assembleKernels(wat)),
    );
  });

  it('are used by the built-in scorer unless turned off', () => {
    const input = generateInstance({ mentees: 20, mentors: 20, seed: 1 });
    expect(scorer(input, true).columnHeaps).toBeDefined();
    expect(scorer(input, false).columnHeaps).toBeUndefined();
  });

  it('score every row and select the candidates exactly as the JavaScript loops (values, K best, mentor heaps)', () => {
    const r = rng(7);
    // Seniority by hire date at the exact boundaries (no job levels): 1 and 2 years earlier, or a day
    // less; and unknown dates on either side.
    const byHireDate: MatchInput = {
      mentees: [
        { id: 'e', languages: ['de'], hireDate: '2020-01-01' },
        { id: 'e2', languages: ['de'] },
        { id: 'e3', languages: ['de'], hireDate: '2017-03-01' },
      ],
      mentors: [
        ...['2020-12-30', '2020-12-31', '2021-12-30', '2021-12-31', '2019-06-01'].map((hireDate, i) => ({
          id: `m${i}`,
          languages: ['de'],
          hireDate,
        })),
        { id: 'm-unknown', languages: ['de'] },
      ],
    };
    const inputs = [
      byHireDate,
      ...[1, 2, 3].map((seed) => generateInstance({ mentees: 90, mentors: 70, seed, capacityTwoShare: 0.3 })),
      ...Array.from({ length: 40 }, () => randomInstance(r)),
    ];
    let rows = 0;
    for (const input of inputs) {
      const wasm = scorer(input, true);
      const js = scorer(input, false);
      const a = new Float64Array(js.mentors);
      const b = new Float64Array(js.mentors);
      for (let ep = 0; ep < js.mentees; ep++) {
        expect(wasm.fill(ep, a)).toBe(js.fill(ep, b));
        expect(a).toEqual(b);
        rows++;
      }
      // The scoring pass: each mentee's K best, each mentor's best mentees by regret, the cache.
      const places = prepare(input).freePlaces;
      const k = r.int(1, 9);
      useKernels(true);
      const passA = candidatePass(scorer(input, true), places, k, 1e8);
      useKernels(false);
      expect(passA).toEqual(candidatePass(scorer(input, false), places, k, 1e8));
    }
    expect(rows).toBeGreaterThan(400);
  });

  it('add seniority by hire date from a table the rule functions filled; hire dates too far apart stay in JavaScript', () => {
    const t = buildScoreTables(undefined);
    const menteeHire = Float64Array.from([18262, 18000, NaN]);
    const mentorHire = Float64Array.from([18262 + 364, 18262 + 365, 18262 + 730, NaN, 17000]);
    const table = hireDayTable(t, menteeHire, mentorHire);
    expect(table).not.toBeNull();
    for (let e = 0; e < menteeHire.length; e++)
      for (let m = 0; m < mentorHire.length; m++) {
        const index = Math.max((table?.mentorIndex[m] as number) + (table?.rowBase(e) as number), 0);
        const expected = seniorityTenths(t, seniorityByDays((mentorHire[m] as number) - (menteeHire[e] as number)));
        expect({ e, m, points: table?.values[index] }).toEqual({ e, m, points: expected });
      }
    expect(hireDayTable(t, Float64Array.from([0, 2 ** 21]), Float64Array.from([0]))).toBeNull();
    expect(hireDayTable(t, Float64Array.from([0.5]), Float64Array.from([1]))).toBeNull();

    const farApart: MatchInput = {
      mentees: [{ id: 'e', languages: ['de'], hireDate: '0100-01-01' }],
      mentors: [
        { id: 'm0', languages: ['de'], hireDate: '9000-01-01' },
        { id: 'm1', languages: ['de'], hireDate: '0100-06-01' },
      ],
    };
    const wasm = scorer(farApart, true);
    expect(wasm.columnHeaps).toBeUndefined();
    const a = new Float64Array(2);
    const b = new Float64Array(2);
    expect(wasm.fill(0, a)).toBe(scorer(farApart, false).fill(0, b));
    expect(a).toEqual(b);
  });

  it('build and merge the candidate graph exactly as the JavaScript sorts (repeats dropped, rows by mentor)', () => {
    const r = rng(3);
    const pairs = (n: number, nE: number, nM: number): PairList => {
      const mentee = Int32Array.from({ length: n }, () => r.int(0, nE - 1));
      const mentor = Int32Array.from({ length: n }, () => r.int(0, nM - 1));
      const units = Float64Array.from({ length: n }, (_, i) => mentee[i]! * 1000 + mentor[i]!); // a pair's units never change
      return { mentee, mentor, units, length: n - r.int(0, 3) }; // arrays may be longer than the list
    };
    for (let i = 0; i < 100; i++) {
      const nE = r.int(1, 60);
      const nM = r.int(1, 60);
      const a = pairs(r.int(3, 400), nE, nM);
      const x = pairs(r.int(3, 100), nE, nM);
      useKernels(true);
      const graph = edgesFromPairs(nE, a);
      const extra = edgesFromPairs(nE, x);
      const merged = withEdges(graph, extra);
      useKernels(false);
      expect(graph).toEqual(edgesFromPairs(nE, a));
      expect(extra).toEqual(edgesFromPairs(nE, x));
      expect(merged).toEqual(withEdges(edgesFromPairs(nE, a), edgesFromPairs(nE, x)));
    }
  });

  it('reduce rows and search the sparse assignment exactly as the JavaScript loops: same potentials, columns settled, pairs taken', () => {
    const r = rng(5);
    let settled = 0;
    for (let i = 0; i < 300; i++) {
      const p = lapProblem(r, r.chance(0.5));
      useKernels(true);
      const a = solveLap(p);
      useKernels(false);
      const b = solveLap(p);
      expect(a).toEqual(b);
      settled += a.settled;
      // Warm: cheaper copies of some edges (rows whose potential they undercut are re-reduced and re-augmented).
      const cheaper: LapProblem = { ...p, adjCost: p.adjCost.map((c) => (r.chance(0.2) ? Math.floor(c / 2) : c)) };
      const changed = Int32Array.from({ length: p.rowSlotStart[p.rowSlotStart.length - 1]! }, (_, row) => row);
      useKernels(true);
      const c = solveLap(cheaper, a, changed);
      useKernels(false);
      expect(c).toEqual(solveLap(cheaper, b, changed));
    }
    expect(settled).toBeGreaterThan(1000); // the searches had work to do
  });

  it('give the same results as the JavaScript loops end to end, dual checks and re-matches included', () => {
    const r = rng(11);
    for (let i = 0; i < 150; i++) {
      const input = randomInstance(r, { locks: r.chance(0.5), customScores: r.chance(0.3), cycles: r.chance(0.2) });
      useKernels(true);
      const a = withoutTimes(solveMatching(input));
      useKernels(false);
      expect(a).toEqual(withoutTimes(solveMatching(input)));
    }
    // More candidates per person than the scoring kernel keeps per row: the JavaScript selection runs.
    const wide = generateInstance({ mentees: 120, mentors: 120, seed: 4 });
    useKernels(true);
    const many = withoutTimes(solveMatching(wide, { candidatesPerPerson: 70 }));
    useKernels(false);
    expect(many).toEqual(withoutTimes(solveMatching(wide, { candidatesPerPerson: 70 })));
    for (const seed of [1, 2]) {
      const input = generateInstance({ mentees: 150, mentors: 150, seed, capacityTwoShare: 0.2 });
      // Few candidates per person: the dual checks have pairs to add (several rounds).
      const options = { candidatesPerPerson: 2 };
      useKernels(true);
      const a = solveMatching(input, options);
      useKernels(false);
      const b = solveMatching(input, options);
      expect(a.stats.rounds).toBeGreaterThan(1);
      expect(withoutTimes(a)).toEqual(withoutTimes(b));
      const fixedPairs = a.pairs.slice(0, 40).map((p): [string, string] => [p.mentor, p.mentee]);
      const affectedIds = a.pairs.slice(40, 60).flatMap((p) => [p.mentor, p.mentee]);
      useKernels(true);
      const c = rematch(input, { fixedPairs, affectedIds }, options);
      useKernels(false);
      expect(withoutTimes(c)).toEqual(withoutTimes(rematch(input, { fixedPairs, affectedIds }, options)));
    }
  });
});
