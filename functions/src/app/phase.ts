/**
 * Moving a programme through its phases, with the guards of core/phases and what each move sets
 * off: start and end self-assessment requests, ending every pair at the close, and telling people.
 */
import { ConflictError } from '../core/errors';
import { phaseBlockers, type PhaseFacts } from '../core/phases/guards';
import { isLivePair, isMatchable, movePhase, type Phase, type Programme } from '../core/model';
import { toArray, type Stored } from '../ports/store';
import { nowIso } from '../ports/clock';
import type { Notification, NotificationType } from '../ports/messenger';
import type { AppDeps } from './deps';
import { assertManager, type Caller } from './caller';
import { loadProgramme } from './support/access';
import { audit } from './support/audit';
import { endOnePair } from './support/end-pairs';
import { forEachLimited } from './support/batch';
import { assertIfMatch, retryUnlessIfMatch, stripEtag } from './support/update';
import { bookConfirmedPairsSoon } from './book-soon';

async function factsOf(deps: AppDeps, programme: Programme): Promise<PhaseFacts> {
  const [participants, pairs] = await Promise.all([
    toArray(deps.store.participants.all(programme.id, { where: { status: 'opted-in' } })),
    toArray(deps.store.pairs.all(programme.id)),
  ]);
  const mentors = participants.filter((p) => p.role === 'mentor');
  return {
    optedInMentors: mentors.length,
    optedInMentees: participants.filter((p) => p.role === 'mentee').length,
    matchableMentors: mentors.filter((p) => isMatchable(p, programme.trainingRequired)).length,
    livePublishedPairs: pairs.filter((p) => p.publishedAt && isLivePair(p)).length,
    unpublishedProposals: pairs.filter((p) => p.status === 'proposed' && !p.publishedAt).length,
    jobRunning: Boolean(programme.matchingJobId),
  };
}

export async function changePhase(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  to: Phase,
  ifMatch?: string,
): Promise<Stored<Programme>> {
  assertManager(caller);
  // The guards read the programme's pairs and people; the write is conditional on the version they
  // were read under. Without If-Match a concurrent change means: read again and decide again.
  const { programme, stored } = await retryUnlessIfMatch(ifMatch, async () => {
    const current = await loadProgramme(deps, programmeId);
    assertIfMatch(current, ifMatch, `programmes/${programmeId}`);
    const blockers = phaseBlockers(current, to, await factsOf(deps, current));
    if (blockers.length) throw new ConflictError(blockers.join(' '));
    const now = nowIso(deps.clock);
    const written = await deps.store.programmes.replace(movePhase(stripEtag(current), to, now), current.etag);
    return { programme: current, stored: written };
  });
  await audit(deps, programmeId, caller.userId, 'programme.phase', undefined, { from: programme.phase, to });
  await afterPhaseChange(deps, stored, caller.userId);
  return stored;
}

async function afterPhaseChange(deps: AppDeps, programme: Programme, actor: string): Promise<void> {
  const pid = programme.id;
  if (programme.phase === 'closed') {
    const live = await toArray(deps.store.pairs.all(pid, { where: { status: ['proposed', 'confirmed', 'active'] } }));
    // Each ending cancels sessions through Graph: a few at a time, within Graph's throttling.
    await forEachLimited(live, 4, async (pair) => {
      await endOnePair(deps, pair, pair.status === 'proposed' ? 'withdrawn' : 'programme-closed', actor);
    });
  }
  const people = await toArray(deps.store.participants.all(pid, { where: { status: 'opted-in' } }));
  const send = (type: NotificationType, params: Notification['params']) =>
    deps.messenger.send(
      people.map((p) => ({
        type,
        recipient: p.userId,
        programmeId: pid,
        params: { programmeId: pid, ...params },
        dedupeKey: `${type}:${pid}:${programme.phase}:${p.userId}`,
      })),
      `${type}:${pid}:${programme.phase}`,
    );
  await send('phase-changed', { phase: programme.phase });
  // Before matching, mentors who have not finished the training get its checklist again.
  if (programme.phase === 'matching' && programme.trainingRequired) {
    const untrained = people.filter((p) => p.role === 'mentor' && !p.trainingCompletedAt);
    if (untrained.length)
      await deps.messenger.send(
        untrained.map((p) => ({
          type: 'training-reminder' as const,
          recipient: p.userId,
          programmeId: pid,
          params: { programmeId: pid, reason: 'before-matching' },
          dedupeKey: `training:${pid}:before-matching:${p.userId}`,
        })),
        `training-reminder:${pid}:matching`,
      );
  }
  if (programme.phase === 'execution') {
    await send('assessment-request', { kind: 'start' });
    // Confirmed pairs can be booked now: the first attempts within a bounded wait, the rest by the timer.
    await bookConfirmedPairsSoon(deps, pid);
  }
  if (programme.phase === 'steering') await send('assessment-request', { kind: 'end' });
}

/**
 * Phase changes by date (daily timer): a programme in matching whose pairs are all published starts
 * at its kick-off; a programme in execution moves to steering at its closing date. Idempotent.
 */
export async function advancePhasesByDate(deps: AppDeps, actor: Caller): Promise<{ programmeId: string; to: Phase }[]> {
  const now = deps.clock.now().getTime();
  const moved: { programmeId: string; to: Phase }[] = [];
  for await (const p of deps.store.programmes.all(undefined, { where: { phase: ['matching', 'execution'] } })) {
    const to: Phase | undefined =
      p.phase === 'matching' && p.kickoffAt && Date.parse(p.kickoffAt) <= now
        ? 'execution'
        : p.phase === 'execution' && p.closingAt && Date.parse(p.closingAt) <= now
          ? 'steering'
          : undefined;
    if (!to) continue;
    if (phaseBlockers(p, to, await factsOf(deps, p)).length) continue;
    try {
      await changePhase(deps, actor, p.id, to, p.etag);
      moved.push({ programmeId: p.id, to });
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  return moved;
}
