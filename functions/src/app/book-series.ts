/**
 * Booking pairs' meeting series in Outlook through the calendar port. Never double-books: the
 * series document (id `<pair>-series`, created before Graph is called) is our idempotency record,
 * the event carries a deterministic transactionId and our key, so a retry or a re-run after a crash
 * finds the event instead of creating a second one. No free slot → the series and the pair are
 * marked `no-slot`, both people are asked (by the bot) to pick another day, nothing is booked.
 */
import {
  activate,
  moveSeries,
  seriesIdOf,
  seriesTransactionId,
  type MeetingSeries,
  type Occurrence,
  type Pair,
  type Participant,
  type Programme,
} from '../core/model';
import { ConflictError, InvalidError, NotFoundError } from '../core/errors';
import { addDays, findSeriesSlot, utcToZoned } from '../core/schedule';
import type { CalendarEvent, MailboxInfo, OnlineMeetingSupport } from '../ports/calendar';
import { toArray, type Stored } from '../ports/store';
import { update } from './support/update';
import { takeLease, withoutLease } from './support/lease';
import { calendarPeople, mailboxesOf, sessionBody, workingHoursOf, type BookingDeps } from './graph-booking-support';
import {
  EVENT_WITHOUT_TEAMS,
  TEAMS,
  mailboxRefusal,
  markFailed,
  noTeamsAllowed,
  teamsSupportOf,
  type BookingRun,
} from './booking-problems';

export type { BookingDeps } from './graph-booking-support';
export type { BookingRun } from './booking-problems';
import { bookProgrammeEvents } from './graph-programme-events';
import { PAIR_ENDED, cancelComment, pairLanguage, seriesSubject } from './calendar-texts';
export { bookProgrammeEvents };
import { cancelOccurrences, freeSlotsForOccurrence } from './session-changes';

export type BookingOutcome = 'booked' | 'no-slot' | 'skipped' | 'failed';

const DAY = 86_400_000;
/** getSchedule looks at less than 62 days at a time. */
const HORIZON_DAYS = 61;

async function setBooking(deps: BookingDeps, pair: Pair, change: (p: Pair) => Pair): Promise<void> {
  await update(deps.store.pairs, pair.programmeId, pair.id, change);
}

/** How long one booking attempt may hold a series before another instance takes it over. */
export const BOOKING_LEASE_MS = 2 * 60_000;

/** The pair after its series was booked: a confirmed pair becomes active; "already booked" is success. */
function markBooked(deps: BookingDeps, pair: Pair, nowIso: string): Promise<void> {
  return setBooking(deps, pair, (p) =>
    p.status === 'confirmed' ? activate(p, nowIso) : p.booking === 'booked' ? p : { ...p, booking: 'booked' },
  );
}

async function ensureSeries(deps: BookingDeps, draft: MeetingSeries): Promise<Stored<MeetingSeries>> {
  try {
    return await deps.store.meetings.create(draft);
  } catch (err) {
    if (err instanceof ConflictError && err.reason === 'exists')
      return deps.store.meetings.get(draft.programmeId, draft.id);
    throw err;
  }
}

function toOccurrences(list: { start: string; end: string; id?: string }[]): Occurrence[] {
  return [...list]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((o, index) => ({ index, start: o.start, end: o.end, status: 'planned', ...(o.id ? { graphId: o.id } : {}) }));
}

/** The result of booking one pair; `problem` says why it failed (also stored on the series). */
export interface BookingResult {
  outcome: BookingOutcome;
  series?: Stored<MeetingSeries>;
  problem?: string;
}

/**
 * Books one confirmed pair's series (or finds it booked); safe to call any number of times. A cause
 * the manager must fix (mailbox settings refused, no Teams, a zone Outlook cannot take) is returned
 * as `failed` with the reason; an unexpected error is thrown, after recording it the same way.
 */
