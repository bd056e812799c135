/** The meetings people see (their pair's series, the programme's kick-off and closing) and asking to move one. */
import { coded, ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../core/errors';
import { moveSeries, roleIn, seriesIdOf, type MeetingSeries, type Pair } from '../core/model';
import { narrowWindow } from '../core/schedule';
import { update } from './support/update';
import type { PickDayInput } from './schemas/steering';
import { toArray, type Stored } from '../ports/store';
import type { AppDeps } from './deps';
import { isManager, type Caller } from './caller';
import { loadVisibleProgramme } from './support/access';
import { audit } from './support/audit';
import { tellPartnerOfMove } from './session-actions';

/**
 * A series as a manager outside the pair sees it: which of the two declined a session in Outlook, or
 * proposed another time, stays with the pair (no blame); the session's status still says declined.
 * Likewise who paused the sessions (`pause`): the cancelled sessions still show.
 */
function withoutOutlookAnswers<T extends MeetingSeries>(s: T): T {
  const { pause: _pause, ...rest } = s;
  return { ...rest, occurrences: s.occurrences.map(({ declinedBy: _d, proposal: _p, ...o }) => o) } as T;
}

export async function listMeetings(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
): Promise<Stored<MeetingSeries>[]> {
  const { enrollment } = await loadVisibleProgramme(deps, caller, programmeId);
  if (isManager(caller))
    return (await toArray(deps.store.meetings.all(programmeId, { orderBy: 'createdAt' }))).map((s) =>
      s.attendees.includes(caller.userId) ? s : withoutOutlookAnswers(s),
    );
  if (!enrollment) throw coded(new ForbiddenError('You are not part of this programme.'), 'not-a-participant');
  // The programme's events (no pair) and the series of the person's own pairs, by key: reading every
  // series of a 5,000-person programme to keep one was My tandem's cost at company scale (bench:api).
  const pairIds = [
    ...(await toArray(deps.store.pairs.all(programmeId, { where: { mentorId: caller.userId } }))),
    ...(await toArray(deps.store.pairs.all(programmeId, { where: { menteeId: caller.userId } }))),
  ].map((p) => p.id);
  const [events, own] = await Promise.all([
    toArray(deps.store.meetings.all(programmeId, { where: { pairId: null }, orderBy: 'createdAt' })),
    pairIds.length
      ? toArray(deps.store.meetings.all(programmeId, { where: { pairId: pairIds }, orderBy: 'createdAt' }))
      : [],
  ]);
  return [...events, ...own]
    .filter((s) => s.kind !== 'pair-series' || s.attendees.includes(caller.userId))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export async function askToMove(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  seriesId: string,
  index: number,
  start: string,
): Promise<Stored<MeetingSeries> | MeetingSeries> {
  const series = await deps.store.meetings.find(programmeId, seriesId);
  if (!series) throw new NotFoundError(`There is no meeting series "${seriesId}" in this programme.`);
  if (series.kind !== 'pair-series' || !series.pairId)
    throw new ConflictError('Only the sessions of a pair can be moved.');
  const pair = await deps.store.pairs.find(programmeId, series.pairId);
  if (!pair || !roleIn(pair, caller.userId))
    throw coded(new ForbiddenError('Only the two people in a pair can move its sessions.'), 'not-in-pair');
  if (pair.status !== 'active') throw new ConflictError('Only the sessions of an active pair can be moved.');
  const occurrence = series.occurrences.find((o) => o.index === index);
  if (!occurrence) throw new NotFoundError('There is no such session.');
  if (occurrence.status !== 'planned' && occurrence.status !== 'moved')
    throw new ConflictError(`This session is ${occurrence.status} and cannot be moved.`);
  const now = deps.clock.now().getTime();
  if (Date.parse(occurrence.start) <= now)
    throw coded(new ConflictError('This session has already started.'), 'session-not-movable');
  if (Date.parse(start) <= now)
    throw new InvalidError('The new time must be in the future.', { start: ['must be in the future'] });
  const moved = await deps.booking.moveOccurrence(programmeId, seriesId, index, new Date(start).toISOString());
  await audit(deps, programmeId, caller.userId, 'meeting.moved', seriesId, { index });
  const movedTo = moved.occurrences.find((o) => o.index === index)?.start ?? new Date(start).toISOString();
  await tellPartnerOfMove(deps, caller, series, index, movedTo);
  return moved;
}

/**
 * "No common slot — pick another day": either person of a confirmed pair whose series found no slot
 * picks another weekday (and, optionally, times of day). The series goes back to pending and is
 * booked at once; if that cannot happen now, the daily booking run retries it. Picking the same day
 * again while it is pending is harmless.
 */
export async function pickAnotherDay(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  pairId: string,
  input: PickDayInput,
): Promise<Stored<MeetingSeries>> {
  const programme = await deps.store.programmes.find(programmeId, programmeId);
  const pair = await deps.store.pairs.find(programmeId, pairId);
  if (!programme || !pair || !roleIn(pair, caller.userId))
    throw new ForbiddenError('Only the two people in a pair can pick a day for its sessions.');
  if (pair.status !== 'confirmed')
    throw new ConflictError(`The pair is ${pair.status}; its day cannot be changed here.`);
  const seriesId = seriesIdOf(pair.id);
  const series = await deps.store.meetings.find(programmeId, seriesId);
  if (!series || series.kind !== 'pair-series')
    throw new ConflictError('The pair has no series waiting for another day.');
  const window = narrowWindow(programme.cadence.window, input.times, programme.cadence.sessionMinutes);
  if (!window)
    throw new InvalidError('Those times of day leave no room for a session in the programme’s window.', {
      times: ['no room for a session'],
    });
  const same =
    series.weekday === input.weekday &&
    JSON.stringify(series.window ?? programme.cadence.window) === JSON.stringify(window);
  if (series.status === 'pending' && same) return series;
  if (series.status !== 'no-slot') throw new ConflictError(`The series is ${series.status}; there is no day to pick.`);
  const now = deps.clock.now().toISOString();
  await update(deps.store.meetings, programmeId, seriesId, (s) =>
    s.status === 'no-slot'
      ? { ...moveSeries(s, 'pending', now), weekday: input.weekday, window, problem: undefined }
      : s,
  );
  await update(deps.store.pairs, programmeId, pair.id, (p): Pair =>
    p.booking === 'no-slot' ? { ...p, booking: 'none', updatedAt: now } : p,
  );
  await audit(deps, programmeId, caller.userId, 'meeting.day-picked', seriesId, { weekday: input.weekday });
  try {
    await deps.booking.bookSeriesForPair(programmeId, pair.id);
  } catch (err) {
    // NOTE: the daily booking run picks the pending series up again; the choice is already saved.
    console.error(`booking ${programmeId}/${pair.id} after a picked day failed: ${(err as Error).message}`);
  }
  return deps.store.meetings.get(programmeId, seriesId);
}
