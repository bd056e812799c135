import { buildHierarchy, chainConflicts } from '../../../functions/src/core/hierarchy';
import { rng } from '../matching/support/prng';

/** Every (left, right) pair in one chain, by asking sameChain pair by pair. */
function naive(h: ReturnType<typeof buildHierarchy>, left: string[], right: string[]): string[] {
  const out: string[] = [];
  left.forEach((l, i) => right.forEach((r, j) => h.sameChain(l, r) && out.push(`${i}:${j}`)));
  return out.sort();
}

function enumerated(c: ReturnType<typeof chainConflicts>, left: string[]): string[] {
  const out: string[] = [];
  left.forEach((_, i) => {
    for (let k = c.descLo[i]!; k < c.descHi[i]!; k++) out.push(`${i}:${c.rightByTin[k]}`);
    for (let k = c.ancStart[i]!; k < c.ancStart[i + 1]!; k++) out.push(`${i}:${c.ancRight[k]}`);
  });
  return out.sort();
}

describe('chainConflicts', () => {
  it('enumerates exactly the same-chain pairs between two groups (random trees, 50 seeds)', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const r = rng(seed);
      const ids = Array.from({ length: 60 }, (_, i) => `p${i}`);
      const managerOf: Record<string, string> = {};
      ids.forEach((id, i) => i > 0 && r.chance(0.9) && (managerOf[id] = ids[r.int(0, i - 1)]!));
      const h = buildHierarchy(managerOf);
      const shuffled = r.shuffle(ids);
      const left = [...shuffled.slice(0, 20), 'stranger'];
      const right = shuffled.slice(20, 45);
      const c = chainConflicts(h, left, right);
      const expected = naive(h, left, right);
      expect(enumerated(c, left)).toEqual(expected);
      expect(c.count).toBe(expected.length);
    }
  });
});