export async function bookSeriesForPair(
  deps: BookingDeps,
  programmeId: string,
  pairId: string,
  run: BookingRun = {},
): Promise<BookingResult> {
  const programme = await deps.store.programmes.get(programmeId, programmeId);
  const pair = await deps.store.pairs.get(programmeId, pairId);
  if (pair.status !== 'confirmed' && pair.status !== 'active') return { outcome: 'skipped' };
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const [mentor, mentee] = await Promise.all([
    deps.store.participants.find(programmeId, pair.mentorId),
    deps.store.participants.find(programmeId, pair.menteeId),
  ]);
  const organizer = programme.organizer.kind === 'mailbox' ? programme.organizer.address : pair.menteeId;
  const mailboxes = await mailboxesOf(deps.calendar, [pair.mentorId, pair.menteeId], run.mailboxes);
  const timeZone = mailboxes.get(pair.menteeId)?.timeZone ?? mentee?.timeZone ?? 'UTC';

  const series = await ensureSeries(deps, {
    id: seriesIdOf(pair.id),
    schemaVersion: 1,
    programmeId,
    kind: 'pair-series',
    pairId: pair.id,
    organizer,
    attendees: [pair.mentorId, pair.menteeId],
    transactionId: seriesTransactionId(programmeId, pair.id),
    status: 'pending',
    weekday: programme.cadence.weekday,
    intervalWeeks: programme.cadence.intervalWeeks,
    timeZone,
    occurrences: [],
    createdAt: nowIso,
    updatedAt: nowIso,
  });
  if (series.status === 'booked') {
    await markBooked(deps, pair, nowIso);
    return { outcome: 'booked', series };
  }
  if (series.status !== 'pending') return { outcome: series.status === 'no-slot' ? 'no-slot' : 'skipped', series };
  // Only the holder of the series' lease talks to Graph for it: two runs, or a run and a pick of
  // another day, never book it twice; one that stopped half-way is taken over when its lease expires.
  const claim = await takeLease(
    deps.store.meetings,
    programmeId,
    series.id,
    deps.clock,
    BOOKING_LEASE_MS,
    (s) => s.status === 'pending',
  );
  if (!claim) {
    const current = await deps.store.meetings.get(programmeId, series.id);
    if (current.status !== 'booked') return { outcome: 'skipped', series: current };
    await markBooked(deps, pair, nowIso);
    return { outcome: 'booked', series: current };
  }
  try {
    return await bookClaimed(deps, run, {
      programme,
      pair,
      series: claim.doc,
      owner: claim.owner,
      mentor,
      mentee,
      organizer,
      mailboxes,
      timeZone,
    });
  } catch (err) {
    // Recorded as any failure is (reason on the series, lease given back, pair failed), then thrown.
    const problem = err instanceof Error ? err.message : String(err);
    await markFailed(deps, pair, claim.owner, problem, false).catch(() => undefined);
    throw err;
  }
}

interface ClaimedBooking {
  programme: Programme;
  pair: Pair;
  series: Stored<MeetingSeries>;
  /** Our lease on the series. */
  owner: string;
  mentor: Participant | undefined;
  mentee: Participant | undefined;
  organizer: string;
  mailboxes: Map<string, MailboxInfo>;
  timeZone: string;
}

/**
 * Books a series whose lease this attempt holds: checks what Graph must give (both mailboxes'
 * settings, Teams on the organiser's calendar), finds or creates the event, makes sure it is a Teams
 * meeting, records it, activates the pair.
 */
