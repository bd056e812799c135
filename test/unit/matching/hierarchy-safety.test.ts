import { solveMatching, type MatchInput } from '../../../functions/src/core/matching';
import { naiveSameChain } from './support/oracle';
import { rng } from './support/prng';

/** A deep random org (chains up to ~30 levels) with mentors and mentees spread over all levels. */
function deepOrg(seed: number): MatchInput {
  const r = rng(seed);
  const size = 400;
  const ids = Array.from({ length: size }, (_, i) => `p${i}`);
  const managerOf: Record<string, string> = {};
  // Mostly "reports to one of the last few", which makes long chains; sometimes a random earlier manager.
  for (let i = 1; i < size; i++)
    managerOf[ids[i]!] = ids[r.chance(0.8) ? r.int(Math.max(0, i - 3), i - 1) : r.int(0, i - 1)]!;
  const people = r.shuffle(ids.slice(1));
  const profile = () => ({ languages: ['de'], topics: [r.pick(['ai', 'teams', 'excel'])], interests: [] });
  return {
    mentors: people.slice(0, 60).map((id) => ({ id, ...profile(), capacity: r.chance(0.3) ? 2 : 1 })),
    mentees: people.slice(60, 140).map((id) => ({ id, ...profile() })),
    managerOf,
  };
}

describe('hierarchy safety', () => {
  it('never pairs two people in one management chain (random deep trees, 100 seeds)', () => {
    let checkedPairs = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const input = deepOrg(seed);
      const result = solveMatching(input, { candidatesPerPerson: seed % 2 === 0 ? 2 : 12 });
      for (const p of result.pairs) {
        expect({
          seed,
          pair: [p.mentor, p.mentee],
          sameChain: naiveSameChain(input.managerOf, p.mentor, p.mentee),
        }).toEqual({ seed, pair: [p.mentor, p.mentee], sameChain: false });
        checkedPairs++;
      }
      expect(result.optimal).toBe(true);
    }
    expect(checkedPairs).toBeGreaterThan(3000);
  });

  it('never pairs an executive with a direct or skip-level report, even when they are the only fit', () => {
    const input: MatchInput = {
      mentors: [
        { id: 'lead', languages: ['de'], topics: ['ai'] },
        { id: 'analyst', languages: ['de'], topics: ['ai'] },
      ],
      mentees: [{ id: 'exec', languages: ['de'], topics: ['ai'] }],
      managerOf: { lead: 'exec', analyst: 'lead' },
    };
    const result = solveMatching(input);
    expect(result.pairs).toEqual([]);
    expect(result.unmatched.find((u) => u.id === 'exec')?.reason.key).toBe('unmatched.noFeasiblePartner.hierarchy');
  });
});
