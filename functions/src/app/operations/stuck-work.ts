/**
 * Work that is stuck, for operators: bookings that failed or found no slot, bot messages given up
 * after their last attempt, timers whose last run failed — each with a retry that hands it back to
 * the job that does it (the booking run and the `reconcilePairs` timer; the `outboxDispatch` timer).
 * Operators (`Tandem.Operate`) see everything; a programme manager sees the bookings of the
 * programmes they created or co-manage.
 */
import { ForbiddenError, InvalidError } from '../../core/errors';
import type { MeetingSeries } from '../../core/model';
import type { OutboxMessage } from '../../ports/records';
import type { Stored } from '../../ports/store';
import type { AppDeps } from '../deps';
import { isManager, type Caller } from '../caller';
import { managesProgramme } from '../co-managers';

/** The app role of the people who run Tandem (infra/scripts/entra-app.sh defines it). */
export const ROLE_OPERATE = 'Tandem.Operate';

export const isOperator = (caller: Caller) => caller.roles.includes(ROLE_OPERATE);

export interface StuckBooking {
  programmeId: string;
  seriesId: string;
  pairId?: string;
  kind: MeetingSeries['kind'];
  status: MeetingSeries['status'];
  problem: string;
  since: string;
}

export interface StuckMessage {
  batchId: string;
  id: string;
  recipient: string;
  attempts: number;
  lastError: string;
  createdAt: string;
}

export interface FailedTimer {
  name: string;
  startedAt?: string;
  error: string;
}

/** The last run of a timer and what it did (for the reconcilers: what they fixed). */
export interface TimerRun {
  name: string;
  startedAt?: string;
  result: unknown;
}

export interface StuckWork {
  bookings: StuckBooking[];
  /** Only for operators (messages are not per programme). */
  outbox?: StuckMessage[];
  timers?: FailedTimer[];
  /** Only for operators: every timer's last successful run and its result (e.g. what reconcilePairs fixed). */
  lastRuns?: TimerRun[];
}

/** Most items of each kind returned at once (oldest first); the counts say how many there are. */
const LIMIT = 200;

function stuckBooking(s: MeetingSeries): StuckBooking | undefined {
  const stuck = s.status === 'no-slot' || (s.status === 'pending' && Boolean(s.problem));
  if (!stuck) return undefined;
  return {
    programmeId: s.programmeId,
    seriesId: s.id,
    ...(s.pairId ? { pairId: s.pairId } : {}),
    kind: s.kind,
    status: s.status,
    problem: s.problem ?? 'no common free slot on the programme day',
    since: s.updatedAt,
  };
}

async function programmesOf(deps: AppDeps, caller: Caller): Promise<Set<string> | undefined> {
  if (isOperator(caller)) return undefined;
  if (!isManager(caller)) throw new ForbiddenError(`This needs the ${ROLE_OPERATE} or Programme.Manage role.`);
  const own = new Set<string>();
  // Co-managers are listed on the programme (not queryable by equality): programmes are few, read them all.
  for await (const p of deps.store.programmes.all(undefined)) if (managesProgramme(p, caller.userId)) own.add(p.id);
  return own;
}

/** What is stuck, oldest first: everything for operators, their programmes' bookings for managers. */
export async function listStuckWork(
  deps: AppDeps,
  caller: Caller,
): Promise<StuckWork & { counts: Record<string, number> }> {
  const scope = await programmesOf(deps, caller);
  const bookings: StuckBooking[] = [];
  const partitions = scope ? [...scope] : [undefined];
  for (const partition of partitions)
    for await (const s of deps.store.meetings.all(partition, { where: { status: ['pending', 'no-slot'] } })) {
      const b = stuckBooking(s);
      if (b) bookings.push(b);
    }
  bookings.sort((a, b) => a.since.localeCompare(b.since) || a.seriesId.localeCompare(b.seriesId));
  if (scope) return { bookings: bookings.slice(0, LIMIT), counts: { bookings: bookings.length } };

  const outbox: StuckMessage[] = [];
  for await (const m of deps.store.outbox.all(undefined, { where: { status: 'failed' } }))
    outbox.push({
      batchId: m.batchId,
      id: m.id,
      recipient: m.recipient,
      attempts: m.attempts,
      lastError: m.lastError ?? '',
      createdAt: m.createdAt,
    });
  outbox.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));

  const timers: FailedTimer[] = [];
  const lastRuns: TimerRun[] = [];
  for await (const r of deps.store.state.all(undefined)) {
    if (!r.id.startsWith('timer:')) continue;
    const value = (r as { value?: { startedAt?: string; error?: string; result?: unknown } }).value;
    if (value && !value.error && value.result !== undefined && value.result !== null)
      lastRuns.push({
        name: r.id.slice('timer:'.length),
        result: value.result,
        ...(value.startedAt ? { startedAt: value.startedAt } : {}),
      });
    if (value?.error)
      timers.push({
        name: r.id.slice('timer:'.length),
        error: value.error,
        ...(value.startedAt ? { startedAt: value.startedAt } : {}),
      });
  }
  timers.sort((a, b) => a.name.localeCompare(b.name));
  lastRuns.sort((a, b) => a.name.localeCompare(b.name));
  return {
    bookings: bookings.slice(0, LIMIT),
    outbox: outbox.slice(0, LIMIT),
    timers,
    lastRuns,
    counts: { bookings: bookings.length, outbox: outbox.length, timers: timers.length },
  };
}

/**
 * Hands a stuck booking back to the booking run: `pending` without its problem or lease, so the next
 * booking run or `reconcilePairs` (every 5 minutes) books it. Nothing is sent to Graph here.
 */
export async function retryBooking(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  seriesId: string,
): Promise<Stored<MeetingSeries>> {
  const scope = await programmesOf(deps, caller);
  if (scope && !scope.has(programmeId))
    throw new ForbiddenError('You can only retry the bookings of your own programmes.');
  const series = await deps.store.meetings.get(programmeId, seriesId);
  if (!stuckBooking(series))
    throw new InvalidError(`The series ${seriesId} is ${series.status} and not stuck: nothing to retry.`);
  const { problem: _problem, lease: _lease, ...rest } = series;
  void _problem;
  void _lease;
  return deps.store.meetings.replace(
    { ...rest, status: 'pending', updatedAt: deps.clock.now().toISOString() } as MeetingSeries,
    series.etag,
  );
}

/** Hands a given-up bot message back to the outbox: `pending`, attempts from 0, due now (operators only). */
export async function retryMessage(
  deps: AppDeps,
  caller: Caller,
  batchId: string,
  id: string,
): Promise<Stored<OutboxMessage>> {
  if (!isOperator(caller)) throw new ForbiddenError(`This needs the ${ROLE_OPERATE} role.`);
  const message = await deps.store.outbox.get(batchId, id);
  if (message.status !== 'failed')
    throw new InvalidError(`The message ${id} is ${message.status}, not given up: nothing to retry.`);
  return deps.store.outbox.replace(
    {
      ...message,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: deps.clock.now().toISOString(),
      lastError: `retried by ${caller.userId} after: ${message.lastError ?? ''}`.slice(0, 500),
    },
    message.etag,
  );
}
