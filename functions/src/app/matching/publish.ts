/**
 * Publishing shows the proposals to the people in them and asks both to confirm. The programme's
 * ETag guards it: of two publishes sent with the same If-Match, one wins and the other gets 412,
 * whichever comes first (the precondition is checked before the phase and the proposals).
 */
import { coded, ConflictError } from '../../core/errors';
import type { Programme } from '../../core/model';
import { toArray, type Stored } from '../../ports/store';
import { nowIso } from '../../ports/clock';
import type { Notification } from '../../ports/messenger';
import type { AppDeps } from '../deps';
import { assertManager, type Caller } from '../caller';
import { loadProgramme } from '../support/access';
import { audit } from '../support/audit';
import { forEachLimited, WRITE_CONCURRENCY } from '../support/batch';
import { assertIfMatch, retryUnlessIfMatch, stripEtag, update } from '../support/update';
import { bookEventsWithin } from '../book-soon';

export interface PublishResult {
  programme: Stored<Programme>;
  published: number;
}

export async function publishProposals(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  ifMatch?: string,
): Promise<PublishResult> {
  assertManager(caller);
  // Without If-Match, a publish that meets another writer reads again and retries (never 412).
  const { programme, pending, now } = await retryUnlessIfMatch(ifMatch, async () => {
    const before = await loadProgramme(deps, programmeId);
    assertIfMatch(before, ifMatch, `programmes/${programmeId}`);
    if (before.phase !== 'matching' && before.phase !== 'execution')
      throw coded(
        new ConflictError(`Proposals are published in the matching phase; the programme is in ${before.phase}.`),
        'wrong-phase',
      );
    if (before.matchingJobId)
      throw coded(new ConflictError('A matching run is going; wait for it to finish.'), 'matching-running');
    const unpublished = await toArray(
      deps.store.pairs.all(programmeId, { where: { status: 'proposed', publishedAt: null } }),
    );
    if (unpublished.length === 0) throw new ConflictError('There are no unpublished proposals.');
    const at = nowIso(deps.clock);
    // The programme write comes first, on the ETag the proposals were read under: it decides
    // between concurrent publishes and a matching run started in between.
    const written = await deps.store.programmes.replace(
      { ...stripEtag(before), publishedAt: at, updatedAt: at },
      before.etag,
    );
    return { programme: written, pending: unpublished, now: at };
  });
  const notifications: Notification[] = [];
  await forEachLimited(pending, WRITE_CONCURRENCY, async (pair) => {
    await update(deps.store.pairs, programmeId, pair.id, (p) =>
      p.publishedAt || p.status !== 'proposed' ? p : { ...p, publishedAt: now, updatedAt: now },
    );
    for (const recipient of [pair.mentorId, pair.menteeId]) {
      notifications.push({
        type: 'proposal',
        recipient,
        programmeId,
        params: { programmeId, pairId: pair.id },
        dedupeKey: `proposal:${pair.id}:${recipient}`,
      });
    }
  });
  await deps.messenger.send(notifications, `publish:${programmeId}:${now}`);
  await audit(deps, programmeId, caller.userId, 'pairs.published', undefined, { count: pending.length });
  // Kick-off and closing are booked at publish (a bounded wait; the minute queue finishes the rest).
  await bookEventsWithin(deps, programmeId);
  return { programme, published: pending.length };
}
