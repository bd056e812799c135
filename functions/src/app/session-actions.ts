/**
 * What one of a pair does with their sessions: see free times to move one session to, move the rest
 * of the series to another weekday and time, or pause the sessions until a date (the pair stays, the
 * sessions before that date are cancelled in both calendars, the series goes on from the date). The
 * partner is told each time by a card. Only the two people of an active pair may do this.
 */
import { ConflictError, ForbiddenError, InvalidError } from '../core/errors';
import {
  isLivePair,
  minutesOf,
  partnerOf,
  roleIn,
  seriesIdOf,
  type IsoDate,
  type LocalTime,
  type MeetingSeries,
  type Pair,
  type Weekday,
  WEEKDAYS,
} from '../core/model';
import { addDays, utcToZoned, zonedToUtc, type FreeSlot } from '../core/schedule';
import { nowIso } from '../ports/clock';
import type { Stored } from '../ports/store';
import type { AppDeps } from './deps';
import type { Caller } from './caller';
import { loadProgramme } from './support/access';
import { audit } from './support/audit';
import { livePairsOf } from './support/end-pairs';
import { update } from './support/update';
import { pairLanguage, pausedComment } from './calendar-texts';

const DAY = 86_400_000;
/** A pause reaches at most half a year ahead. */
export const MAX_PAUSE_DAYS = 183;

/** The caller's active pair and its booked series, or Forbidden / Conflict saying why not. */
async function ownSeries(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  seriesId: string,
): Promise<{ pair: Pair; series: Stored<MeetingSeries> }> {
  const series = await deps.store.meetings.find(programmeId, seriesId);
  const pair = series?.pairId ? await deps.store.pairs.find(programmeId, series.pairId) : undefined;
  if (!series || !pair || !roleIn(pair, caller.userId))
    throw new ForbiddenError('Only the two people in a pair can change its sessions.');
  if (pair.status !== 'active') throw new ConflictError('Only the sessions of an active pair can be changed.');
  if (series.status !== 'booked') throw new ConflictError('The sessions are not booked.');
  return { pair, series };
}

async function tellPartner(
  deps: AppDeps,
  pair: Pair,
  by: string,
  type: 'session-moved' | 'sessions-paused',
  params: Record<string, string | number>,
  key: string,
): Promise<void> {
  const partner = partnerOf(pair, by);
  if (!partner) return;
  await deps.messenger.send([
    {
      type,
      recipient: partner,
      programmeId: pair.programmeId,
      params: { programmeId: pair.programmeId, pairId: pair.id, ...params },
      dedupeKey: `${type}:${key}:${partner}`,
    },
  ]);
}

/** Tells the partner that one session moved (the move route's use case calls this after moving). */
export async function tellPartnerOfMove(
  deps: AppDeps,
  caller: Caller,
  series: MeetingSeries,
  index: number,
  start: string,
): Promise<void> {
  const pair = series.pairId ? await deps.store.pairs.find(series.programmeId, series.pairId) : undefined;
  if (!pair) return;
  await tellPartner(
    deps,
    pair,
    caller.userId,
    'session-moved',
    { seriesId: series.id, occurrenceIndex: index, start },
    `${series.id}:${index}:${start}`,
  );
}

/** Free times of both people in the week of one session, to move it to. */
export async function slotsToMoveTo(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  seriesId: string,
  index: number,
): Promise<{ slots: FreeSlot[]; timeZone: string }> {
  const programme = await loadProgramme(deps, programmeId);
  const { series } = await ownSeries(deps, caller, programmeId, seriesId);
  const slots = await deps.booking.freeSlots(programme, seriesId, index);
  return { slots, timeZone: series.timeZone };
}

export interface MoveRestInput {
  weekday: Weekday;
  time: LocalTime;
}

/**
 * Moves every future session of the series to `weekday` at `time` in the same week (organiser's
 * zone), one occurrence at a time through the calendar (the series stays one series). A session whose
 * new time would already have passed keeps its time. Returns the stored series.
 */
