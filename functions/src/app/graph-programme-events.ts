/**
 * The programme's kick-off and closing events for everyone taking part. Large programmes are split
 * into events of at most EVENT_ATTENDEES attendees (one per chunk, each with its own transactionId
 * and document), so every invitation stays deliverable; people who join later get a new chunk.
 */
import { moveSeries, seriesTransactionId, type MeetingSeries, type Programme } from '../core/model';
import { ConflictError } from '../core/errors';
import { toArray } from '../ports/store';
import { update } from './support/update';
import { calendarPeople, sessionBody, type BookingDeps } from './graph-booking-support';

export const EVENT_ATTENDEES = 250;
const EVENT_MINUTES = 60;

type Kind = 'kickoff' | 'closing';

async function bookOne(
  deps: BookingDeps,
  programme: Programme,
  kind: Kind,
  chunk: number,
  attendees: string[],
  at: string,
): Promise<void> {
  const nowIso = deps.clock.now().toISOString();
  const organizer = programme.organizer.kind === 'mailbox' ? programme.organizer.address : programme.createdBy;
  const start = Date.parse(at);
  const end = new Date(start + EVENT_MINUTES * 60_000).toISOString();
  const draft: MeetingSeries = {
    id: `${programme.id}-${kind}-${chunk}`,
    schemaVersion: 1,
    programmeId: programme.id,
    kind,
    organizer,
    attendees,
    transactionId: seriesTransactionId(programme.id, `${kind}-${chunk}`),
    status: 'pending',
    timeZone: 'UTC',
    occurrences: [],
    createdAt: nowIso,
    updatedAt: nowIso,
  };
  let series;
  try {
    series = await deps.store.meetings.create(draft);
  } catch (err) {
    if (!(err instanceof ConflictError && err.reason === 'exists')) throw err;
    series = await deps.store.meetings.get(programme.id, draft.id);
  }
  if (series.status !== 'pending') return;
  const people = await calendarPeople(deps.directory, series.attendees);
  const iso = new Date(start).toISOString();
  const event =
    (await deps.calendar.findEvent(organizer, series.transactionId)) ??
    (await deps.calendar.createEvent(organizer, {
      subject: `Tandem: ${programme.name} — ${kind === 'kickoff' ? 'Kick-off' : 'Closing'}`,
      bodyHtml: sessionBody(programme, undefined, ['en', 'de']),
      attendees: [...people.values()],
      startDate: iso.slice(0, 10),
      startTime: iso.slice(11, 16),
      durationMinutes: EVENT_MINUTES,
      timeZone: 'UTC',
      transactionId: series.transactionId,
      key: series.transactionId,
    }));
  await update(deps.store.meetings, programme.id, series.id, (s) => ({
    ...moveSeries(s, 'booked', nowIso),
    graphEventId: event.id,
    ...(event.joinUrl ? { joinUrl: event.joinUrl } : {}),
    occurrences: [{ index: 0, start: iso, end, status: 'planned' as const, graphId: event.id }],
  }));
}

/** Books the kick-off and closing for every participant not yet invited to them; returns the events booked. */
export async function bookProgrammeEvents(deps: BookingDeps, programmeId: string): Promise<{ booked: number }> {
  const programme = await deps.store.programmes.get(programmeId, programmeId);
  const participants = await toArray(
    deps.store.participants.all(programmeId, { where: { status: ['opted-in', 'paused'] } }),
  );
  const everyone = participants.map((p) => p.userId).sort();
  const meetings = await toArray(deps.store.meetings.all(programmeId));
  let booked = 0;
  for (const [kind, at] of [
    ['kickoff', programme.kickoffAt],
    ['closing', programme.closingAt],
  ] as const) {
    if (!at || Date.parse(at) <= deps.clock.now().getTime()) continue;
    const existing = meetings.filter((m) => m.kind === kind);
    // A chunk left pending by an interrupted run is finished first.
    for (const m of existing.filter((e) => e.status === 'pending')) {
      await bookOne(deps, programme, kind, Number(m.id.split('-').pop()), m.attendees, at);
      booked++;
    }
    const covered = new Set(existing.filter((m) => m.status !== 'cancelled').flatMap((m) => m.attendees));
    const remaining = everyone.filter((id) => !covered.has(id));
    let chunk = existing.length;
    for (let i = 0; i < remaining.length; i += EVENT_ATTENDEES) {
      await bookOne(deps, programme, kind, chunk++, remaining.slice(i, i + EVENT_ATTENDEES), at);
      booked++;
    }
  }
  return { booked };
}
