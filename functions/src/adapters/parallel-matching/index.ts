/**
 * The matching engine with helper threads: the same results as `solveMatching` / `rematch` (each
 * row's work is independent of which thread does it), the passes over all pairs split across cores.
 */
import {
  rematch,
  solveMatching,
  type MatchInput,
  type MatchOptions,
  type MatchResult,
  type RematchScope,
} from '../../core/matching';
import type { Matcher } from '../../ports/matcher';
import { rowPool } from './thread-pool';

export { closeRowPool, rowPool, ThreadRowPool } from './thread-pool';

/** solveMatching on the process-wide helper threads (started on first use, then reused). */
export function solveMatchingInParallel(input: MatchInput, options: MatchOptions = {}): MatchResult {
  return solveMatching(input, { pool: rowPool(), ...options });
}

/** rematch on the process-wide helper threads. */
export function rematchInParallel(input: MatchInput, scope: RematchScope, options: MatchOptions = {}): MatchResult {
  return rematch(input, scope, { pool: rowPool(), ...options });
}

/** The Matcher port on the process-wide helper threads (wired by the composition root). */
export const parallelMatcher: Matcher = { solve: (input) => solveMatchingInParallel(input) };
