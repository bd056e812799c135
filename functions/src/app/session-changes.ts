/**
 * Changes to single sessions of a booked series through the calendar port: cancelling the sessions
 * of a pause (the organiser cancels those instances, so both calendars lose them and the rest of
 * the series stays), and the free times of both people in one session's week (getSchedule).
 */
import { WEEKDAYS, type MeetingSeries, type Programme } from '../core/model';
import { ConflictError, NotFoundError } from '../core/errors';
import { addDays, freeSlots, utcToZoned, zonedToUtc, type FreeSlot } from '../core/schedule';
import type { Stored } from '../ports/store';
import { update } from './support/update';
import { calendarPeople, mailboxesOf, workingHoursOf, type BookingDeps } from './graph-booking-support';

const DAY = 86_400_000;

/** The Graph ids of these sessions: stored ones, else looked up among the series' instances. */
async function instanceIds(
  deps: Pick<BookingDeps, 'calendar'>,
  series: MeetingSeries,
  indices: number[],
): Promise<Map<number, string>> {
  const wanted = series.occurrences.filter((o) => indices.includes(o.index));
  const ids = new Map<number, string>();
  for (const o of wanted) if (o.graphId) ids.set(o.index, o.graphId);
  const missing = wanted.filter((o) => !o.graphId);
  if (missing.length && series.graphEventId) {
    const from = Math.min(...missing.map((o) => Date.parse(o.start))) - DAY;
    const to = Math.max(...missing.map((o) => Date.parse(o.end))) + DAY;
    const instances = await deps.calendar.occurrences(
      series.organizer,
      series.graphEventId,
      new Date(from).toISOString(),
      new Date(to).toISOString(),
    );
    for (const o of missing) {
      const found = instances.find((i) => i.start === o.start)?.id;
      if (found) ids.set(o.index, found);
    }
  }
  return ids;
}

/**
 * Cancels these future sessions of a booked series in the organiser's calendar (Graph tells every
 * attendee) and marks them cancelled; past, held or already cancelled ones are left as they are.
 * Idempotent: cancelling again finds nothing left to cancel.
 */
export async function cancelOccurrences(
  deps: Omit<BookingDeps, 'directory'>,
  programmeId: string,
  seriesId: string,
  indices: number[],
  comment: string,
): Promise<Stored<MeetingSeries>> {
  const series = await deps.store.meetings.get(programmeId, seriesId);
  if (series.status !== 'booked') throw new ConflictError('Only the sessions of a booked series can be cancelled.');
  const now = deps.clock.now().getTime();
  const open = (o: MeetingSeries['occurrences'][number]) =>
    indices.includes(o.index) && Date.parse(o.start) > now && (o.status === 'planned' || o.status === 'moved');
  const todo = series.occurrences.filter(open).map((o) => o.index);
  if (!todo.length) return series;
  const ids = await instanceIds(deps, series, todo);
  if (ids.size) await deps.calendar.cancelEvents(series.organizer, [...ids.values()], comment);
  const at = new Date(now).toISOString();
  return update(deps.store.meetings, programmeId, seriesId, (s) => ({
    ...s,
    updatedAt: at,
    occurrences: s.occurrences.map((o) =>
      todo.includes(o.index) && open(o)
        ? { ...o, status: 'cancelled' as const, ...(ids.get(o.index) ? { graphId: ids.get(o.index) } : {}) }
        : o,
    ),
  }));
}

/**
 * Times in the session's week (Monday to Sunday in the series' zone, from an hour from now) when both
 * people are free, inside their working hours and the programme's session window.
 */
export async function freeSlotsForOccurrence(
  deps: BookingDeps,
  programme: Pick<Programme, 'id' | 'cadence'>,
  seriesId: string,
  index: number,
): Promise<FreeSlot[]> {
  const series = await deps.store.meetings.get(programme.id, seriesId);
  if (series.status !== 'booked' || series.kind !== 'pair-series')
    throw new ConflictError('Only the sessions of a booked pair series can be moved.');
  const occurrence = series.occurrences.find((o) => o.index === index);
  if (!occurrence) throw new NotFoundError(`Session ${index} does not exist in this series.`);
  const now = deps.clock.now().getTime();
  if (occurrence.status === 'cancelled' || occurrence.status === 'held' || Date.parse(occurrence.start) <= now)
    throw new ConflictError('This session is over or cancelled and cannot be moved.');
  const local = utcToZoned(Date.parse(occurrence.start), series.timeZone);
  const weekdayIndex = WEEKDAYS.indexOf(local.weekday);
  const monday = addDays(local.date, -weekdayIndex);
  const from = Math.max(zonedToUtc(monday, '00:00', series.timeZone), now + 3_600_000);
  const to = zonedToUtc(addDays(monday, 7), '00:00', series.timeZone);
  if (from >= to) return [];
  const ids = series.attendees.slice(0, 2);
  const [people, mailboxes, participants] = await Promise.all([
    calendarPeople(deps.directory, ids),
    mailboxesOf(deps.calendar, ids),
    Promise.all(ids.map((id) => deps.store.participants.find(programme.id, id))),
  ]);
  // getSchedule's view starts on a whole hour before `from`, in 15-minute steps.
  const viewStart = new Date(Math.floor(from / 3_600_000) * 3_600_000).toISOString();
  const schedules = await deps.calendar.getSchedule(
    series.organizer,
    [...people.values()],
    viewStart,
    new Date(to).toISOString(),
    15,
  );
  const length = Date.parse(occurrence.end) - Date.parse(occurrence.start);
  return freeSlots({
    people: ids.map((id, i) => {
      const s = schedules.find((x) => x.id === id);
      return {
        id,
        workingHours: s?.workingHours ?? workingHoursOf(mailboxes.get(id), participants[i]),
        ...(s && !s.error
          ? { availability: { start: s.start, intervalMinutes: s.intervalMinutes, view: s.view } }
          : {}),
      };
    }),
    window: series.window ?? programme.cadence.window,
    sessionMinutes: Math.round(length / 60_000),
    from,
    to,
  }).filter((slot) => slot.start !== occurrence.start);
}
