/**
 * Matching runs, publishing and answers on the use cases (in-memory store): one run at a time, one
 * live pair per person per programme, mentors within their capacity — also when two re-matches race
 * for the one free mentor — and a declined pair never proposed again.
 */
import { ConflictError, ForbiddenError } from '../../../functions/src/core/errors';
import { isLivePair, type Pair } from '../../../functions/src/core/model';
import { changePhase } from '../../../functions/src/app/phase';
import { invite } from '../../../functions/src/app/invite';
import { recordTraining } from '../../../functions/src/app/enrollment';
import { runMatchingJob, startMatchingRun } from '../../../functions/src/app/matching/run-matching';
import { publishProposals } from '../../../functions/src/app/matching/publish';
import { rematchPerson } from '../../../functions/src/app/manager-steps';
import { answerProposal } from '../../../functions/src/app/pairs';
import { useCaseWorld, type UseCaseWorld } from '../../support/use-case-world';
import {
  aNewProgramme,
  matchAndPublish,
  MENTEES,
  optIn,
  pairsOf,
  programmeInMatching,
  runMatching,
  rejection,
} from '../../support/use-case-flow';

let w: UseCaseWorld;
beforeEach(async () => {
  w = await useCaseWorld();
});

const live = (pairs: Pair[]) => pairs.filter(isLivePair);
/** How many live pairs each person is in. */
function livePairsPerPerson(pairs: Pair[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const p of live(pairs)) for (const id of [p.mentorId, p.menteeId]) count.set(id, (count.get(id) ?? 0) + 1);
  return count;
}

describe('matching runs', () => {
  it('run in the matching phase only (wrong-phase), for a manager only', async () => {
    const id = await aNewProgramme(w);
    expect(await rejection(startMatchingRun(w.deps, w.manager, id))).toMatchObject({ code: 'wrong-phase' });
    const ready = await programmeInMatching(w);
    expect(await rejection(startMatchingRun(w.deps, w.person(MENTEES[0]!), ready))).toBeInstanceOf(ForbiddenError);
  });

  it('one at a time: a second start while one is going is refused (matching-running), and so is publishing', async () => {
    const id = await programmeInMatching(w);
    const [a, b] = await Promise.allSettled([
      startMatchingRun(w.deps, w.manager, id),
      startMatchingRun(w.deps, w.manager, id),
    ]);
    const started = [a, b].filter((r) => r.status === 'fulfilled');
    const refusedRuns = [a, b].filter((r) => r.status === 'rejected').map((r) => r.reason as unknown);
    expect(started).toHaveLength(1);
    expect(refusedRuns).toEqual([expect.objectContaining({ code: 'matching-running' })]);
    expect(await rejection(publishProposals(w.deps, w.manager, id))).toMatchObject({ code: 'matching-running' });

    const job = (started[0] as PromiseFulfilledResult<{ id: string }>).value;
    expect((await runMatchingJob(w.deps, id, job.id)).status).toBe('succeeded');
    // Safe to call twice (a timer and the request both finishing the same run).
    expect((await runMatchingJob(w.deps, id, job.id)).status).toBe('succeeded');
    expect(await pairsOf(w, id)).toHaveLength(4);
  });

  it('gives a mentor one mentee at capacity 1: the others stay unmatched, each with a reason', async () => {
    const id = await programmeInMatching(w, { mentors: ['sales-junior-3', 'it-junior-3'] });
    const job = await runMatching(w, id);
    const pairs = await pairsOf(w, id);
    expect(pairs).toHaveLength(2);
    expect([...livePairsPerPerson(pairs).values()]).toEqual([1, 1, 1, 1]);
    const unmatched = (job.result as { unmatched: { userId: string; reason: string }[] }).unmatched;
    expect(unmatched).toHaveLength(2);
    for (const u of unmatched) expect(u.reason).toBeTruthy();
  });

  it('gives a mentor at most two mentees at capacity 2, and a mentee one mentor', async () => {
    const id = await programmeInMatching(w, {
      mentors: ['sales-junior-3', 'it-junior-3'],
      overrides: { mentorCapacity: 2 },
    });
    await runMatching(w, id);
    const count = livePairsPerPerson(await pairsOf(w, id));
    expect(count.get('sales-junior-3')).toBe(2);
    expect(count.get('it-junior-3')).toBe(2);
    for (const mentee of MENTEES) expect(count.get(mentee)).toBe(1);
  });
});

