/**
 * A programme manager stepping in after publishing: end a pair without blame (both stay and are
 * re-matched, never with each other), propose a new partner for one person who needs one, and send
 * a message card to a pair or to one person. Each is audited with who did what to which pair or
 * person (never the message's words). Separate from the review (matching/review.ts), which ends at
 * publishing.
 */
import { ConflictError, InvalidError, NotFoundError } from '../core/errors';
import { isLivePair, roleIn, type Pair, type Programme } from '../core/model';
import { nowIso } from '../ports/clock';
import type { AppDeps } from './deps';
import { assertManager, isManager, type Caller } from './caller';
import { loadProgramme } from './support/access';
import { audit } from './support/audit';
import { newId } from './support/ids';
import { endMyPair, endPairWithoutBlame, type EndedPair } from './end-pair';
import { rematchAffected } from './matching/rematch';

function assertPublished(programme: Programme): void {
  if (!programme.publishedAt || (programme.phase !== 'matching' && programme.phase !== 'execution'))
    throw new ConflictError('This is possible once the pairs are published, until the programme moves to steering.');
}

/** Ends a pair without blame as its manager: both people are told it ended and are re-matched. */
export async function managerEndsPair(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  pairId: string,
): Promise<EndedPair> {
  assertManager(caller);
  assertPublished(await loadProgramme(deps, programmeId));
  return endPairWithoutBlame(deps, programmeId, pairId, caller.userId);
}

/**
 * `POST …/pairs/{pairId}/end`: one of the two people ends their own pair (end-pair.ts); anyone else
 * must be a programme manager, after publishing.
 */
export async function endPairAs(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  pairId: string,
): Promise<EndedPair> {
  const pair = await deps.store.pairs.find(programmeId, pairId);
  if (pair && roleIn(pair, caller.userId)) return endMyPair(deps, caller, programmeId, pairId);
  if (!isManager(caller)) return endMyPair(deps, caller, programmeId, pairId);
  return managerEndsPair(deps, caller, programmeId, pairId);
}

export interface RematchResult {
  /** The new proposals (published at once, both people asked to confirm); empty when no partner fits now. */
  proposals: Pair[];
}

/**
 * Proposes a new partner for one person who needs one, with the matching engine on the people who
 * are free now (their exclusions, past partners and the mentors' capacity respected).
 */
export async function rematchPerson(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  userId: string,
): Promise<RematchResult> {
  assertManager(caller);
  const programme = await loadProgramme(deps, programmeId);
  assertPublished(programme);
  if (programme.matchingJobId) throw new ConflictError('A matching run is under way; try again when it is done.');
  const person = await deps.store.participants.find(programmeId, userId);
  if (!person || person.erasedAt) throw new NotFoundError('This person has not been invited to the programme.');
  if (person.status !== 'opted-in') throw new ConflictError(`This person is not taking part now (${person.status}).`);
  if ((person.claims ?? []).length) throw new ConflictError('This person already has a partner.');
  await audit(deps, programmeId, caller.userId, 'rematch.requested', userId);
  const proposals = await rematchAffected(deps, programmeId, [userId], caller.userId);
  return { proposals };
}

export interface MessageInput {
  pairId?: string | undefined;
  userId?: string | undefined;
  title: string;
  text: string;
}

export interface MessageResult {
  id: string;
  recipients: number;
}

/** A message card from the programme's managers to the two people of a pair, or to one person. */
export async function messagePeople(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  input: MessageInput,
): Promise<MessageResult> {
  assertManager(caller);
  if (Boolean(input.pairId) === Boolean(input.userId))
    throw new InvalidError('Name either a pair or one person.', { pairId: ['give pairId or userId, not both'] });
  const programme = await loadProgramme(deps, programmeId);
  if (programme.phase === 'draft' || programme.phase === 'closed')
    throw new ConflictError(`Messages go to people of a running programme; this one is ${programme.phase}.`);
  let recipients: string[];
  if (input.pairId) {
    const pair = await deps.store.pairs.find(programmeId, input.pairId);
    if (!pair || !pair.publishedAt) throw new NotFoundError(`There is no pair "${input.pairId}" in this programme.`);
    if (!isLivePair(pair)) throw new ConflictError(`The pair is ${pair.status}.`);
    recipients = [pair.mentorId, pair.menteeId];
  } else {
    const person = await deps.store.participants.find(programmeId, input.userId ?? '');
    if (!person || person.erasedAt) throw new NotFoundError('This person has not been invited to the programme.');
    if (person.status === 'left') throw new ConflictError('This person has left the programme.');
    recipients = [person.userId];
  }
  const id = newId('message');
  const sentAt = nowIso(deps.clock);
  await deps.messenger.send(
    recipients.map((recipient) => ({
      type: 'manager-message' as const,
      recipient,
      programmeId,
      params: { programmeId, messageId: id, title: input.title, text: input.text, sentAt },
      dedupeKey: `${id}:${recipient}`,
    })),
    id,
  );
  await audit(deps, programmeId, caller.userId, 'message.sent', input.pairId ?? input.userId, {
    to: input.pairId ? 'pair' : 'person',
    recipients: recipients.length,
  });
  return { id, recipients: recipients.length };
}
