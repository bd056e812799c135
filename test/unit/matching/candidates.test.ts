import { candidatePass } from '../../../functions/src/core/matching/candidates';
import { compileFeatures } from '../../../functions/src/core/matching/features';
import { buildScoreTables } from '../../../functions/src/core/matching/fit-score';
import { prepare } from '../../../functions/src/core/matching/prepare';
import { builtInRows } from '../../../functions/src/core/matching/row-source';
import { generateInstance } from '../../../scripts/bench/lib/instance';

/**
 * The candidate graph the scoring pass keeps, against a plain computation of what it promises: each
 * mentee's K best mentors (by score, ties to the smaller index) and each mentor's 2K best mentees per
 * place ranked by regret — how close the pair comes to the mentee's best score — then by score, then
 * by the smaller index. Holds the regret ranking and the gate that skips most pairs to that promise.
 */
describe('candidate pass', () => {
  it.each([
    [1, 120, 90, 0.3, 4],
    [2, 80, 140, 0, 3],
  ])('keeps exactly the promised candidates (seed %i, %i mentees × %i mentors)', (seed, mentees, mentors, cap2, k) => {
    const input = generateInstance({ mentees, mentors, seed, capacityTwoShare: cap2 });
    const p = prepare(input);
    const f = compileFeatures(p.mentors, p.mentees);
    const src = builtInRows(p, f, buildScoreTables(input.weights));
    const nE = src.mentees;
    const nM = src.mentors;
    const rows = Array.from({ length: nE }, (_, ep) => {
      const row = new Float64Array(nM);
      const best = src.fill(ep, row); // values are units + 1, 0 = forbidden
      return { row, best };
    });

    const expected = Array.from({ length: nE }, () => new Map<number, number>());
    rows.forEach(({ row }, ep) => {
      const feasible = [...row.keys()].filter((mp) => row[mp]! > 0);
      feasible.sort((a, b) => row[b]! - row[a]! || a - b);
      for (const mp of feasible.slice(0, k)) expected[ep]!.set(mp, row[mp]! - 1);
    });
    for (let mp = 0; mp < nM; mp++) {
      const ranked = rows
        .map(({ row, best }, ep) => ({ ep, value: row[mp]!, gap: best - row[mp]! }))
        .filter((x) => x.value > 0)
        .sort((a, b) => a.gap - b.gap || b.value - a.value || a.ep - b.ep);
      for (const x of ranked.slice(0, 2 * k * p.freePlaces[mp]!)) expected[x.ep]!.set(mp, x.value - 1);
    }

    const { edges, maxSeen } = candidatePass(src, p.freePlaces, k, 1e9);
    const got = Array.from({ length: nE }, (_, ep) => {
      const list: [number, number][] = [];
      for (let q = edges.start[ep]!; q < edges.start[ep + 1]!; q++) list.push([edges.mentor[q]!, edges.units[q]!]);
      return list;
    });
    expect(got).toEqual(expected.map((m) => [...m.entries()].sort((a, b) => a[0] - b[0])));
    expect(maxSeen).toBe(Math.max(...rows.map(({ row }) => Math.max(...row))) - 1);
  });
});
