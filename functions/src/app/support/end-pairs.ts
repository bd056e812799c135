/**
 * Ending a person's pairs without blame (leave, pause, erasure, programme close): the pair ends,
 * future sessions are cancelled in both calendars, and the partner is told that the pair ended (never why).
 */
import { endPair, isLivePair, type Pair } from '../../core/model';
import { toArray } from '../../ports/store';
import { nowIso } from '../../ports/clock';
import type { AppDeps } from '../deps';
import { audit } from './audit';
import { update } from './update';
import { releaseEnded } from './pair-claims';
import { PAIR_ENDED } from '../calendar-texts';

export type EndReason = NonNullable<Pair['endReason']>;

/** The live pairs a person is in, in one programme. */
export async function livePairsOf(deps: Pick<AppDeps, 'store'>, programmeId: string, userId: string): Promise<Pair[]> {
  const [asMentor, asMentee] = await Promise.all([
    toArray(deps.store.pairs.all(programmeId, { where: { mentorId: userId } })),
    toArray(deps.store.pairs.all(programmeId, { where: { menteeId: userId } })),
  ]);
  return [...asMentor, ...asMentee].filter(isLivePair);
}

/** Ends one pair; returns the partner(s) who are now free (for a re-match). */
export async function endOnePair(
  deps: AppDeps,
  pair: Pair,
  reason: EndReason,
  actor: string,
  leaving?: string,
): Promise<string[]> {
  const now = nowIso(deps.clock);
  const ended = await update(deps.store.pairs, pair.programmeId, pair.id, (p) =>
    isLivePair(p) ? endPair(p, reason, now) : p,
  );
  // Letting the people go, cancelling and telling are each idempotent: ending a pair again completes
  // an end that stopped half-way. A pair that was declined meanwhile is the decline's to finish.
  await releaseEnded(deps, ended);
  if (ended.status !== 'ended') return [];
  if (pair.booking !== 'none' || pair.status === 'active') {
    await deps.booking.cancelSeriesForPair(pair.programmeId, pair.id, PAIR_ENDED);
  }
  const partners = [pair.mentorId, pair.menteeId].filter((id) => id !== leaving);
  // Only confirmed or active pairs were announced to both; a pending proposal simply disappears for the partner.
  await deps.messenger.send(
    partners.map((recipient) => ({
      type: 'pair-ended' as const,
      recipient,
      programmeId: pair.programmeId,
      params: { programmeId: pair.programmeId, pairId: pair.id },
      dedupeKey: `pair-ended:${pair.id}:${recipient}`,
    })),
  );
  await audit(deps, pair.programmeId, actor, 'pair.ended', pair.id, { reason });
  return partners;
}

/** Ends every live pair of the person; returns the partners now without a pair. */
export async function endPairsOf(
  deps: AppDeps,
  programmeId: string,
  userId: string,
  reason: EndReason,
  actor: string,
): Promise<string[]> {
  const freed: string[] = [];
  for (const pair of await livePairsOf(deps, programmeId, userId)) {
    freed.push(...(await endOnePair(deps, pair, reason, actor, userId)));
  }
  return freed;
}
