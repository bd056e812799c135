/**
 * The programme's kick-off and closing: one Teams meeting each, however many people take part, at
 * the programme's chosen local time (`kickoffAt` / `closingAt`, written in `timeZone`, lasting
 * `kickoffMinutes` / `closingMinutes`). Booked as soon as pairs are published, then kept in step:
 * everyone in a published live pair is invited (the attendee list is replaced in one PATCH when people
 * join, decline or leave), a time change moves the event in every calendar (one PATCH), and people
 * beyond Graph's limit of 500 attendees per event get the same join link by card instead.
 * Only the holder of the event document's lease talks to Graph for it.
 */
import {
  EVENT_MINUTES,
  isLivePair,
  moveSeries,
  seriesTransactionId,
  type MeetingSeries,
  type Programme,
} from '../core/model';
import { ConflictError, InvalidError } from '../core/errors';
import { utcToZoned } from '../core/schedule';
import { toArray, type Stored } from '../ports/store';
import { update } from './support/update';
import { takeLease, withoutLease } from './support/lease';
import { sessionBody, type BookingDeps } from './graph-booking-support';
import type { CalendarPerson } from '../ports/calendar';
import { eventSubject, programmeLanguages } from './calendar-texts';
import { EVENT_WITHOUT_TEAMS } from './booking-problems';

/** Graph: the maximum number of attendees included in an event is 500 (event resource, Microsoft Learn). */
export const MAX_EVENT_ATTENDEES = 500;
const LEASE_MS = 2 * 60_000;

type Kind = 'kickoff' | 'closing';

export interface EventsReport {
  /** Events created in Outlook. */
  booked: number;
  /** Events whose attendees or time were changed. */
  updated: number;
  /** People sent the join link by card (beyond the attendee limit). */
  linked: number;
  /** Events that could not be booked or updated now (reason on the document). */
  failed: number;
}

/** Everyone in a published pair that is still live (proposed, confirmed or active), sorted. */
async function invitees(deps: BookingDeps, programmeId: string): Promise<string[]> {
  const pairs = await toArray(deps.store.pairs.all(programmeId));
  const ids = new Set<string>();
  for (const p of pairs) if (p.publishedAt && isLivePair(p)) for (const id of [p.mentorId, p.menteeId]) ids.add(id);
  return [...ids].sort();
}

/** Calendar addresses of those the directory knows with a mailbox; one person missing never stops the event. */
async function reachablePeople(deps: BookingDeps, ids: string[]): Promise<Map<string, CalendarPerson>> {
  const people = new Map<string, CalendarPerson>();
  for (let i = 0; i < ids.length; i += 200)
    for (const u of await deps.directory.getUsers(ids.slice(i, i + 200))) {
      const mail = u.mail ?? u.userPrincipalName;
      if (mail) people.set(u.id, { id: u.id, mail, name: u.displayName });
    }
  return people;
}

/** Who is invited in the calendar: those invited already stay (nobody loses their invitation), then the rest by id. */
function calendarAttendees(everyone: string[], before: readonly string[]): string[] {
  const wanted = new Set(everyone);
  const kept = before.filter((id) => wanted.has(id));
  const keptSet = new Set(kept);
  return [...kept, ...everyone.filter((id) => !keptSet.has(id))].slice(0, MAX_EVENT_ATTENDEES);
}

function wallClock(programme: Programme, at: string, minutes: number) {
  const timeZone = programme.timeZone ?? 'UTC';
  const local = utcToZoned(Date.parse(at), timeZone);
  return { startDate: local.date, startTime: local.time, durationMinutes: minutes, timeZone };
}

async function ensureDoc(deps: BookingDeps, draft: MeetingSeries): Promise<Stored<MeetingSeries>> {
  try {
    return await deps.store.meetings.create(draft);
  } catch (err) {
    if (!(err instanceof ConflictError && err.reason === 'exists')) throw err;
    return deps.store.meetings.get(draft.programmeId, draft.id);
  }
}

