/**
 * "End this pair" without a reason and without blame: the pair ends (an ETag-conditional write on the
 * pair, then both enrollments let it go and record each other as never to be proposed again), the
 * future sessions are cancelled in both calendars, the other side is told only that the pair ended,
 * and both people stay in the programme and are re-matched. One use case for a participant (either
 * side) and for a programme manager stepping in after publishing.
 */
import { ConflictError, ForbiddenError, NotFoundError } from '../core/errors';
import { isLivePair, roleIn, type Pair } from '../core/model';
import type { AppDeps } from './deps';
import type { Caller } from './caller';
import { loadProgramme } from './support/access';
import { endOnePair } from './support/end-pairs';
import { rematchAffected } from './matching/rematch';

export interface EndedPair {
  pair: Pair;
  /** New proposals made for the two people (empty when no partner is free right now). */
  rematched: Pair[];
}

/**
 * Ends the pair and re-matches both people; `by` is the person acting (one of the two, or a manager).
 * Ending a pair that already ended this way is harmless (returns it, nothing is sent again).
 */
export async function endPairWithoutBlame(
  deps: AppDeps,
  programmeId: string,
  pairId: string,
  by: string,
): Promise<EndedPair> {
  const programme = await loadProgramme(deps, programmeId);
  if (programme.phase === 'closed') throw new ConflictError('The programme is closed.');
  const pair = await deps.store.pairs.find(programmeId, pairId);
  if (!pair) throw new NotFoundError(`There is no pair "${pairId}" in this programme.`);
  if (pair.status === 'ended' && pair.endReason === 'ended-without-blame') return { pair, rematched: [] };
  if (!isLivePair(pair)) throw new ConflictError(`The pair is already ${pair.status}.`);
  if (pair.status === 'proposed' && roleIn(pair, by))
    throw new ConflictError('This pair is still a proposal: decline it instead.');
  // The person who ended it is not told; a manager's end is told to both.
  await endOnePair(deps, pair, 'ended-without-blame', by, roleIn(pair, by) ? by : undefined);
  const rematched = await rematchAffected(deps, programmeId, [pair.mentorId, pair.menteeId], by);
  return { pair: await deps.store.pairs.get(programmeId, pairId), rematched };
}

/** A participant ends their own pair (either side, no reason asked). */
export async function endMyPair(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  pairId: string,
): Promise<EndedPair> {
  const pair = await deps.store.pairs.find(programmeId, pairId);
  if (!pair || !roleIn(pair, caller.userId)) throw new ForbiddenError('Only the two people in a pair can end it.');
  return endPairWithoutBlame(deps, programmeId, pairId, caller.userId);
}
