import { FORBIDDEN, type RowSource } from './row-source';

/**
 * Feasible partners of the people left without one (for their explanation). Counted after the solve,
 * and only for them, to keep the scoring pass lean: from the cache when there is one, else by
 * rescoring rows (all rows only when an active mentor is left over).
 */
export function feasibleCounts(
  src: RowSource,
  cache: Uint16Array | null,
  mentees: readonly number[],
  mentors: readonly number[],
): { mentee: Map<number, number>; mentor: Map<number, number> } {
  const nM = src.mentors;
  const mentee = new Map<number, number>();
  const mentor = new Map<number, number>(mentors.map((mp) => [mp, 0]));
  const row = new Float64Array(nM);
  const feasible = (ep: number, mp: number): boolean =>
    (cache ? (cache[ep * nM + mp] as number) : (row[mp] as number)) !== FORBIDDEN;
  const wanted = new Set(mentees);
  for (let ep = 0; ep < src.mentees; ep++) {
    if (!wanted.has(ep) && mentors.length === 0) continue;
    if (!cache) src.fill(ep, row);
    if (wanted.has(ep)) {
      let count = 0;
      for (let mp = 0; mp < nM; mp++) if (feasible(ep, mp)) count++;
      mentee.set(ep, count);
    }
    for (const mp of mentors) if (feasible(ep, mp)) mentor.set(mp, (mentor.get(mp) as number) + 1);
  }
  return { mentee, mentor };
}
