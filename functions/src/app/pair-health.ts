/**
 * Pair health per pair for the programme console: which active pairs need the manager's attention
 * and why. The rule is core/reports' (the same as the report's count and the daily notices); a
 * rating reaches the manager only as the 'low-rating' flag, never as a number, a text or a person.
 */
import { programmePairHealth, type PairHealthItem } from '../core/reports';
import type { Programme } from '../core/model';
import { toArray } from '../ports/store';
import { nowIso } from '../ports/clock';
import type { AppDeps } from './deps';
import { assertManager, type Caller } from './caller';
import { loadProgramme } from './support/access';

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
): Promise<{ items: PairHealthItem[] }> {
  assertManager(caller);
  const programme = await loadProgramme(deps, programmeId);
  return { items: await pairHealthOf(deps, programme) };
}