export async function moveRestOfSeries(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  seriesId: string,
  input: MoveRestInput,
): Promise<Stored<MeetingSeries>> {
  const programme = await loadProgramme(deps, programmeId);
  const { pair, series } = await ownSeries(deps, caller, programmeId, seriesId);
  const window = series.window ?? programme.cadence.window;
  const length = programme.cadence.sessionMinutes;
  const startMinutes = minutesOf(input.time);
  if (startMinutes < minutesOf(window.start) || startMinutes + length > minutesOf(window.end))
    throw new InvalidError(`Sessions take place between ${window.start} and ${window.end}.`, {
      time: [`between ${window.start} and ${window.end} minus ${length} minutes`],
    });
  const now = deps.clock.now().getTime();
  const moves: { index: number; start: string }[] = [];
  for (const o of series.occurrences) {
    if (Date.parse(o.start) <= now || (o.status !== 'planned' && o.status !== 'moved')) continue;
    const local = utcToZoned(Date.parse(o.start), series.timeZone);
    const monday = addDays(local.date, -WEEKDAYS.indexOf(local.weekday));
    const target = zonedToUtc(addDays(monday, WEEKDAYS.indexOf(input.weekday)), input.time, series.timeZone);
    if (target <= now || new Date(target).toISOString() === o.start) continue;
    moves.push({ index: o.index, start: new Date(target).toISOString() });
  }
  if (!moves.length && series.weekday === input.weekday) return series;
  for (const m of moves) await deps.booking.moveOccurrence(programmeId, seriesId, m.index, m.start);
  const at = nowIso(deps.clock);
  const stored = await update(deps.store.meetings, programmeId, seriesId, (s) => ({
    ...s,
    weekday: input.weekday,
    updatedAt: at,
  }));
  await audit(deps, programmeId, caller.userId, 'meeting.series-moved', seriesId, {
    weekday: input.weekday,
    sessions: moves.length,
  });
  await tellPartner(
    deps,
    pair,
    caller.userId,
    'session-moved',
    { seriesId, weekday: input.weekday, time: input.time, sessions: moves.length },
    `${seriesId}:rest:${input.weekday}:${input.time}`,
  );
  return stored;
}

export interface PauseResult {
  until: IsoDate;
  /** Per series: the sessions cancelled by this pause. */
  series: { seriesId: string; pairId: string; cancelled: number[] }[];
}

/**
 * Pauses the caller's sessions until `until` (the first day back): every future session of their
 * active pairs before that date is cancelled in both calendars, the pair stays as it is and the
 * sessions from that date on take place. The partner gets a card. Pausing again to the same date is
 * harmless; a later date cancels the further sessions.
 */
export async function pauseSessionsUntil(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  until: IsoDate,
): Promise<PauseResult> {
  const programme = await loadProgramme(deps, programmeId);
  if (programme.phase !== 'execution')
    throw new ConflictError('Sessions can be paused while the programme is running.');
  const now = deps.clock.now().getTime();
  const untilNoon = Date.parse(`${until}T12:00:00.000Z`);
  if (Number.isNaN(untilNoon) || untilNoon <= now)
    throw new InvalidError('The pause must end on a later day.', { until: ['a date after today'] });
  if (untilNoon > now + MAX_PAUSE_DAYS * DAY)
    throw new InvalidError(`A pause lasts at most ${MAX_PAUSE_DAYS} days.`, {
      until: [`within ${MAX_PAUSE_DAYS} days`],
    });
  const pairs = (await livePairsOf(deps, programmeId, caller.userId)).filter((p) => isLivePair(p));
  const active = pairs.filter((p) => p.status === 'active');
  if (!active.length) throw new ConflictError('You have no booked sessions to pause.');
  const result: PauseResult = { until, series: [] };
  for (const pair of active) {
    const seriesId = seriesIdOf(pair.id);
    const series = await deps.store.meetings.find(programmeId, seriesId);
    if (!series || series.status !== 'booked') continue;
    const back = zonedToUtc(until, '00:00', series.timeZone);
    const indices = series.occurrences
      .filter((o) => {
        const start = Date.parse(o.start);
        return start > now && start < back && (o.status === 'planned' || o.status === 'moved');
      })
      .map((o) => o.index);
    const [a, b] = await Promise.all([
      deps.store.participants.find(programmeId, pair.mentorId),
      deps.store.participants.find(programmeId, pair.menteeId),
    ]);
    if (indices.length)
      await deps.booking.cancelOccurrences(programmeId, seriesId, indices, pausedComment(pairLanguage(a, b), until));
    const at = new Date(now).toISOString();
    await update(deps.store.meetings, programmeId, seriesId, (s) => ({
      ...s,
      pause: { by: caller.userId, until, at },
      updatedAt: at,
    }));
    result.series.push({ seriesId, pairId: pair.id, cancelled: indices });
    await tellPartner(
      deps,
      pair,
      caller.userId,
      'sessions-paused',
      { seriesId, until, sessions: indices.length },
      `${seriesId}:${until}`,
    );
  }
  if (!result.series.length) throw new ConflictError('You have no booked sessions to pause.');
  await audit(deps, programmeId, caller.userId, 'meeting.paused', caller.userId, {
    until,
    sessions: result.series.reduce((n, s) => n + s.cancelled.length, 0),
  });
  return result;
}
