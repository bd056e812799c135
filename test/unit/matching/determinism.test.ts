import { solveMatching, type MatchResult } from '../../../functions/src/core/matching';
import { rng } from './support/prng';
import { randomInstance } from './support/random-instance';
import { generateInstance } from '../../../scripts/bench/lib/instance';

const withoutTimes = (r: MatchResult) => ({ ...r, stats: { ...r.stats, ms: 0, phases: {} } });

describe('determinism', () => {
  it('gives the same result for the same input, whatever the order of people, pairs and keys', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      const input = randomInstance(r, { customScores: seed % 2 === 0, cycles: seed % 3 === 0 });
      const first = solveMatching(input);
      // Same instance, everything reordered (the scores matrix follows its rows and columns).
      const mentorOrder = r.shuffle(input.mentors.map((_, i) => i));
      const menteeOrder = r.shuffle(input.mentees.map((_, j) => j));
      const shuffled = {
        ...input,
        mentors: mentorOrder.map((i) => input.mentors[i]!),
        mentees: menteeOrder.map((j) => input.mentees[j]!),
        exclude: r.shuffle(input.exclude ?? []),
        lock: r.shuffle(input.lock ?? []),
        managerOf: Object.fromEntries(r.shuffle(Object.entries(input.managerOf ?? {}))),
        scores: input.scores ? mentorOrder.map((i) => menteeOrder.map((j) => input.scores![i]![j]!)) : undefined,
      };
      expect(withoutTimes(solveMatching(shuffled))).toEqual(withoutTimes(first));
    }
  });

  it('breaks ties the same way every time on a tie-heavy realistic instance', () => {
    const input = generateInstance({ mentees: 150, mentors: 150, seed: 7 });
    const a = solveMatching(input);
    const b = solveMatching(structuredClone(input));
    expect(b.pairs).toEqual(a.pairs);
    expect(a.optimal).toBe(true);
  });
});
