/**
 * Daily: the end self-assessment request to both people of a pair in the week of their last session
 * (it opens then; the move to steering asks everyone else). Idempotent: the dedupe key and batch are
 * the ones the move to steering uses (app/phase.ts), so nobody is asked twice.
 */
import { endAssessmentOpensAt } from '../../core/model';
import { toArray } from '../../ports/store';
import type { Notification } from '../../ports/messenger';
import type { AppDeps } from '../deps';

export async function sendEndAssessmentRequests(deps: AppDeps): Promise<number> {
  const now = deps.clock.now().getTime();
  let queued = 0;
  for await (const programme of deps.store.programmes.all(undefined, { where: { phase: 'execution' } })) {
    const series = await toArray(
      deps.store.meetings.all(programme.id, { where: { kind: 'pair-series', status: 'booked' } }),
    );
    const due: Notification[] = [];
    for (const s of series) {
      const opensAt = endAssessmentOpensAt([s]);
      if (!opensAt || Date.parse(opensAt) > now) continue;
      for (const recipient of s.attendees)
        due.push({
          type: 'assessment-request',
          recipient,
          programmeId: programme.id,
          params: { programmeId: programme.id, kind: 'end' },
          dedupeKey: `assessment-request:${programme.id}:steering:${recipient}`,
        });
    }
    // The batch of the move to steering: the outbox's dedupe is per batch, so this shares it.
    if (due.length) queued += (await deps.messenger.send(due, `assessment-request:${programme.id}:steering`)).queued;
  }
  return queued;
}
