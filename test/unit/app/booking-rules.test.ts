/**
 * Booking a pair's series on the use cases with the real booking (app/book-series.ts) over an
 * in-memory calendar: exactly one series and one calendar event per pair however often the booking
 * is set off — the phase change, a manager's double click on "Book now", the queue timer, the daily
 * catch-up — and the refusals of "Book now".
 */
import { ConflictError, ForbiddenError, NotFoundError } from '../../../functions/src/core/errors';
import { changePhase } from '../../../functions/src/app/phase';
import { bookPairNow, drainBookingQueue } from '../../../functions/src/app/book-soon';
import { toArray } from '../../../functions/src/ports/store';
import { useCaseWorld, type UseCaseWorld } from '../../support/use-case-world';
import { confirmAll, matchAndPublish, pairsOf, programmeInMatching, rejection } from '../../support/use-case-flow';

let w: UseCaseWorld;
let id: string;
beforeEach(async () => {
  w = await useCaseWorld();
  id = await programmeInMatching(w);
});

/** Calendar events per pair (by the series' idempotency key), cancelled ones included. */
function eventsPerKey(): Map<string, number> {
  const count = new Map<string, number>();
  for (const e of w.calendar.events) count.set(e.request.key, (count.get(e.request.key) ?? 0) + 1);
  return count;
}

describe('booking a series', () => {
  it('books one series per pair when execution starts, and re-runs of the timers book nothing twice', async () => {
    const pairs = await matchAndPublish(w, id);
    await confirmAll(w, id, pairs);
    await changePhase(w.deps, w.manager, id, 'execution');
    await drainBookingQueue(w.deps);
    await w.deps.booking.bookPendingSeries();
    await drainBookingQueue(w.deps);

    const series = await toArray(w.deps.store.meetings.all(id, { where: { kind: 'pair-series' } }));
    expect(series.map((s) => s.pairId).sort()).toEqual(pairs.map((p) => p.id).sort());
    expect(series.every((s) => s.status === 'booked' && s.occurrences.length === 6)).toBe(true);
    // Each session keeps its calendar instance id, to move or cancel it alone later.
    expect(series.every((s) => s.occurrences.every((o) => o.graphId))).toBe(true);
    expect([...eventsPerKey().values()].every((n) => n === 1)).toBe(true);
    expect(w.calendar.events.filter((e) => e.request.recurrence)).toHaveLength(pairs.length);
  });

  it('is refused before execution (409), to anyone but a manager (403), and for an unknown pair (404)', async () => {
    const [pair] = await matchAndPublish(w, id);
    expect(await rejection(bookPairNow(w.deps, w.manager, id, pair!.id))).toBeInstanceOf(ConflictError);
    expect(await rejection(bookPairNow(w.deps, w.person(pair!.menteeId), id, pair!.id))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(bookPairNow(w.deps, w.manager, id, 'pair-nope'))).toBeInstanceOf(NotFoundError);
    expect(w.calendar.events.filter((e) => e.request.recurrence)).toEqual([]);
  });

  it('retries a failed booking on "Book now", once however often it is clicked', async () => {
    const pairs = await matchAndPublish(w, id);
    await confirmAll(w, id, pairs);
    // Graph is down while execution starts: every first attempt fails and is recorded as failed.
    const create = w.calendar.createEvent;
    w.calendar.createEvent = async () => {
      throw new Error('Graph is unavailable.');
    };
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await changePhase(w.deps, w.manager, id, 'execution');
    quiet.mockRestore();
    w.calendar.createEvent = create;
    const pair = pairs[0]!;
    expect((await w.deps.store.pairs.get(id, pair.id)).booking).toBe('failed');

    // Three clicks at once, while Graph takes its time: all three look for the event before one is made.
    w.calendar.latencyMs = 20;
    const clicks = await Promise.allSettled([
      bookPairNow(w.deps, w.manager, id, pair.id),
      bookPairNow(w.deps, w.manager, id, pair.id),
      bookPairNow(w.deps, w.manager, id, pair.id),
    ]);
    for (const c of clicks) if (c.status === 'rejected') expect(c.reason).toBeInstanceOf(ConflictError);
    expect(clicks.some((c) => c.status === 'fulfilled' && c.value.pair.booking === 'booked')).toBe(true);
    expect(eventsPerKey().get(`${(await w.deps.store.meetings.get(id, `${pair.id}-series`)).transactionId}`)).toBe(1);
    expect((await w.deps.store.pairs.get(id, pair.id)).status).toBe('active');
    // Booked now: nothing more to book.
    expect(await rejection(bookPairNow(w.deps, w.manager, id, pair.id))).toBeInstanceOf(ConflictError);
    expect((await pairsOf(w, id)).filter((p) => p.booking === 'booked')).toHaveLength(1);
  });
});
