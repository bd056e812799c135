/**
 * Booking as soon as it becomes possible. A series can be booked once its pair is confirmed and the
 * programme is in execution; the request that made that true (the phase change, the second accept,
 * a manager's "Book now") awaits the first attempts for a bounded time, and the `bookingQueue` timer
 * (every minute) drains whatever is left. Nothing relies on work after the HTTP response: an attempt
 * still running when the wait ends holds the series' lease, and if its instance stops, the lease
 * expires and the next timer run takes the pair over. The daily `bookSeries` run only catches up.
 */
import { ConflictError, NotFoundError } from '../core/errors';
import { leaseFree, moveSeries, seriesIdOf, type Pair } from '../core/model';
import { toArray, type Stored } from '../ports/store';
import type { AppDeps } from './deps';
import { assertManager, type Caller } from './caller';
import { update } from './support/update';
import { audit } from './support/audit';

/** How long a request waits for the first booking attempts it set off. */
export const FIRST_ATTEMPT_WAIT_MS = 5_000;
/** A timer run stops starting new attempts after this long (it runs every minute). */
export const QUEUE_RUN_BUDGET_MS = 45_000;

export interface PromptReport {
  /** Attempts finished within the wait, by outcome. */
  outcomes: Record<string, number>;
  /** Pairs left to the timer (not started, or still running when the wait ended). */
  leftToTimer: number;
}

function waitFor<T>(work: Promise<T>, ms: number): Promise<{ done: true; value: T } | { done: false }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), Math.max(0, ms));
  });
  return Promise.race([work.then((value) => ({ done: true as const, value })), timeout]).finally(() =>
    clearTimeout(timer),
  );
}

/**
 * Attempts the pairs' bookings one after another until `waitMs` (wall time) is used up; what is not
 * finished by then is left to the timer. A failing pair is recorded on its series and does not stop
 * the others. Never throws for a booking error: the change that set it off has already happened.
 */
export async function bookWithin(
  deps: AppDeps,
  programmeId: string,
  pairIds: readonly string[],
  waitMs: number = FIRST_ATTEMPT_WAIT_MS,
): Promise<PromptReport> {
  const deadline = Date.now() + waitMs;
  const outcomes: Record<string, number> = {};
  let finished = 0;
  for (const pairId of pairIds) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const attempt = deps.booking.bookSeriesForPair(programmeId, pairId).then(
      (r) => r.outcome,
      (err: unknown) => {
        // The booking recorded why on the series and gave its lease back; the timer tries again.
        console.error(`booking ${programmeId}/${pairId} failed: ${err instanceof Error ? err.message : String(err)}`);
        return 'failed';
      },
    );
    const result = await waitFor(attempt, left);
    if (!result.done) break;
    finished++;
    outcomes[result.value] = (outcomes[result.value] ?? 0) + 1;
  }
  return { outcomes, leftToTimer: pairIds.length - finished };
}

/**
 * Books or updates the programme's kick-off and closing (app/graph-programme-events.ts), waiting at
 * most `waitMs`; what is left is done by the next `bookingQueue` run. Never throws.
 */
