import { edgesFromPairs, withEdges, type PairList } from '../../../functions/src/core/matching/edge-set';
import { rng } from './support/prng';

/** A pair's units follow from the pair, as in the engine (a pair always has the same score). */
const unitsOf = (ep: number, mp: number) => (ep * 31 + mp * 17) % 1000;

function pairList(pairs: [number, number][]): PairList {
  return {
    mentee: Int32Array.from(pairs, (p) => p[0]),
    mentor: Int32Array.from(pairs, (p) => p[1]),
    units: Float64Array.from(pairs, (p) => unitsOf(p[0], p[1])),
    length: pairs.length,
  };
}

describe('candidate graph', () => {
  it('sorts each row by mentor without repeats, and merging another graph equals rebuilding from all pairs', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const nE = r.int(1, 12);
      const nM = r.int(1, 40);
      const random = (n: number): [number, number][] =>
        Array.from({ length: n }, () => [r.int(0, nE - 1), r.int(0, nM - 1)]);
      const first = random(r.int(0, 120));
      const set = edgesFromPairs(nE, pairList(first));
      for (let ep = 0; ep < nE; ep++) {
        const row = Array.from(set.mentor.subarray(set.start[ep], set.start[ep + 1]));
        expect(row).toEqual([...new Set(first.filter((p) => p[0] === ep).map((p) => p[1]))].sort((a, b) => a - b));
      }
      const more = random(r.int(0, 30));
      const extra = edgesFromPairs(nE, pairList(more));
      expect(withEdges(set, extra)).toEqual(edgesFromPairs(nE, pairList([...first, ...more])));
    }
  });
});