async function bookClaimed(
  deps: BookingDeps,
  run: BookingRun,
  { programme, pair, series: claimed, owner, mentor, mentee, organizer, mailboxes, timeZone }: ClaimedBooking,
): Promise<BookingResult> {
  const programmeId = programme.id;
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  let series = claimed;
  await setBooking(deps, pair, (p) =>
    p.booking === 'booked' || (p.status !== 'confirmed' && p.status !== 'active')
      ? p
      : { ...p, booking: 'booking', updatedAt: nowIso },
  );

  const people = await calendarPeople(deps.directory, [pair.mentorId, pair.menteeId]);
  const refused = mailboxRefusal([pair.mentorId, pair.menteeId], mailboxes, people);
  if (refused) return markFailed(deps, pair, owner, refused);
  // NOTE: transactionId de-duplicates a retried POST only for a window Graph does not document; this
  // lookup by our extended property is what keeps a re-run after a lost answer from booking twice.
  let event: CalendarEvent | undefined = await deps.calendar.findEvent(organizer, series.transactionId);
  let planned: Occurrence[] = [];
  let created = false;
  if (!event) {
    // Graph creates the event (201) even when the calendar cannot hold a Teams meeting: ask first.
    const support = await teamsSupportOf(deps, organizer, run);
    if (!support.allowed.includes(TEAMS))
      return markFailed(deps, pair, owner, noTeamsAllowed(organizer, support, people));
    const weekday = series.weekday ?? programme.cadence.weekday;
    const earliest = utcToZoned(
      Math.max(now.getTime() + 2 * DAY, programme.kickoffAt ? Date.parse(programme.kickoffAt) : 0),
      timeZone,
    ).date;
    const viewStart = `${earliest}T00:00:00.000Z`;
    const schedules = await deps.calendar.getSchedule(
      organizer,
      [...people.values()],
      viewStart,
      `${addDays(earliest, HORIZON_DAYS)}T00:00:00.000Z`,
      15,
    );
    const byId = new Map(schedules.map((s) => [s.id, s]));
    const participants: Record<string, Participant | undefined> = { [pair.mentorId]: mentor, [pair.menteeId]: mentee };
    const result = findSeriesSlot({
      people: [pair.mentorId, pair.menteeId].map((id) => {
        const s = byId.get(id);
        return {
          id,
          workingHours: s?.workingHours ?? workingHoursOf(mailboxes.get(id), participants[id]),
          ...(s && !s.error
            ? { availability: { start: s.start, intervalMinutes: s.intervalMinutes, view: s.view } }
            : {}),
        };
      }),
      timeZone,
      weekday,
      intervalWeeks: programme.cadence.intervalWeeks,
      sessions: programme.cadence.sessions,
      sessionMinutes: programme.cadence.sessionMinutes,
      window: series.window ?? programme.cadence.window,
      earliestDate: earliest,
    });
    if (!result.found) return markNoSlot(deps, programme, pair, series, result.reason);
    // Subject and body in the language both read (German when both do, else English).
    const lang = pairLanguage(mentor, mentee);
    const request = {
      subject: seriesSubject(
        lang,
        people.get(pair.mentorId)?.name ?? 'Mentor',
        people.get(pair.menteeId)?.name ?? 'Mentee',
      ),
      bodyHtml: sessionBody(programme, pair.topicId, [lang]),
      attendees: [...people.values()],
      startDate: result.slot.firstDate,
      startTime: result.slot.startTime,
      durationMinutes: programme.cadence.sessionMinutes,
      timeZone,
      recurrence: { intervalWeeks: programme.cadence.intervalWeeks, weekday, count: programme.cadence.sessions },
      transactionId: series.transactionId,
      key: series.transactionId,
    };
    try {
      event = await deps.calendar.createEvent(organizer, request);
    } catch (err) {
      // Refused as it is (e.g. a time zone without a Windows id): retrying the same request cannot help.
      if (err instanceof InvalidError) return markFailed(deps, pair, owner, err.message);
      throw err;
    }
    created = true;
    planned = toOccurrences(result.slot.occurrences);
  }
  if (!event.teamsMeeting) {
    event = await deps.calendar.addTeamsMeeting(organizer, event.id);
    if (!event.teamsMeeting) return markFailed(deps, pair, owner, EVENT_WITHOUT_TEAMS);
  }
  const found = event;
  // The occurrence ids let us cancel or move single sessions later.
  const horizon = new Date(now.getTime() + 2 * 366 * DAY).toISOString();
  const instances = await deps.calendar.occurrences(organizer, found.id, nowIso, horizon);
  const occurrences = instances.length ? toOccurrences(instances) : planned;
  series = await update(deps.store.meetings, programmeId, series.id, (s) =>
    s.status !== 'pending'
      ? s
      : withoutLease({
          ...moveSeries(s, 'booked', nowIso),
          graphEventId: found.id,
          ...(found.joinUrl ? { joinUrl: found.joinUrl } : {}),
          ...(created ? { timeZone } : {}),
          occurrences,
          problem: undefined,
        }),
  );
  // The pair may have ended while its series was being booked: the meeting just made must not stay.
  if (series.status === 'cancelled') {
    await deps.calendar.cancelEvents(organizer, [found.id], PAIR_ENDED);
    return { outcome: 'skipped', series };
  }
  const current = await deps.store.pairs.get(programmeId, pair.id);
  if (current.status !== 'confirmed' && current.status !== 'active') {
    await cancelSeriesForPair(deps, programmeId, pair.id, PAIR_ENDED);
    return { outcome: 'skipped', series };
  }
  await markBooked(deps, pair, nowIso);
  await deps.messenger.send(
    [pair.mentorId, pair.menteeId].map((recipient) => ({
      type: 'series-booked' as const,
      recipient,
      programmeId,
      params: { programmeId, pairId: pair.id, seriesId: series.id, first: occurrences[0]?.start ?? null },
      dedupeKey: `series-booked:${series.id}:${recipient}`,
    })),
  );
  return { outcome: 'booked', series };
}

