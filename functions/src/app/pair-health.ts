/**
 * Pair health per pair for the programme console: which active pairs need the manager's attention
 * and what help fits. The rule is core/reports' (the same as the report's count and the daily
 * notices); a manager gets it as privacy/visibility's `PairAttention`: never a rating, that a rating
 * was low, or who gave it. A programme with `pairHealthNotices: false` lists nothing.
 */
import { programmePairHealth, type PairHealthItem } from '../core/reports';
import type { Programme } from '../core/model';
import { toArray } from '../ports/store';
import { nowIso } from '../ports/clock';
import type { AppDeps } from './deps';
import { assertManager, type Caller } from './caller';
import { loadProgramme } from './support/access';
import { pairAttention, type PairAttention } from './privacy/visibility';

/** Loads the programme's active pairs, their series and feedback, and applies the pair-health rule. */
export async function pairHealthOf(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  programme: Pick<Programme, 'id' | 'cadence' | 'phase'>,
): Promise<PairHealthItem[]> {
  const [pairs, meetings, feedback] = await Promise.all([
    toArray(deps.store.pairs.all(programme.id, { where: { status: 'active' } })),
    toArray(deps.store.meetings.all(programme.id, { where: { kind: 'pair-series' } })),
    toArray(deps.store.feedback.all(programme.id)),
  ]);
  return programmePairHealth({ programme, pairs, meetings, feedback, now: nowIso(deps.clock) });
}

export async function listPairHealth(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
): Promise<{ items: PairAttention[]; notices: boolean }> {
  assertManager(caller);
  const programme = await loadProgramme(deps, programmeId);
  if (programme.pairHealthNotices === false) return { items: [], notices: false };
  return { items: (await pairHealthOf(deps, programme)).map(pairAttention), notices: true };
}