describe('publishing and answers', () => {
  it('publishes once for a manager, asks both people of each pair, and has nothing left to publish after', async () => {
    const id = await programmeInMatching(w);
    await runMatching(w, id);
    expect(await rejection(publishProposals(w.deps, w.person(MENTEES[0]!), id))).toBeInstanceOf(ForbiddenError);
    expect((await publishProposals(w.deps, w.manager, id)).published).toBe(4);
    expect(await rejection(publishProposals(w.deps, w.manager, id))).toBeInstanceOf(ConflictError);
    const asked = (await w.outbox()).filter((m) => m.payload.type === 'proposal');
    expect(asked).toHaveLength(8);
  });

  it('lets only the two people answer (not-in-pair); a decline never proposes the two again', async () => {
    const id = await programmeInMatching(w);
    const [pair] = await matchAndPublish(w, id);
    const outsider = MENTEES.find((m) => m !== pair!.menteeId)!;
    expect(await rejection(answerProposal(w.deps, w.person(outsider), id, pair!.id, true))).toMatchObject({
      code: 'not-in-pair',
    });
    await answerProposal(w.deps, w.person(pair!.menteeId), id, pair!.id, false, 'Different time zones.');
    const after = await pairsOf(w, id);
    expect(after.find((p) => p.id === pair!.id)?.status).toBe('declined');
    const together = live(after).filter((p) => p.mentorId === pair!.mentorId && p.menteeId === pair!.menteeId);
    expect(together).toEqual([]);
    // The partner learns that the proposal was declined, not why; the one who declined is not told.
    const told = (await w.outbox()).filter((m) => m.payload.type === 'pair-declined');
    expect(told.map((m) => m.recipient)).toEqual([pair!.mentorId]);
    expect(JSON.stringify(told)).not.toContain('Different time zones.');
  });
});

describe('one live pair per person', () => {
  it('holds when two re-matches race for the one free mentor', async () => {
    // Store calls that take time, so that the two re-matches interleave as on Cosmos DB.
    w = await useCaseWorld({ storeLatencyMs: 2 });
    const id = await programmeInMatching(w, { mentors: ['sales-junior-3', 'it-junior-3'] });
    await matchAndPublish(w, id);
    const paired = new Set(live(await pairsOf(w, id)).map((p) => p.menteeId));
    const waiting = MENTEES.filter((m) => !paired.has(m));
    expect(waiting).toHaveLength(2);
    // A new mentor joins after publishing.
    await invite(w.deps, w.manager, id, { userIds: ['it-junior-4'] });
    await optIn(w, id, 'it-junior-4', 'mentor');
    await recordTraining(w.deps, w.manager, id, 'it-junior-4');

    const results = await Promise.allSettled(waiting.map((m) => rematchPerson(w.deps, w.manager, id, m)));
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
    const proposals = results.flatMap((r) => (r.status === 'fulfilled' ? r.value.proposals : []));
    expect(proposals.map((p) => p.mentorId)).toEqual(['it-junior-4']);
    const count = livePairsPerPerson(await pairsOf(w, id));
    expect(Math.max(...count.values())).toBe(1);
    expect(count.get('it-junior-4')).toBe(1);
  });

  it('refuses to re-match someone who has a partner', async () => {
    const id = await programmeInMatching(w);
    const [pair] = await matchAndPublish(w, id);
    expect(await rejection(rematchPerson(w.deps, w.manager, id, pair!.menteeId))).toBeInstanceOf(ConflictError);
  });

  it('keeps the phase from moving to execution while proposals are unpublished', async () => {
    const id = await programmeInMatching(w);
    await runMatching(w, id);
    expect(await rejection(changePhase(w.deps, w.manager, id, 'execution'))).toBeInstanceOf(ConflictError);
  });
});
