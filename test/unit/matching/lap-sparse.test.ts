import { solveLap, type LapProblem, type LapSolution } from '../../../functions/src/core/matching/lap-sparse';
import { rng, type Rng } from './support/prng';

interface Edge {
  g: number;
  h: number;
  cost: number;
}

function problem(rowSlots: number[], colSlots: number[], edges: Edge[], dummyCost: number): LapProblem {
  const prefix = (xs: number[]) =>
    Int32Array.from([0, ...xs.map((_, i) => xs.slice(0, i + 1).reduce((a, b) => a + b, 0))]);
  const sorted = [...edges].sort((a, b) => a.g - b.g || a.h - b.h);
  const adjStart = new Int32Array(rowSlots.length + 1);
  for (const e of sorted) adjStart[e.g + 1]!++;
  for (let g = 0; g < rowSlots.length; g++) adjStart[g + 1]! += adjStart[g]!;
  return {
    rowSlotStart: prefix(rowSlots),
    colSlotStart: prefix(colSlots),
    adjStart,
    adjCol: Int32Array.from(sorted, (e) => e.h),
    adjCost: Float64Array.from(sorted, (e) => e.cost),
    dummyCost,
  };
}

/** Min total cost with every row slot assigned (a column slot or its dummy), by DP over used columns. */
function bruteForce(rowSlots: number[], colSlots: number[], edges: Edge[], dummyCost: number): number {
  const rows = rowSlots.flatMap((n, g) => Array<number>(n).fill(g));
  const cols = colSlots.flatMap((n, h) => Array<number>(n).fill(h));
  const cost = new Map(edges.map((e) => [`${e.g}:${e.h}`, e.cost]));
  const memo = new Map<string, number>();
  const go = (r: number, used: number): number => {
    if (r === rows.length) return 0;
    const key = `${r}:${used}`;
    if (memo.has(key)) return memo.get(key)!;
    let best = dummyCost + go(r + 1, used);
    cols.forEach((h, j) => {
      const c = cost.get(`${rows[r]}:${h}`);
      if (c !== undefined && !(used & (1 << j))) best = Math.min(best, c + go(r + 1, used | (1 << j)));
    });
    memo.set(key, best);
    return best;
  };
  return go(0, 0);
}

function totalCost(p: LapProblem, s: LapSolution): number {
  let total = 0;
  const nR = s.rowMatch.length;
  for (let r = 0; r < nR; r++) {
    const j = s.rowMatch[r]!;
    if (j >= s.realColumns) {
      total += p.dummyCost;
      continue;
    }
    let g = 0;
    while (p.rowSlotStart[g + 1]! <= r) g++;
    let h = 0;
    while (p.colSlotStart[h + 1]! <= j) h++;
    for (let k = p.adjStart[g]!; k < p.adjStart[g + 1]!; k++) if (p.adjCol[k] === h) total += p.adjCost[k]!;
  }
  return total;
}

function randomCase(r: Rng) {
  const rowSlots = Array.from({ length: r.int(1, 5) }, () => r.int(1, 2));
  const colSlots = Array.from({ length: r.int(1, 5) }, () => r.int(1, 2));
  const edges: Edge[] = [];
  rowSlots.forEach((_, g) => colSlots.forEach((_, h) => r.chance(0.6) && edges.push({ g, h, cost: r.int(0, 12) })));
  const dummyCost = 13 + rowSlots.length * 13;
  return { rowSlots, colSlots, edges, dummyCost };
}

describe('sparse assignment solver', () => {
  it('finds the minimum cost on 2,000 random problems with multi-slot rows and columns', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const c = randomCase(rng(seed));
      const p = problem(c.rowSlots, c.colSlots, c.edges, c.dummyCost);
      const s = solveLap(p);
      expect({ seed, cost: totalCost(p, s) }).toEqual({
        seed,
        cost: bruteForce(c.rowSlots, c.colSlots, c.edges, c.dummyCost),
      });
    }
  });

  it('keeps reduced costs non-negative and assigned edges tight', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const c = randomCase(rng(seed));
      const p = problem(c.rowSlots, c.colSlots, c.edges, c.dummyCost);
      const s = solveLap(p);
      for (let g = 0; g + 1 < p.rowSlotStart.length; g++) {
        for (let r = p.rowSlotStart[g]!; r < p.rowSlotStart[g + 1]!; r++) {
          for (let k = p.adjStart[g]!; k < p.adjStart[g + 1]!; k++) {
            const h = p.adjCol[k]!;
            for (let j = p.colSlotStart[h]!; j < p.colSlotStart[h + 1]!; j++) {
              const rc = p.adjCost[k]! - s.u[r]! - s.v[j]!;
              expect(rc).toBeGreaterThanOrEqual(0);
              if (s.rowMatch[r] === j) expect(rc).toBe(0);
            }
          }
        }
      }
    }
  });

  it('re-solves from a previous solution after edges are added: optimal whenever its certificate holds', () => {
    let certified = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const r = rng(seed);
      const c = randomCase(r);
      const some = c.edges.filter(() => r.chance(0.5));
      const first = solveLap(problem(c.rowSlots, c.colSlots, some, c.dummyCost));
      const full = problem(c.rowSlots, c.colSlots, c.edges, c.dummyCost);
      const warm = solveLap(full, first);
      // Rule 3 of the certificate (the engine solves cold when it fails): assigned columns' potentials
      // do not exceed free columns' potentials.
      let maxAssigned = -Infinity;
      let minFree = Infinity;
      warm.colMatch.forEach((row, j) => {
        if (row === -1) minFree = Math.min(minFree, warm.v[j]!);
        else maxAssigned = Math.max(maxAssigned, warm.v[j]!);
      });
      if (maxAssigned > minFree) continue;
      certified++;
      expect({ seed, cost: totalCost(full, warm) }).toEqual({
        seed,
        cost: bruteForce(c.rowSlots, c.colSlots, c.edges, c.dummyCost),
      });
    }
    expect(certified).toBeGreaterThan(700);
  });
});
