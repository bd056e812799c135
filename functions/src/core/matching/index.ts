/**
 * The matching engine: optimal, deterministic, explained mentor–mentee pairs under hard constraints.
 * Pure: no I/O, no clock, no randomness (a clock can be injected for stats). See docs/matching.md.
 */
import { solve } from './solve';
import type { MatchInput, MatchOptions, MatchResult, RematchScope } from './types';

export * from './types';
export { MatchInputError } from './errors';
export { validateMatchInput } from './validate';
export { formatReason, MESSAGES, type MessageLanguage } from './messages';
export { DEFAULT_WEIGHTS } from './fit-score';
export type { RowPool } from './row-pool';
export { runChunks, type RowTask } from './row-tasks';
export { builtInRows, type RowSpec } from './row-source';

/**
 * The best set of pairs: first as many pairs as possible, then the highest total fit; ties go to
 * smaller ids. Throws MatchInputError for bad input (the message names every problem).
 */
export function solveMatching(input: MatchInput, options: MatchOptions = {}): MatchResult {
  return solve(input, undefined, options);
}

/**
 * Re-matches only the affected people after a decline or a leave: `fixedPairs` stay exactly as they
 * are (reported with `locked: true`), and every new pair contains at least one affected person.
 * Add the declined pair to `input.exclude` so it is not proposed again.
 */
export function rematch(input: MatchInput, scope: RematchScope, options: MatchOptions = {}): MatchResult {
  return solve(input, scope, options);
}
