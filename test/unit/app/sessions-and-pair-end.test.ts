/**
 * Once pairs meet, on the use cases (in-memory store, real booking over an in-memory calendar):
 * feedback after a session from the two people only, a pause of the sessions, and ending a pair
 * without blame — the sessions cancelled, the other side told only that it ended, the two never
 * proposed to each other again.
 */
import { ConflictError, ForbiddenError, InvalidError } from '../../../functions/src/core/errors';
import { isLivePair, type Pair } from '../../../functions/src/core/model';
import { changePhase } from '../../../functions/src/app/phase';
import { listOwnFeedback, submitFeedback } from '../../../functions/src/app/feedback';
import { pauseSessionsUntil } from '../../../functions/src/app/session-actions';
import { endPairAs } from '../../../functions/src/app/manager-steps';
import { feedbackSchema } from '../../../functions/src/app/schemas';
import type { Stored } from '../../../functions/src/ports/store';
import { useCaseWorld, type UseCaseWorld } from '../../support/use-case-world';
import {
  confirmAll,
  matchAndPublish,
  MENTEES,
  pairsOf,
  programmeInMatching,
  rejection,
} from '../../support/use-case-flow';

let w: UseCaseWorld;
let id: string;
let pair: Stored<Pair>;
beforeEach(async () => {
  w = await useCaseWorld();
  id = await programmeInMatching(w);
  const pairs = await matchAndPublish(w, id);
  await confirmAll(w, id, pairs);
  await changePhase(w.deps, w.manager, id, 'execution');
  pair = await w.deps.store.pairs.get(id, pairs[0]!.id);
});

const feedback = (occurrenceIndex: number, rating = 4, learnt?: string) =>
  feedbackSchema.parse({ pairId: pair.id, occurrenceIndex, rating, ...(learnt ? { learnt } : {}) });
const series = () => w.deps.store.meetings.get(id, `${pair.id}-series`);

describe('feedback after a session', () => {
  it('waits for the session to start (session-not-started), then keeps one answer per person and session', async () => {
    const first = (await series()).occurrences[0]!;
    expect(await rejection(submitFeedback(w.deps, w.person(pair.menteeId), id, feedback(0)))).toMatchObject({
      code: 'session-not-started',
    });
    w.clock.set(first.end);
    await submitFeedback(w.deps, w.person(pair.menteeId), id, feedback(0, 3));
    await submitFeedback(w.deps, w.person(pair.menteeId), id, feedback(0, 5, 'Copilot in Outlook.'));
    const mine = await listOwnFeedback(w.deps, w.person(pair.menteeId), id);
    expect(mine.map((f) => [f.occurrenceIndex, f.rating, f.learnt])).toEqual([[0, 5, 'Copilot in Outlook.']]);
    expect((await series()).occurrences[0]!.status).toBe('held');
  });

  it('is for the two people of the pair (not-in-pair) and for sessions of theirs', async () => {
    w.clock.set((await series()).occurrences[0]!.end);
    const outsider = MENTEES.find((m) => m !== pair.menteeId)!;
    expect(await rejection(submitFeedback(w.deps, w.person(outsider), id, feedback(0)))).toMatchObject({
      code: 'not-in-pair',
    });
    expect(await rejection(submitFeedback(w.deps, w.person(pair.mentorId), id, feedback(40)))).toBeInstanceOf(
      InvalidError,
    );
  });
});

describe('pausing the sessions', () => {
  it('cancels the sessions before the day back in the calendar, keeps the pair, and tells the partner', async () => {
    const before = await series();
    const back = before.occurrences[2]!.start.slice(0, 10);
    const result = await pauseSessionsUntil(w.deps, w.person(pair.menteeId), id, back);
    expect(result.series).toEqual([{ seriesId: before.id, pairId: pair.id, cancelled: [0, 1] }]);
    const after = await series();
    expect(after.occurrences.map((o) => o.status)).toEqual([
      'cancelled',
      'cancelled',
      'planned',
      'planned',
      'planned',
      'planned',
    ]);
    const event = w.calendar.events.find((e) => e.id === before.graphEventId)!;
    expect(event.cancelledIds).toHaveLength(2);
    expect((await w.deps.store.pairs.get(id, pair.id)).status).toBe('active');
    const told = (await w.outbox()).filter((m) => m.payload.type === 'sessions-paused').map((m) => m.recipient);
    expect(told).toEqual([pair.mentorId]);
    expect(await rejection(pauseSessionsUntil(w.deps, w.person(pair.menteeId), id, '2026-01-01'))).toBeInstanceOf(
      InvalidError,
    );
  });
});

describe('ending a pair without blame', () => {
  it('ends it for either side, cancels the series, tells only the other side, and never pairs the two again', async () => {
    const result = await endPairAs(w.deps, w.person(pair.menteeId), id, pair.id);
    expect(result.pair).toMatchObject({ status: 'ended', endReason: 'ended-without-blame' });
    const ended = await series();
    expect(ended.status).toBe('cancelled');
    expect(w.calendar.events.find((e) => e.id === ended.graphEventId)?.cancelled).toBe(true);
    const told = (await w.outbox()).filter((m) => m.payload.type === 'pair-ended').map((m) => m.recipient);
    expect(told).toEqual([pair.mentorId]);
    for (const userId of [pair.mentorId, pair.menteeId])
      expect((await w.deps.store.participants.get(id, userId)).status).toBe('opted-in');
    const again = (await pairsOf(w, id)).filter(
      (p) => isLivePair(p) && p.mentorId === pair.mentorId && p.menteeId === pair.menteeId,
    );
    expect(again).toEqual([]);
    // Ending it again is harmless and tells nobody twice.
    await endPairAs(w.deps, w.person(pair.mentorId), id, pair.id);
    expect((await w.outbox()).filter((m) => m.payload.type === 'pair-ended')).toHaveLength(1);
  });

  it('is for the two people or a programme manager only', async () => {
    const outsider = MENTEES.find((m) => m !== pair.menteeId)!;
    expect(await rejection(endPairAs(w.deps, w.person(outsider), id, pair.id))).toBeInstanceOf(ForbiddenError);
    expect((await w.deps.store.pairs.get(id, pair.id)).status).toBe('active');
    const byManager = await endPairAs(w.deps, w.manager, id, pair.id);
    expect(byManager.pair.status).toBe('ended');
    const told = (await w.outbox()).filter((m) => m.payload.type === 'pair-ended').map((m) => m.recipient);
    expect(told.sort()).toEqual([pair.mentorId, pair.menteeId].sort());
  });

  it('is refused once the programme is closed', async () => {
    await changePhase(w.deps, w.manager, id, 'steering');
    await changePhase(w.deps, w.manager, id, 'closed');
    expect(await rejection(endPairAs(w.deps, w.person(pair.menteeId), id, pair.id))).toBeInstanceOf(ConflictError);
  });
});
