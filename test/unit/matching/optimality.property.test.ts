import { solveMatching } from '../../../functions/src/core/matching';
import { assertValid, bruteForce } from './support/oracle';
import { rng } from './support/prng';
import { randomInstance } from './support/random-instance';

/** Sum of custom scores over a pair set, in input indices. */
const customScore = (input: ReturnType<typeof randomInstance>) => (i: number, j: number) => input.scores?.[i]?.[j] ?? 0;

describe('optimality against brute force (random instances, ≤ 8 per side)', () => {
  it('finds the same number of pairs and the same total as exhaustive search on 3,000 instances', () => {
    let nonTrivial = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const input = randomInstance(rng(seed), { cycles: seed % 7 === 0 });
      const result = solveMatching(input);
      const expected = bruteForce(input, customScore(input));
      assertValid(input, result);
      expect({ seed, pairs: result.pairCount, total: result.totalScore }).toEqual({
        seed,
        pairs: expected.pairs,
        total: expect.closeTo(expected.total, 6),
      });
      expect(result.optimal).toBe(true);
      if (expected.pairs > 1) nonTrivial++;
    }
    expect(nonTrivial).toBeGreaterThan(1200);
  });

  it('stays optimal when the candidate graph keeps only one partner per person (dual check adds the rest)', () => {
    let extraRounds = 0;
    for (let seed = 5001; seed <= 6500; seed++) {
      const input = randomInstance(rng(seed));
      const result = solveMatching(input, { candidatesPerPerson: 1 });
      const expected = bruteForce(input, customScore(input));
      assertValid(input, result);
      expect({ seed, pairs: result.pairCount, total: result.totalScore }).toEqual({
        seed,
        pairs: expected.pairs,
        total: expect.closeTo(expected.total, 6),
      });
      expect(result.optimal).toBe(true);
      if (result.stats.rounds > 1) extraRounds++;
    }
    expect(extraRounds).toBeGreaterThan(40);
  });

  it('is optimal with the built-in fit score too (reference: the pair breakdowns), with any candidate count', () => {
    for (let seed = 9001; seed <= 9800; seed++) {
      const input = randomInstance(rng(seed), { customScores: false });
      // Half of the runs with a single candidate per person: searches then take pairs outside the
      // graph through the score cache, and the dual check has to add the rest.
      const result = solveMatching(input, seed % 2 === 0 ? { candidatesPerPerson: 1 } : {});
      assertValid(input, result);
      // Score every feasible pair through a one-pair instance: the engine's own explanation path.
      const score = (i: number, j: number): number => {
        const single = solveMatching({
          mentors: [{ ...input.mentors[i]!, capacity: 1, optedIn: true, active: true, trained: true }],
          mentees: [{ ...input.mentees[j]!, optedIn: true, active: true }],
          weights: input.weights,
        });
        return single.pairs[0]?.score ?? 0;
      };
      const expected = bruteForce(input, score);
      expect({ seed, pairs: result.pairCount, total: result.totalScore }).toEqual({
        seed,
        pairs: expected.pairs,
        total: expect.closeTo(expected.total, 6),
      });
    }
  });
});
