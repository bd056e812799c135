import { solveMatching } from '../../../functions/src/core/matching';
import { compileFeatures } from '../../../functions/src/core/matching/features';
import { buildScoreTables } from '../../../functions/src/core/matching/fit-score';
import { prepare } from '../../../functions/src/core/matching/prepare';
import { builtInRows } from '../../../functions/src/core/matching/row-source';
import { generateInstance } from '../../../scripts/bench/lib/instance';

// NOTE: munkres ships ESM types only; its CommonJS build is loaded with require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { munkres } = require('munkres') as { munkres: (costs: ArrayLike<ArrayLike<number>>) => [number, number][] };

/** The optimum of the same instance by the Hungarian method on a dense matrix (munkres package). */
function munkresOptimum(input: ReturnType<typeof generateInstance>): { pairs: number; units: number } {
  const p = prepare(input);
  const f = compileFeatures(p.mentors, p.mentees);
  const src = builtInRows(p, f, buildScoreTables(input.weights));
  const row = new Float64Array(src.mentors);
  const scores = Array.from({ length: src.mentees }, (_, ep) => {
    src.fill(ep, row);
    return Int32Array.from(row, (x) => x - 1); // row values are units + 1, 0 = forbidden
  });
  // A mentor with 2 places is 2 identical columns.
  const slots = Array.from(p.freePlaces).flatMap((places, mp) => Array<number>(places).fill(mp));
  const top = Math.max(0, ...scores.map((r) => Math.max(...r)));
  const unmatched = top + Math.min(src.mentees, slots.length) * top + 1;
  const assignment = munkres(scores.map((r) => slots.map((mp) => (r[mp]! < 0 ? unmatched : top - r[mp]!))));
  let pairs = 0;
  let units = 0;
  for (const [ep, slot] of assignment) {
    const s = scores[ep]?.[slots[slot]!] ?? -1;
    if (s >= 0) {
      pairs++;
      units += s;
    }
  }
  return { pairs, units };
}

describe('realistic instances', () => {
  it.each([1, 2, 3])(
    'reaches the same optimum as the Hungarian method (munkres) on a seeded 250 × 250 org, seed %i',
    (seed) => {
      const input = generateInstance({ mentees: 250, mentors: 250, seed });
      const result = solveMatching(input);
      const expected = munkresOptimum(input);
      expect(result.optimal).toBe(true);
      expect({ pairs: result.pairCount, units: Math.round(result.totalScore * 10) }).toEqual(expected);
    },
  );

  it.each([
    ['more places than mentees', 300, 250],
    ['more mentees than places', 400, 200],
  ])('reaches the same optimum with mentors of capacity 2 and %s', (_name, mentees, mentors) => {
    const input = generateInstance({ mentees, mentors, seed: 4, capacityTwoShare: 0.5 });
    const result = solveMatching(input);
    expect(result.optimal).toBe(true);
    expect({ pairs: result.pairCount, units: Math.round(result.totalScore * 10) }).toEqual(munkresOptimum(input));
  });
});
