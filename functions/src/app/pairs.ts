/** Reading pairs, and the two people's answer to a published proposal. */
import { coded, ForbiddenError, NotFoundError } from '../core/errors';
import { answer, roleIn, type Pair } from '../core/model';
import { toArray, type Page, type Stored } from '../ports/store';
import { nowIso } from '../ports/clock';
import type { AppDeps } from './deps';
import { isManager, type Caller } from './caller';
import { loadVisibleProgramme } from './support/access';
import { audit } from './support/audit';
import { rematchAffected } from './matching/rematch';
import { update } from './support/update';
import { releaseEnded } from './support/pair-claims';
import { withPartners, type PairWithPartner } from './partner-card';
import { bookWithin } from './book-soon';

/** What a person in the pair sees: no decline reason of the other side, nothing before publishing. */
export function pairForParticipant(pair: Stored<Pair>): Stored<Pair> {
  const { reason: _m, ...mentor } = pair.mentor;
  const { reason: _e, ...mentee } = pair.mentee;
  return { ...pair, mentor, mentee };
}

export async function listPairs(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  query: { status?: Pair['status']; pageSize?: number; continuationToken?: string },
): Promise<Page<PairWithPartner>> {
  await loadVisibleProgramme(deps, caller, programmeId);
  if (isManager(caller)) {
    return deps.store.pairs.list(programmeId, {
      orderBy: 'createdAt',
      ...(query.status ? { where: { status: query.status } } : {}),
      ...(query.pageSize ? { pageSize: query.pageSize } : {}),
      ...(query.continuationToken ? { continuationToken: query.continuationToken } : {}),
    });
  }
  const own = [
    ...(await toArray(deps.store.pairs.all(programmeId, { where: { mentorId: caller.userId } }))),
    ...(await toArray(deps.store.pairs.all(programmeId, { where: { menteeId: caller.userId } }))),
  ].filter((p) => p.publishedAt && p.endReason !== 'excluded' && (!query.status || p.status === query.status));
  const items = own.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(pairForParticipant);
  return { items: await withPartners(deps, programmeId, caller.userId, items) };
}

export async function getPair(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  pairId: string,
): Promise<PairWithPartner> {
  await loadVisibleProgramme(deps, caller, programmeId);
  const pair = await deps.store.pairs.find(programmeId, pairId);
  if (!pair) throw new NotFoundError(`There is no pair "${pairId}" in this programme.`);
  const own = Boolean(roleIn(pair, caller.userId));
  // A manager sees any pair as it is; their own (like everyone's) as one of the two people sees it.
  if (!own && isManager(caller)) return pair;
  if (!own) throw new ForbiddenError('You can only see your own pair.');
  if (!pair.publishedAt && !isManager(caller))
    throw new NotFoundError(`There is no pair "${pairId}" in this programme.`);
  const [shown] = await withPartners(deps, programmeId, caller.userId, [pairForParticipant(pair)]);
  return shown ?? pairForParticipant(pair);
}

/**
 * A person's answer to a published proposal. When both accept, the pair is confirmed; in a programme
 * in execution its series is booked at once (a bounded wait, then the minute timer); a decline re-matches only the two people concerned.
 */
export async function answerProposal(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  pairId: string,
  accept: boolean,
  reason?: string,
  ifMatch?: string,
): Promise<Stored<Pair>> {
  const found = await deps.store.pairs.find(programmeId, pairId);
  if (!found || !found.publishedAt) throw new NotFoundError(`There is no pair "${pairId}" in this programme.`);
  if (!roleIn(found, caller.userId))
    throw coded(new ForbiddenError('Only the two people in a pair can answer its proposal.'), 'not-in-pair');
  const now = nowIso(deps.clock);
  const before = found.status;
  const stored = await update(
    deps.store.pairs,
    programmeId,
    pairId,
    (p) => answer(p, caller.userId, accept, now, reason),
    ifMatch,
  );
  if (stored.status !== before) {
    const people = [stored.mentorId, stored.menteeId];
    if (stored.status === 'confirmed') {
      await deps.messenger.send(
        people.map((recipient) => ({
          type: 'pair-confirmed' as const,
          recipient,
          programmeId,
          params: { programmeId, pairId },
          dedupeKey: `pair-confirmed:${pairId}:${recipient}`,
        })),
      );
      await audit(deps, programmeId, caller.userId, 'pair.confirmed', pairId);
      const programme = await deps.store.programmes.find(programmeId, programmeId);
      if (programme?.phase === 'execution') {
        await bookWithin(deps, programmeId, [pairId]);
        return pairForParticipant(await deps.store.pairs.get(programmeId, pairId));
      }
    } else if (stored.status === 'declined') {
      // The pair is declined before its people are let go, and for good: never proposed again.
      await releaseEnded(deps, stored);
      const other = people.filter((id) => id !== caller.userId);
      await deps.messenger.send(
        other.map((recipient) => ({
          type: 'pair-declined' as const,
          recipient,
          programmeId,
          params: { programmeId, pairId },
          dedupeKey: `pair-declined:${pairId}:${recipient}`,
        })),
      );
      await audit(deps, programmeId, caller.userId, 'pair.declined', pairId);
      await rematchAffected(deps, programmeId, people, caller.userId);
    }
  } else {
    await audit(deps, programmeId, caller.userId, accept ? 'pair.accepted' : 'pair.declined', pairId);
  }
  return pairForParticipant(stored);
}