async function markNoSlot(
  deps: BookingDeps,
  programme: Programme,
  pair: Pair,
  series: Stored<MeetingSeries>,
  reason: string,
): Promise<{ outcome: BookingOutcome; series: Stored<MeetingSeries> }> {
  const nowIso = deps.clock.now().toISOString();
  const stored = await update(deps.store.meetings, programme.id, series.id, (s) =>
    s.status === 'pending' ? withoutLease({ ...moveSeries(s, 'no-slot', nowIso), problem: reason }) : s,
  );
  await setBooking(deps, pair, (p) => ({ ...p, booking: 'no-slot', updatedAt: nowIso }));
  const weekday = series.weekday ?? programme.cadence.weekday;
  await deps.messenger.send(
    [pair.mentorId, pair.menteeId].map((recipient) => ({
      type: 'no-slot' as const,
      recipient,
      programmeId: programme.id,
      params: { programmeId: programme.id, pairId: pair.id, seriesId: series.id, weekday },
      dedupeKey: `no-slot:${series.id}:${weekday}:${recipient}`,
    })),
  );
  return { outcome: 'no-slot', series: stored };
}

/**
 * Books every confirmed pair of every programme in execution that has no booked series yet. Each
 * pair is booked on its own (one failure does not stop the rest); mailbox settings of everyone are
 * read up front in JSON batches. Idempotent and resumable: a re-run continues where it stopped.
 */
export async function bookPendingSeries(deps: BookingDeps): Promise<Record<BookingOutcome, number>> {
  const tally: Record<BookingOutcome, number> = { booked: 0, 'no-slot': 0, skipped: 0, failed: 0 };
  // Each organiser's Teams support is asked once per run.
  const teams = new Map<string, Promise<OnlineMeetingSupport>>();
  const programmes = await toArray(deps.store.programmes.all(undefined, { where: { phase: 'execution' } }));
  for (const programme of programmes) {
    const pairs = await toArray(deps.store.pairs.all(programme.id, { where: { status: 'confirmed' } }));
    const todo: Pair[] = [];
    for (const pair of pairs) {
      if (pair.booking === 'no-slot') {
        // Waits until the people picked another day (the series is set back to pending then).
        const series = await deps.store.meetings.find(programme.id, seriesIdOf(pair.id));
        if (series?.status !== 'pending') continue;
      }
      todo.push(pair);
    }
    if (!todo.length) continue;
    const ids = [...new Set(todo.flatMap((p) => [p.mentorId, p.menteeId]))];
    const run: BookingRun = { mailboxes: await deps.calendar.mailboxSettings(ids), teams };
    for (const pair of todo) {
      try {
        tally[(await bookSeriesForPair(deps, programme.id, pair.id, run)).outcome]++;
      } catch (err) {
        // bookSeriesForPair recorded the failure and gave its lease back: the next run tries again.
        tally.failed++;
        const problem = err instanceof Error ? err.message : String(err);
        console.error(`booking ${programme.id}/${pair.id} failed: ${problem}`);
      }
    }
  }
  return tally;
}

/** Cancels the rest of a pair's series with a comment to both (past sessions stay); idempotent. */
export async function cancelSeriesForPair(
  deps: Omit<BookingDeps, 'directory'>,
  programmeId: string,
  pairId: string,
  comment: string,
): Promise<{ cancelled: number }> {
  const series = await deps.store.meetings.find(programmeId, seriesIdOf(pairId));
  if (!series || series.status === 'cancelled') return { cancelled: 0 };
  const [a, b] = await Promise.all(
    series.attendees.slice(0, 2).map((id) => deps.store.participants.find(programmeId, id)),
  );
  comment = cancelComment(comment, pairLanguage(a, b));
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const eventId = series.graphEventId ?? (await deps.calendar.findEvent(series.organizer, series.transactionId))?.id;
  const future = series.occurrences.filter((o) => Date.parse(o.start) > now.getTime() && o.status !== 'cancelled');
  const started = series.occurrences.some((o) => Date.parse(o.start) <= now.getTime());
  if (eventId) {
    if (!started) await deps.calendar.cancelEvents(series.organizer, [eventId], comment);
    else {
      const missing = future.some((o) => !o.graphId);
      const instances = missing
        ? await deps.calendar.occurrences(
            series.organizer,
            eventId,
            nowIso,
            new Date(now.getTime() + 800 * DAY).toISOString(),
          )
        : [];
      const ids = future
        .map((o) => o.graphId ?? instances.find((i) => i.start === o.start)?.id)
        .filter((id): id is string => Boolean(id));
      await deps.calendar.cancelEvents(series.organizer, ids, comment);
    }
  }
  const cancelledAt = new Set(future.map((o) => o.index));
  await update(deps.store.meetings, programmeId, series.id, (s) => ({
    ...moveSeries(s, 'cancelled', nowIso),
    occurrences: s.occurrences.map((o) => (cancelledAt.has(o.index) ? { ...o, status: 'cancelled' as const } : o)),
  }));
  return { cancelled: eventId ? future.length : 0 };
}

