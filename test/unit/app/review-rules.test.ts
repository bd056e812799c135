/**
 * The manager's review of proposals before publishing, on the use cases (in-memory store): a locked
 * proposal survives a re-run, an excluded pair is never proposed again, a swap is checked by the
 * engine (never into one management chain) and nothing published can be changed.
 */
import { ConflictError, ForbiddenError } from '../../../functions/src/core/errors';
import { isLivePair } from '../../../functions/src/core/model';
import { excludePair, setPairLock, swapPairs } from '../../../functions/src/app/matching/review';
import { publishProposals } from '../../../functions/src/app/matching/publish';
import { useCaseWorld, type UseCaseWorld } from '../../support/use-case-world';
import { MENTEES, pairsOf, programmeInMatching, rejection, runMatching } from '../../support/use-case-flow';

let w: UseCaseWorld;
beforeEach(async () => {
  w = await useCaseWorld();
});

const liveOf = async (id: string) => (await pairsOf(w, id)).filter(isLivePair);
const key = (p: { mentorId: string; menteeId: string }) => `${p.mentorId}→${p.menteeId}`;

describe('reviewing proposals', () => {
  it('keeps a locked proposal exactly through a re-run, and never proposes an excluded pair again', async () => {
    const id = await programmeInMatching(w);
    await runMatching(w, id);
    const [keep, drop] = await liveOf(id);
    await setPairLock(w.deps, w.manager, id, keep!.id, true);
    const excluded = await excludePair(w.deps, w.manager, id, drop!.id);
    expect(excluded).toMatchObject({ status: 'ended', endReason: 'excluded' });

    await runMatching(w, id);
    const after = await liveOf(id);
    expect(after.find((p) => p.id === keep!.id)).toMatchObject({ mentorId: keep!.mentorId, menteeId: keep!.menteeId });
    expect(after.map(key)).not.toContain(key(drop!));
  });

  it('swaps the mentees of two proposals and locks both, for a manager only', async () => {
    const id = await programmeInMatching(w, { mentees: MENTEES.slice(0, 2), mentors: ['it-junior-3', 'it-junior-4'] });
    await runMatching(w, id);
    const [a, b] = await liveOf(id);
    await expect(swapPairs(w.deps, w.person(a!.menteeId), id, [a!.id, b!.id])).rejects.toBeInstanceOf(ForbiddenError);
    const swapped = await swapPairs(w.deps, w.manager, id, [a!.id, b!.id]);
    expect(swapped.map(key).sort()).toEqual(
      [key({ ...a!, menteeId: b!.menteeId }), key({ ...b!, menteeId: a!.menteeId })].sort(),
    );
    expect(swapped.every((p) => p.locked)).toBe(true);
    expect((await liveOf(id)).map(key).sort()).toEqual(swapped.map(key).sort());
  });

  it('refuses a swap that would pair a mentee with someone in their management chain, and changes nothing', async () => {
    // sales-junior-1 reports to sales-senior-1: the engine pairs them apart, and a swap may not join them.
    const id = await programmeInMatching(w, {
      mentees: ['sales-senior-1', 'it-senior-1'],
      mentors: ['sales-junior-1', 'it-junior-3'],
    });
    await runMatching(w, id);
    const before = await liveOf(id);
    expect(before.map(key)).not.toContain('sales-junior-1→sales-senior-1');
    const err = await rejection(swapPairs(w.deps, w.manager, id, [before[0]!.id, before[1]!.id]));
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as Error).message).toContain('they are in one management chain');
    expect((await liveOf(id)).map(key).sort()).toEqual(before.map(key).sort());
  });

  it('changes nothing that was published', async () => {
    const id = await programmeInMatching(w);
    await runMatching(w, id);
    await publishProposals(w.deps, w.manager, id);
    const [pair] = await liveOf(id);
    expect(await rejection(setPairLock(w.deps, w.manager, id, pair!.id, true))).toBeInstanceOf(ConflictError);
    expect(await rejection(excludePair(w.deps, w.manager, id, pair!.id))).toBeInstanceOf(ConflictError);
    expect((await w.deps.store.pairs.get(id, pair!.id)).status).toBe('proposed');
  });
});
