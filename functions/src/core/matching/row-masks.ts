import type { Prepared } from './prepare';

/**
 * The pair rules of a score row that do not depend on profiles: the hierarchy (never in one management
 * chain), exclusions, and a re-match's scope. Profile rules (a common language) and the fit score are
 * the row scorer's (row-source.ts, fit-score.ts).
 */

/** A forbidden pair in a score row; a feasible pair holds its score in units plus one. */
export const FORBIDDEN = 0;

/** A score row: a Float64Array, or a Uint16Array row of the score cache. */
export type ScoreRow = Float64Array | Uint16Array;

/** The pair rules of a Prepared instance that do not depend on profiles. */
export type RowMasks = Pick<
  Prepared,
  'conflicts' | 'excludedStart' | 'excludedMentor' | 'affectedMentor' | 'affectedMentee'
>;

/** Calls `rule` with each mentor the hierarchy or an exclusion rules out for mentee ep (repeats possible). */
export function forEachForbidden(p: RowMasks, ep: number, rule: (mp: number) => void): void {
  const c = p.conflicts;
  for (let k = c.descLo[ep] as number, end = c.descHi[ep] as number; k < end; k++) rule(c.rightByTin[k] as number);
  for (let k = c.ancStart[ep] as number, end = c.ancStart[ep + 1] as number; k < end; k++) {
    rule(c.ancRight[k] as number);
  }
  for (let k = p.excludedStart[ep] as number, end = p.excludedStart[ep + 1] as number; k < end; k++) {
    rule(p.excludedMentor[k] as number);
  }
}

/** Re-match scope: a mentee outside it may only pair with a mentor inside it (a whole-row rule). */
export const outOfScope = (p: RowMasks, ep: number): boolean =>
  p.affectedMentor !== null && p.affectedMentee !== null && p.affectedMentee[ep] === 0;

/** Hierarchy, exclusions and re-match scope: the pair rules that do not depend on profiles. */
export function applyMasks(p: RowMasks, ep: number, out: ScoreRow): void {
  forEachForbidden(p, ep, (mp) => {
    out[mp] = FORBIDDEN;
  });
  const am = p.affectedMentor;
  if (am && outOfScope(p, ep)) {
    for (let mp = 0; mp < am.length; mp++) if (am[mp] === 0) out[mp] = FORBIDDEN;
  }
}