/** Moves one session of a booked series to a new start (same length); returns the stored series. */
export async function moveOccurrence(
  deps: Omit<BookingDeps, 'directory'>,
  programmeId: string,
  seriesId: string,
  occurrenceIndex: number,
  newStartIso: string,
): Promise<Stored<MeetingSeries>> {
  const newStart = Date.parse(newStartIso);
  if (Number.isNaN(newStart)) throw new InvalidError('The new start is not a date and time.', { start: ['ISO 8601'] });
  const now = deps.clock.now().getTime();
  if (newStart <= now) throw new InvalidError('A session can only be moved to the future.', { start: ['in the past'] });
  const series = await deps.store.meetings.get(programmeId, seriesId);
  if (series.status !== 'booked' || !series.graphEventId) throw new ConflictError('Only a booked series can be moved.');
  const occurrence = series.occurrences.find((o) => o.index === occurrenceIndex);
  if (!occurrence) throw new NotFoundError(`Session ${occurrenceIndex} does not exist in this series.`);
  if (occurrence.status === 'cancelled' || Date.parse(occurrence.start) <= now)
    throw new ConflictError('This session is over or cancelled and cannot be moved.');
  const length = Date.parse(occurrence.end) - Date.parse(occurrence.start);
  const start = new Date(newStart).toISOString();
  const end = new Date(newStart + length).toISOString();
  let graphId = occurrence.graphId;
  if (!graphId) {
    const from = new Date(Date.parse(occurrence.start) - DAY).toISOString();
    const to = new Date(Date.parse(occurrence.end) + DAY).toISOString();
    const found = await deps.calendar.occurrences(series.organizer, series.graphEventId, from, to);
    graphId = found.find((o) => o.start === occurrence.start)?.id;
    if (!graphId) throw new NotFoundError('The session was not found in the organiser’s calendar.');
  }
  await deps.calendar.moveEvent(series.organizer, graphId, start, end);
  const id = graphId;
  return update(deps.store.meetings, programmeId, seriesId, (s) => ({
    ...s,
    updatedAt: new Date(now).toISOString(),
    occurrences: s.occurrences.map((o) =>
      o.index === occurrenceIndex ? { ...o, start, end, status: 'moved' as const, graphId: id } : o,
    ),
  }));
}

/** The use cases bound to their dependencies (the shape the API's use cases call). */
export function createBooking(deps: BookingDeps) {
  return {
    bookPendingSeries: () => bookPendingSeries(deps),
    cancelSeriesForPair: (programmeId: string, pairId: string, comment: string) =>
      cancelSeriesForPair(deps, programmeId, pairId, comment),
    moveOccurrence: (programmeId: string, seriesId: string, index: number, newStartIso: string) =>
      moveOccurrence(deps, programmeId, seriesId, index, newStartIso),
    bookProgrammeEvents: (programmeId: string) => bookProgrammeEvents(deps, programmeId),
    bookSeriesForPair: (programmeId: string, pairId: string) => bookSeriesForPair(deps, programmeId, pairId),
    cancelOccurrences: (programmeId: string, seriesId: string, indices: number[], comment: string) =>
      cancelOccurrences(deps, programmeId, seriesId, indices, comment),
    freeSlots: (programme: Pick<Programme, 'id' | 'cadence'>, seriesId: string, index: number) =>
      freeSlotsForOccurrence(deps, programme, seriesId, index),
  };
}
