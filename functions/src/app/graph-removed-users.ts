/**
 * People deleted from the directory leave every programme they are in, without blame: the
 * participant is set `left`, their live pairs end as 'removed-from-directory', future sessions are
 * cancelled in the calendars (when a calendar is wired) and the partner is told the pair ended.
 * With the use cases' ports (`app`), the freed partners are then re-matched as after a leave
 * (matching/rematch: only the people affected, once every removal of the round is applied).
 * Idempotent: someone who already left is skipped, an ended pair stays ended, and a partner who
 * already has a new pair is not matched again.
 */
import { endPair, isLivePair, leave, type Pair } from '../core/model';
import { ConflictError } from '../core/errors';
import { toArray, type Store } from '../ports/store';
import { update } from './support/update';
import { releaseEnded } from './support/pair-claims';
import type { Clock } from '../ports/clock';
import type { Messenger } from '../ports/messenger';
import type { CalendarPort } from '../ports/calendar';
import { cancelSeriesForPair } from './book-series';
import { PAIR_ENDED } from './calendar-texts';
import type { AppDeps } from './deps';
import { rematchAffected } from './matching/rematch';

export interface RemovalDeps {
  store: Store;
  clock: Clock;
  messenger?: Messenger;
  calendar?: CalendarPort;
  /** The use cases' ports; without them partners are told but not re-matched. */
  app?: AppDeps;
}

const ACTOR = 'timer:org-sync';

async function endRemovedPair(deps: RemovalDeps, pair: Pair, userId: string): Promise<void> {
  const now = deps.clock.now().toISOString();
  const ended = await update(deps.store.pairs, pair.programmeId, pair.id, (p) =>
    endPair(p, 'removed-from-directory', now),
  );
  await releaseEnded(deps, ended);
  if (deps.calendar && deps.messenger && (pair.booking !== 'none' || pair.status === 'active')) {
    await cancelSeriesForPair(
      { store: deps.store, clock: deps.clock, messenger: deps.messenger, calendar: deps.calendar },
      pair.programmeId,
      pair.id,
      PAIR_ENDED,
    );
  }
  const partner = pair.mentorId === userId ? pair.menteeId : pair.mentorId;
  await deps.messenger?.send([
    {
      type: 'pair-ended',
      recipient: partner,
      programmeId: pair.programmeId,
      params: { programmeId: pair.programmeId, pairId: pair.id },
      dedupeKey: `pair-ended:${pair.id}:${partner}`,
    },
  ]);
  await deps.store.audit
    .create({
      id: `audit-removed-${pair.id}`,
      schemaVersion: 1,
      programmeId: pair.programmeId,
      at: now,
      actor: ACTOR,
      action: 'pair.ended',
      target: pair.id,
      details: { reason: 'removed-from-directory' },
    })
    .catch((err: unknown) => {
      if (!(err instanceof ConflictError)) throw err;
    });
}

/** Takes each removed person out of their programmes; returns how many enrollments were ended. */
export async function removeFromProgrammes(deps: RemovalDeps, userIds: string[]): Promise<number> {
  let left = 0;
  /** programme → partners of removed people (also of pairs ended by an earlier, interrupted run). */
  const freed = new Map<string, Set<string>>();
  for (const userId of userIds) {
    const enrollments = await toArray(deps.store.participants.all(undefined, { where: { userId } }));
    for (const p of enrollments) {
      if (p.status !== 'left') {
        const now = deps.clock.now().toISOString();
        await update(deps.store.participants, p.programmeId, p.id, (c) => (c.status === 'left' ? c : leave(c, now)));
        left++;
      }
      const [asMentor, asMentee] = await Promise.all([
        toArray(deps.store.pairs.all(p.programmeId, { where: { mentorId: userId } })),
        toArray(deps.store.pairs.all(p.programmeId, { where: { menteeId: userId } })),
      ]);
      const pairs = [...asMentor, ...asMentee];
      for (const pair of pairs.filter(isLivePair)) await endRemovedPair(deps, pair, userId);
      for (const pair of pairs) {
        if (!isLivePair(pair) && pair.endReason !== 'removed-from-directory') continue;
        const partners = freed.get(p.programmeId) ?? new Set<string>();
        partners.add(pair.mentorId === userId ? pair.menteeId : pair.mentorId);
        freed.set(p.programmeId, partners);
      }
    }
  }
  if (deps.app) {
    const removed = new Set(userIds);
    for (const [programmeId, partners] of freed) {
      const affected = [...partners].filter((id) => !removed.has(id));
      if (affected.length) await rematchAffected(deps.app, programmeId, affected, ACTOR);
    }
  }
  return left;
}