export async function bookEventsWithin(
  deps: AppDeps,
  programmeId: string,
  waitMs: number = FIRST_ATTEMPT_WAIT_MS,
): Promise<boolean> {
  const attempt = deps.booking.bookProgrammeEvents(programmeId).then(
    () => true,
    (err: unknown) => {
      console.error(`events of ${programmeId}: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    },
  );
  const result = await waitFor(attempt, waitMs);
  return result.done && result.value;
}

/** Whether the pair waits for its first booking attempt (or for one whose instance stopped). */
async function waitsForBooking(deps: AppDeps, pair: Pair, now: number): Promise<boolean> {
  if (pair.status !== 'confirmed') return false;
  if (pair.booking === 'none') return true;
  if (pair.booking !== 'booking') return false;
  const series = await deps.store.meetings.find(pair.programmeId, seriesIdOf(pair.id));
  return !series || (series.status === 'pending' && leaseFree(series.lease, now));
}

/**
 * The `bookingQueue` timer's run: books every confirmed pair of every programme in execution that has
 * not had its first attempt yet (or whose attempt stopped), within a budget. Failed bookings are
 * retried by the reconciler (every 5 minutes) and by the manager's "Retry", not every minute.
 */
export async function drainBookingQueue(
  deps: AppDeps,
  budgetMs: number = QUEUE_RUN_BUDGET_MS,
): Promise<PromptReport & { programmes: number; events: number }> {
  const deadline = Date.now() + budgetMs;
  const outcomes: Record<string, number> = {};
  let leftToTimer = 0;
  const programmes = await toArray(deps.store.programmes.all(undefined, { where: { phase: 'execution' } }));
  for (const programme of programmes) {
    const now = deps.clock.now().getTime();
    const pairs = await toArray(deps.store.pairs.all(programme.id, { where: { status: 'confirmed' } }));
    const todo: string[] = [];
    for (const pair of pairs) if (await waitsForBooking(deps, pair, now)) todo.push(pair.id);
    todo.sort();
    const report = await bookWithin(deps, programme.id, todo, deadline - Date.now());
    for (const [k, n] of Object.entries(report.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + n;
    leftToTimer += report.leftToTimer;
  }
  // Kick-off and closing follow the published pairs (people joining, declining, leaving) and the
  // programme's time: each run brings them up to date (a PATCH only when something changed).
  const published = await toArray(
    deps.store.programmes.all(undefined, { where: { phase: ['matching', 'execution', 'steering'] } }),
  );
  let events = 0;
  for (const programme of published) {
    if (!programme.publishedAt || Date.now() >= deadline) continue;
    if (await bookEventsWithin(deps, programme.id, deadline - Date.now())) events++;
  }
  return { outcomes, leftToTimer, programmes: programmes.length, events };
}

/** The pairs of a programme in execution that can be booked now (after the programme entered it). */
export async function bookConfirmedPairsSoon(deps: AppDeps, programmeId: string): Promise<PromptReport> {
  const pairs = await toArray(deps.store.pairs.all(programmeId, { where: { status: 'confirmed' } }));
  const todo = pairs
    .filter((p) => p.booking === 'none')
    .map((p) => p.id)
    .sort();
  return bookWithin(deps, programmeId, todo);
}

/**
 * A manager's "Book now" / "Retry" for one pair: a failed booking or one that found no slot is tried
 * again at once (the series goes back to pending on the same day). Waits for the attempt a bounded
 * time; returns the pair as stored afterwards and whether the attempt is still running.
 */
export async function bookPairNow(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  pairId: string,
): Promise<{ pair: Stored<Pair>; pending: boolean; problem?: string }> {
  assertManager(caller);
  const programme = await deps.store.programmes.find(programmeId, programmeId);
  if (!programme) throw new NotFoundError(`There is no programme "${programmeId}".`);
  const pair = await deps.store.pairs.find(programmeId, pairId);
  if (!pair || !pair.publishedAt) throw new NotFoundError(`There is no pair "${pairId}" in this programme.`);
  if (programme.phase !== 'execution')
    throw new ConflictError(`The programme is in ${programme.phase}; series are booked in execution.`);
  if (pair.status !== 'confirmed' && !(pair.status === 'active' && pair.booking !== 'booked'))
    throw new ConflictError(
      `The pair is ${pair.status}${pair.status === 'active' ? ' and booked' : ''}; there is nothing to book.`,
    );
  const seriesId = seriesIdOf(pair.id);
  const series = await deps.store.meetings.find(programmeId, seriesId);
  if (series && !leaseFree(series.lease, deps.clock.now().getTime()))
    throw new ConflictError('The series is being booked right now; look again in a minute.');
  const nowIso = deps.clock.now().toISOString();
  if (series?.status === 'no-slot') {
    await update(deps.store.meetings, programmeId, seriesId, (s) =>
      s.status === 'no-slot' ? { ...moveSeries(s, 'pending', nowIso), problem: undefined } : s,
    );
    await update(deps.store.pairs, programmeId, pair.id, (p): Pair =>
      p.booking === 'no-slot' ? { ...p, booking: 'none', updatedAt: nowIso } : p,
    );
  }
  await audit(deps, programmeId, caller.userId, 'pair.booking-requested', pairId, { was: pair.booking });
  const report = await bookWithin(deps, programmeId, [pair.id]);
  const after = await deps.store.pairs.get(programmeId, pair.id);
  const stored = await deps.store.meetings.find(programmeId, seriesId);
  return {
    pair: after,
    pending: report.leftToTimer > 0,
    ...(stored?.problem && after.booking !== 'booked' ? { problem: stored.problem } : {}),
  };
}
