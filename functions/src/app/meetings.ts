/** The meetings people see (their pair's series, the programme's kick-off and closing) and asking to move one. */
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../core/errors';
import { roleIn, type MeetingSeries } from '../core/model';
import { toArray, type Stored } from '../ports/store';
import type { AppDeps } from './deps';
import { isManager, type Caller } from './caller';
import { loadVisibleProgramme } from './support/access';
import { audit } from './support/audit';

export async function listMeetings(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
): Promise<Stored<MeetingSeries>[]> {
  const { enrollment } = await loadVisibleProgramme(deps, caller, programmeId);
  const all = await toArray(deps.store.meetings.all(programmeId, { orderBy: 'createdAt' }));
  if (isManager(caller)) return all;
  if (!enrollment) throw new ForbiddenError('You are not part of this programme.');
  return all.filter((s) => s.kind !== 'pair-series' || s.attendees.includes(caller.userId));
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
    throw new ForbiddenError('Only the two people in a pair can move its sessions.');
  if (pair.status !== 'active') throw new ConflictError('Only the sessions of an active pair can be moved.');
  const occurrence = series.occurrences.find((o) => o.index === index);
  if (!occurrence) throw new NotFoundError('There is no such session.');
  if (occurrence.status !== 'planned' && occurrence.status !== 'moved')
    throw new ConflictError(`This session is ${occurrence.status} and cannot be moved.`);
  const now = deps.clock.now().getTime();
  if (Date.parse(occurrence.start) <= now) throw new ConflictError('This session has already started.');
  if (Date.parse(start) <= now)
    throw new InvalidError('The new time must be in the future.', { start: ['must be in the future'] });
  const moved = await deps.booking.moveOccurrence(programmeId, seriesId, index, new Date(start).toISOString());
  await audit(deps, programmeId, caller.userId, 'meeting.moved', seriesId, { index });
  return moved;
}