async function syncEvent(
  deps: BookingDeps,
  programme: Programme,
  kind: Kind,
  at: string,
  everyone: string[],
  report: EventsReport,
): Promise<void> {
  const nowIso = deps.clock.now().toISOString();
  const organizer = programme.organizer.kind === 'mailbox' ? programme.organizer.address : programme.createdBy;
  const minutes = (kind === 'kickoff' ? programme.kickoffMinutes : programme.closingMinutes) ?? EVENT_MINUTES.default;
  const when = wallClock(programme, at, minutes);
  const start = new Date(Date.parse(at)).toISOString();
  const end = new Date(Date.parse(at) + minutes * 60_000).toISOString();
  const doc = await ensureDoc(deps, {
    id: `${programme.id}-${kind}`,
    schemaVersion: 1,
    programmeId: programme.id,
    kind,
    organizer,
    attendees: [],
    transactionId: seriesTransactionId(programme.id, kind),
    status: 'pending',
    timeZone: when.timeZone,
    occurrences: [],
    createdAt: nowIso,
    updatedAt: nowIso,
  });
  if (doc.status === 'cancelled') return;
  // Only people with a mailbox can be invited; the others are reached by card like those beyond the limit.
  const reachable = await reachablePeople(deps, everyone);
  const candidates = everyone.filter((id) => reachable.has(id));
  const plan = (d: MeetingSeries) => {
    const attendees = calendarAttendees(candidates, d.attendees);
    return {
      attendees,
      sameTime: d.occurrences[0]?.start === start && d.occurrences[0]?.end === end && d.timeZone === when.timeZone,
      sameAttendees: attendees.join(',') === d.attendees.join(','),
    };
  };
  const before = plan(doc);
  if (doc.status === 'booked' && before.sameTime && before.sameAttendees)
    return sendLinks(deps, programme, doc, everyone, report);
  const claim = await takeLease(deps.store.meetings, programme.id, doc.id, deps.clock, LEASE_MS, () => true);
  if (!claim) return;
  // Decided again on the version the lease was taken on: another instance may have written meanwhile.
  const { attendees, sameTime, sameAttendees } = plan(claim.doc);
  try {
    const people = new Map(attendees.map((id) => [id, reachable.get(id) as CalendarPerson]));
    const participants = await toArray(deps.store.participants.all(programme.id));
    const langs = programmeLanguages(participants.filter((p) => everyone.includes(p.userId)));
    const texts = {
      subject: eventSubject(langs, programme.name, kind),
      bodyHtml: sessionBody(programme, undefined, langs),
    };
    let eventId = claim.doc.graphEventId;
    let joinUrl = claim.doc.joinUrl;
    if (!eventId) {
      const found = await deps.calendar.findEvent(organizer, claim.doc.transactionId);
      let event = found;
      if (found) {
        // Found again after a lost answer: bring it to what it must be now (one PATCH).
        await deps.calendar.updateEvent(organizer, found.id, { ...texts, ...when, attendees: [...people.values()] });
        report.updated++;
      } else {
        event = await deps.calendar.createEvent(organizer, {
          ...texts,
          ...when,
          attendees: [...people.values()],
          transactionId: claim.doc.transactionId,
          key: claim.doc.transactionId,
        });
        report.booked++;
      }
      if (event && !event.teamsMeeting) event = await deps.calendar.addTeamsMeeting(organizer, event.id);
      if (!event?.teamsMeeting) throw new InvalidError(EVENT_WITHOUT_TEAMS);
      eventId = event.id;
      joinUrl = event.joinUrl;
    } else {
      await deps.calendar.updateEvent(organizer, eventId, {
        ...(sameAttendees ? {} : { attendees: [...people.values()] }),
        ...(sameTime ? {} : { ...when, ...texts }),
      });
      report.updated++;
    }
    const id = eventId;
    const stored = await update(deps.store.meetings, programme.id, doc.id, (s) =>
      withoutLease({
        ...(s.status === 'pending' ? moveSeries(s, 'booked', nowIso) : { ...s, updatedAt: nowIso }),
        graphEventId: id,
        ...(joinUrl ? { joinUrl } : {}),
        attendees,
        timeZone: when.timeZone,
        occurrences: [{ index: 0, start, end, status: 'planned' as const, graphId: id }],
        problem: undefined,
      }),
    );
    await sendLinks(deps, programme, stored, everyone, report);
  } catch (err) {
    report.failed++;
    const problem = err instanceof Error ? err.message : String(err);
    await update(deps.store.meetings, programme.id, doc.id, (s) =>
      s.lease?.owner === claim.owner ? withoutLease({ ...s, problem, updatedAt: nowIso }) : s,
    ).catch(() => undefined);
    if (!(err instanceof InvalidError)) console.error(`${kind} of ${programme.id}: ${problem}`);
  }
}

/** People beyond the attendee limit get the join link by card, once per time of the event. */
async function sendLinks(
  deps: BookingDeps,
  programme: Programme,
  doc: MeetingSeries,
  everyone: string[],
  report: EventsReport,
): Promise<void> {
  const invited = new Set(doc.attendees);
  const rest = everyone.filter((id) => !invited.has(id));
  const start = doc.occurrences[0]?.start;
  if (!rest.length || !doc.joinUrl || !start) return;
  // Told already about this time: not queued again every run (a new time is told to everyone again).
  const told = new Set(doc.linkedFor === start ? (doc.linked ?? []) : []);
  const todo = rest.filter((id) => !told.has(id));
  if (!todo.length) return;
  const { queued } = await deps.messenger.send(
    todo.map((recipient) => ({
      type: 'programme-event' as const,
      recipient,
      programmeId: programme.id,
      params: { programmeId: programme.id, seriesId: doc.id, kind: doc.kind, start },
      dedupeKey: `programme-event:${doc.id}:${start}:${recipient}`,
    })),
  );
  report.linked += queued;
  const linked = [...new Set([...told, ...todo])].sort();
  await update(deps.store.meetings, programme.id, doc.id, (s) => ({ ...s, linked, linkedFor: start }));
}

/**
 * Books the kick-off and closing of a programme whose pairs are published, or brings them up to date
 * (attendees, time); idempotent. Events already past are left as they are.
 */
export async function bookProgrammeEvents(deps: BookingDeps, programmeId: string): Promise<EventsReport> {
  const report: EventsReport = { booked: 0, updated: 0, linked: 0, failed: 0 };
  const programme = await deps.store.programmes.get(programmeId, programmeId);
  if (!programme.publishedAt || programme.phase === 'closed') return report;
  const now = deps.clock.now().getTime();
  const due = (
    [
      ['kickoff', programme.kickoffAt],
      ['closing', programme.closingAt],
    ] as const
  ).filter((e): e is readonly [Kind, string] => Boolean(e[1] && Date.parse(e[1]) > now));
  if (!due.length) return report;
  const everyone = await invitees(deps, programmeId);
  if (!everyone.length) return report;
  // NOTE: programmes booked before one event per kind (chunks `<id>-<kind>-<n>`) keep their events as
  // they are; booking one more would invite people twice.
  const legacy = new Set(
    (await toArray(deps.store.meetings.all(programmeId, { where: { kind: ['kickoff', 'closing'] } })))
      .filter((m) => m.status !== 'cancelled' && /-\d+$/.test(m.id))
      .map((m) => m.kind),
  );
  for (const [kind, at] of due) if (!legacy.has(kind)) await syncEvent(deps, programme, kind, at, everyone, report);
  return report;
}
