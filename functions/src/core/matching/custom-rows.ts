import { type Features } from './features';
import { shareLanguage } from './fit-score';
import type { Prepared } from './prepare';
import { applyMasks, FORBIDDEN, type RowSource } from './row-source';
import type { MatchWarning } from './types';

/** Keeps every sum of scores (in units) well inside the exact integer range of a double. */
const SAFE_TOTAL = 2 ** 50;

/**
 * A caller-supplied mentors × mentees matrix in place of the fit score. Values become integers by a
 * power of ten (up to 6 decimals) so the optimiser stays exact; finer values are rounded with a warning.
 */
export function customRows(
  p: Prepared,
  f: Features,
  scores: readonly (readonly (number | null)[])[],
  warnings: MatchWarning[],
): RowSource {
  const nE = p.activeMentees.length;
  const nM = p.activeMentors.length;
  let max = 0;
  for (const row of scores) for (const v of row) if (v !== null && v > max) max = v;
  const bound = (p.mentors.length + p.mentees.length + 1) * (max + 1);
  let decimals = 0;
  while (decimals < 6 && !allIntegral(scores, 10 ** decimals) && bound * 10 ** (decimals + 1) < SAFE_TOTAL) decimals++;
  const scale = 10 ** decimals;
  if (!allIntegral(scores, scale)) {
    warnings.push({
      code: 'scores-rounded',
      message: `scores were rounded to ${decimals} decimal(s) for exact optimisation`,
    });
  }
  const matrix = new Float64Array(nE * nM);
  for (let ep = 0; ep < nE; ep++) {
    const e = p.activeMentees[ep] as number;
    const column = p.menteeInput[e] as number;
    for (let mp = 0; mp < nM; mp++) {
      const m = p.activeMentors[mp] as number;
      const v = scores[p.mentorInput[m] as number]?.[column];
      matrix[ep * nM + mp] =
        v === null || v === undefined || !shareLanguage(f, m, e) ? FORBIDDEN : Math.round(v * scale) + 1;
    }
  }
  return {
    mentees: nE,
    mentors: nM,
    unitsPerPoint: scale,
    maxUnits: Math.round(max * scale),
    fill(ep, out) {
      const from = ep * nM;
      for (let mp = 0; mp < nM; mp++) out[mp] = matrix[from + mp] as number;
      applyMasks(p, ep, out);
      let best = 0;
      for (let mp = 0; mp < nM; mp++) if ((out[mp] as number) > best) best = out[mp] as number;
      return best;
    },
  };
}

function allIntegral(scores: readonly (readonly (number | null)[])[], scale: number): boolean {
  for (const row of scores) {
    for (const v of row) {
      if (v === null) continue;
      const x = v * scale;
      if (Math.abs(x - Math.round(x)) > 1e-9 * Math.max(1, Math.abs(x))) return false;
    }
  }
  return true;
}
