import { buildHierarchy } from '../../../functions/src/core/hierarchy';
import { naiveSameChain } from '../matching/support/oracle';
import { rng } from '../matching/support/prng';

describe('buildHierarchy', () => {
  const org = { ana: 'ben', ben: 'cleo', dan: 'cleo', eva: 'dan', cleo: null };

  it('puts a person and any manager above them, at any depth, in one chain', () => {
    const h = buildHierarchy(org);
    expect(h.sameChain('ana', 'ben')).toBe(true);
    expect(h.sameChain('ana', 'cleo')).toBe(true);
    expect(h.sameChain('cleo', 'eva')).toBe(true);
    expect(h.isAncestor('cleo', 'ana')).toBe(true);
    expect(h.isAncestor('ana', 'cleo')).toBe(false);
  });

  it('keeps siblings and cousins apart', () => {
    const h = buildHierarchy(org);
    expect(h.sameChain('ana', 'dan')).toBe(false);
    expect(h.sameChain('ana', 'eva')).toBe(false);
    expect(h.sameChain('ben', 'dan')).toBe(false);
  });

  it('lists the chain from the direct manager to the top', () => {
    const h = buildHierarchy(org);
    expect(h.chainOf('eva')).toEqual(['dan', 'cleo']);
    expect(h.chainOf('cleo')).toEqual([]);
    expect(h.chainOf('nobody')).toEqual([]);
  });

  it('treats people it does not know as outside every chain', () => {
    const h = buildHierarchy(org);
    expect(h.sameChain('ana', 'zoe')).toBe(false);
    expect(h.sameChain('zoe', 'zoe')).toBe(true);
  });

  it('accepts a Map as well as a plain object', () => {
    const h = buildHierarchy(new Map(Object.entries(org)));
    expect(h.sameChain('eva', 'cleo')).toBe(true);
  });

  it('cuts a management cycle with a warning instead of hanging, keeping its members in one chain', () => {
    const h = buildHierarchy({ a: 'b', b: 'c', c: 'a', d: 'a' });
    expect(h.warnings).toEqual([
      expect.objectContaining({ code: 'cycle', ids: expect.arrayContaining(['a', 'b', 'c']) }),
    ]);
    expect(h.sameChain('a', 'b') && h.sameChain('b', 'c') && h.sameChain('a', 'c')).toBe(true);
    expect(h.sameChain('d', 'c')).toBe(true);
    expect(h.chainOf('a').length).toBeLessThan(3);
  });

  it('reports self-managers and managers missing from the directory', () => {
    const h = buildHierarchy({ a: 'a', b: 'ghost', c: 'b' }, { knownIds: ['a', 'b', 'c'] });
    expect(h.warnings.map((w) => w.code).sort()).toEqual(['missing-manager', 'self-manager']);
    expect(h.warnings.find((w) => w.code === 'missing-manager')?.ids).toEqual(['ghost']);
    expect(h.sameChain('c', 'b')).toBe(true);
  });

  it('handles a 100,000-deep chain without recursion', () => {
    const chain: Record<string, string> = {};
    for (let i = 1; i < 100_000; i++) chain[`p${i}`] = `p${i - 1}`;
    const h = buildHierarchy(chain);
    expect(h.sameChain('p0', 'p99999')).toBe(true);
    expect(h.chainOf('p99999')).toHaveLength(99_999);
  });

  it('agrees with walking up the chain on random forests with cycles (100 seeds)', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const r = rng(seed);
      const ids = Array.from({ length: 40 }, (_, i) => `u${i}`);
      const managerOf: Record<string, string | null> = {};
      for (const id of ids) managerOf[id] = r.chance(0.85) ? r.pick(ids) : null;
      const h = buildHierarchy(managerOf);
      for (let k = 0; k < 200; k++) {
        const a = r.pick(ids);
        const b = r.pick(ids);
        if (a === b) continue;
        expect({ seed, a, b, same: h.sameChain(a, b) }).toEqual({ seed, a, b, same: naiveSameChain(managerOf, a, b) });
      }
    }
  });
});
