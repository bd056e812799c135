/**
 * Solves a matching instance: the same result as core's `solveMatching` wherever it runs. The
 * composition root injects the helper-thread matcher (adapters/parallel-matching).
 */
import { solveMatching, type MatchInput, type MatchResult } from '../core/matching';

export interface Matcher {
  solve(input: MatchInput): MatchResult;
}

/** Everything on the calling thread (deps built without a matcher, e.g. in tests). */
export const inlineMatcher: Matcher = { solve: (input) => solveMatching(input) };
