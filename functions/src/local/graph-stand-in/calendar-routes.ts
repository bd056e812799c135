import type { Attendee, Calendar, DayOfWeek, Event, ScheduleInformation } from '@microsoft/microsoft-graph-types';
import type { Answer, StandInRequest } from './odata';
import { badRequest, graphDateTime, notFound, ok, odataError } from './odata';
import type { AttendeeAnswer, CalendarState, Instance, StandInEvent } from './calendar-state';
import type { DirectoryState, StandInUser } from './directory-state';
import { toWindowsZone } from '../../adapters/graph/windows-zones';
import { isAnswer, parseDtz, timeZoneNotSupported, zoneOf } from './calendar-zones';
import { GRAPH_DAY, utcToZoned, weekdayOfGraphDay, zonedToUtc } from '../../core/schedule';
import type { Weekday } from '../../core/model';

/** A request body as sent: Graph's shape, checked field by field before use (it is input). */
type Json = Record<string, unknown>;
const DAY = 86_400_000;

/** Graph: "The maximum number of attendees included in an event … is 500" (event resource). */
export const MAX_ATTENDEES = 500;

export function calendarRoutes(
  baseUrl: string,
  dir: DirectoryState,
  cal: CalendarState,
  counts: { eventsCreated: number },
) {
  /** Attendees as the organiser's copy shows them: each answer (of this occurrence, else the series). */
  const attendeesJson = (e: StandInEvent, occurrenceId?: string): Attendee[] =>
    e.attendees.map((a) => {
      const answer = cal.answerOf(e, occurrenceId, a.address);
      const proposed = answer?.proposedNewTime;
      return {
        emailAddress: a,
        type: 'required',
        status: { response: answer?.response ?? 'none', time: '0001-01-01T00:00:00Z' },
        ...(proposed
          ? {
              proposedNewTime: {
                start: { dateTime: graphDateTime(proposed.start), timeZone: 'UTC' },
                end: { dateTime: graphDateTime(proposed.end), timeZone: 'UTC' },
              },
            }
          : {}),
      };
    });

  /** One occurrence of a series (an `exception` once moved or answered on its own). */
  const occurrenceResource = (e: StandInEvent, i: Instance, organizer: StandInUser): Event => ({
    id: i.id,
    subject: e.subject,
    type: e.moved.has(i.id) || e.responses?.byOccurrence.has(i.id) ? 'exception' : 'occurrence',
    seriesMasterId: e.id,
    start: { dateTime: graphDateTime(i.start), timeZone: 'UTC' },
    end: { dateTime: graphDateTime(i.end), timeZone: 'UTC' },
    isCancelled: false,
    allowNewTimeProposals: e.allowNewTimeProposals !== false,
    isOnlineMeeting: Boolean(e.joinUrl),
    onlineMeeting: e.joinUrl ? { joinUrl: e.joinUrl } : null,
    organizer: { emailAddress: { address: organizer.mail, name: organizer.displayName } },
    attendees: attendeesJson(e, i.id),
  });

  const resource = (e: StandInEvent, organizer: StandInUser): Event => {
    const first = cal.instances(e)[0];
    const start = first?.start ?? zonedToUtc(e.startDate, e.startTime, e.timeZone);
    return {
      id: e.id,
      subject: e.subject,
      type: e.recurrence ? 'seriesMaster' : 'singleInstance',
      start: { dateTime: graphDateTime(start), timeZone: 'UTC' },
      end: { dateTime: graphDateTime(start + e.durationMinutes * 60_000), timeZone: 'UTC' },
      isOnlineMeeting: Boolean(e.joinUrl),
      onlineMeetingProvider: e.joinUrl ? 'teamsForBusiness' : 'unknown',
      onlineMeeting: e.joinUrl ? { joinUrl: e.joinUrl } : null,
      organizer: { emailAddress: { address: organizer.mail, name: organizer.displayName } },
      attendees: attendeesJson(e),
      isCancelled: false,
      ...(e.transactionId ? { transactionId: e.transactionId } : {}),
      allowNewTimeProposals: e.allowNewTimeProposals !== false,
      ...(e.recurrence
        ? {
            recurrence: {
              pattern: {
                type: 'weekly',
                interval: e.recurrence.intervalWeeks,
                // Graph names the day in full ("monday"), not as Tandem's model does ("mon").
                daysOfWeek: [GRAPH_DAY[e.recurrence.weekday] as DayOfWeek],
                firstDayOfWeek: 'monday',
              },
              range: {
                type: 'numbered',
                startDate: e.startDate,
                numberOfOccurrences: e.recurrence.count,
                recurrenceTimeZone: e.zoneName,
              },
            },
          }
        : {}),
    };
  };

  /** A Teams join URL when the event asks for one and the organiser's calendar allows Teams (else Graph still says 201). */
  const teamsLink = (organizer: StandInUser, body: Event, id: string): { joinUrl?: string } => {
    const provider = body.onlineMeetingProvider ?? 'teamsForBusiness';
    const wanted = body.isOnlineMeeting === true && provider === 'teamsForBusiness';
    return wanted && cal.allowedProviders(organizer.id).includes('teamsForBusiness')
      ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/stand-in-${id}` }
      : {};
  };

  const attendeesIn = (body: Event) =>
    (Array.isArray(body.attendees) ? body.attendees : [])
      .map((a) => a?.emailAddress)
      .filter((a): a is { address: string; name?: string } => typeof a?.address === 'string')
      .map((a) => ({ address: a.address, ...(typeof a.name === 'string' ? { name: a.name } : {}) }));
  const bodyOf = (body: Event): { body?: string } => {
    const content = body.body?.content;
    return typeof content === 'string' ? { body: content } : {};
  };
  const create = (organizer: StandInUser, body: Event): Answer => {
    const start = parseDtz(body.start);
    const end = parseDtz(body.end);
    if (typeof body.subject !== 'string') return badRequest('The event needs a subject.');
    if (isAnswer(start)) return start;
    if (isAnswer(end)) return end;
    if (!start || !end) return badRequest('start and end need dateTime and timeZone.');
    if (end.instant <= start.instant) return badRequest('The end of the event must be after its start.');
    if (typeof body.transactionId === 'string') {
      const now = Date.now();
      for (const e of cal.events.values())
        if (
          e.organizerId === organizer.id &&
          e.transactionId === body.transactionId &&
          now - e.createdAt < cal.transactionIdMemoryMs
        )
          return ok(resource(e, organizer), 201);
    }
    let recurrence: StandInEvent['recurrence'];
    if (body.recurrence) {
      const r = body.recurrence;
      const day = Array.isArray(r.pattern?.daysOfWeek)
        ? weekdayOfGraphDay(String(r.pattern?.daysOfWeek[0]))
        : undefined;
      const count = Number(r.range?.numberOfOccurrences);
      const interval = Number(r.pattern?.interval);
      if (
        r.pattern?.type !== 'weekly' ||
        !day ||
        r.range?.type !== 'numbered' ||
        !(count >= 1) ||
        !(interval >= 1) ||
        !r.pattern?.firstDayOfWeek
      )
        return badRequest(
          'The stand-in supports weekly recurrence (daysOfWeek, interval, firstDayOfWeek) with a numbered range.',
        );
      if (r.range?.startDate !== start.date)
        return badRequest('The recurrence range must start on the date of the event start.');
      const recurrenceZone = r.range?.recurrenceTimeZone;
      if (recurrenceZone !== undefined && (typeof recurrenceZone !== 'string' || !zoneOf(recurrenceZone)))
        return timeZoneNotSupported(String(recurrenceZone));
      recurrence = { intervalWeeks: interval, weekday: day as Weekday, count };
    }
    const properties: Record<string, string> = {};
    for (const p of Array.isArray(body.singleValueExtendedProperties) ? body.singleValueExtendedProperties : [])
      if (p?.id && typeof p.value === 'string') properties[p.id.toLowerCase()] = p.value;
    const id = cal.nextId();
    if (Array.isArray(body.attendees) && body.attendees.length > MAX_ATTENDEES)
      return badRequest(`An event can have at most ${MAX_ATTENDEES} attendees.`);
    const attendees = attendeesIn(body);
    const event: StandInEvent = {
      id,
      organizerId: organizer.id,
      subject: body.subject,
      startDate: start.date,
      startTime: start.time,
      durationMinutes: Math.round((end.instant - start.instant) / 60_000),
      timeZone: start.zone,
      zoneName: start.zoneName,
      attendees,
      ...(recurrence ? { recurrence } : {}),
      ...(typeof body.transactionId === 'string' ? { transactionId: body.transactionId } : {}),
      // Graph's default is true: attendees may propose another time unless the organiser says no.
      allowNewTimeProposals: body.allowNewTimeProposals !== false,
      ...bodyOf(body),
      createdAt: Date.now(),
      properties,
      ...teamsLink(organizer, body, id),
      cancelled: new Set(),
      moved: new Map(),
    };
    cal.events.set(id, event);
    counts.eventsCreated++;
    cal.onChange?.(organizer.id, id, 'created');
    return ok(resource(event, organizer), 201);
  };

  /** The organiser's default calendar (`GET /users/{id}/calendar`), honouring `$select`. */
  const calendarResource = (organizer: StandInUser, query: URLSearchParams): Calendar => {
    const allowed = cal.allowedProviders(organizer.id);
    const full: Calendar = {
      id: `calendar-${organizer.id}`,
      name: 'Calendar',
      canEdit: true,
      isDefaultCalendar: true,
      allowedOnlineMeetingProviders: allowed,
      defaultOnlineMeetingProvider: allowed.includes('teamsForBusiness')
        ? 'teamsForBusiness'
        : (allowed[0] ?? 'unknown'),
      owner: { name: organizer.displayName, address: organizer.mail },
    };
    const select = (query.get('$select') ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    return select.length
      ? Object.fromEntries(Object.entries(full).filter(([k]) => k === 'id' || select.includes(k)))
      : full;
  };

  const eventOf = (organizer: StandInUser, id: string): { master: StandInEvent; occurrence?: string } | undefined => {
    const master = cal.masterOf(id);
    if (!master || master.organizerId !== organizer.id) return undefined;
    if (id === master.id) return { master };
    return cal.instances(master).some((i) => i.id === id) ? { master, occurrence: id } : undefined;
  };

  const getSchedule = (body: Json): Answer => {
    const schedules = Array.isArray(body.schedules) ? (body.schedules as unknown[]).map(String) : [];
    if (!schedules.length) return badRequest('schedules is required.');
    if (schedules.length > 20) return badRequest('getSchedule supports at most 20 schedules at once.');
    const start = parseDtz(body.startTime);
    const end = parseDtz(body.endTime);
    if (isAnswer(start)) return start;
    if (isAnswer(end)) return end;
    if (!start || !end || end.instant <= start.instant)
      return badRequest('startTime and endTime are required, end after start.');
    if (end.instant - start.instant >= 62 * DAY)
      return odataError(400, 'ErrorInvalidParameter', 'The requested time period must be less than 62 days.');
    const interval = Number(body.availabilityViewInterval ?? 30);
    if (!Number.isInteger(interval) || interval < 5 || interval > 1440)
      return badRequest('availabilityViewInterval must be 5 to 1440.');
    return ok({
      value: schedules.map((scheduleId): ScheduleInformation => {
        const u = dir.findByIdOrMail(scheduleId);
        if (!u)
          return {
            scheduleId,
            availabilityView: '',
            error: { message: `The mailbox ${scheduleId} was not found.`, responseCode: 'ErrorMailRecipientNotFound' },
          };
        const busy = cal.busy(u, start.instant, end.instant);
        return {
          scheduleId,
          availabilityView: cal.availabilityView(u, start.instant, end.instant, interval),
          scheduleItems: busy.map((b) => ({
            status: 'busy',
            start: { dateTime: graphDateTime(b.start), timeZone: 'UTC' },
            end: { dateTime: graphDateTime(b.end), timeZone: 'UTC' },
          })),
          workingHours: cal.workingHours(u, toWindowsZone(u.timeZone)),
        };
      }),
    });
  };

  /**
   * An attendee answers from their own calendar (accept, tentativelyAccept, decline), for the series or
   * one occurrence, maybe proposing another time. NOTE: in Graph the attendee's copy has its own id;
   * the stand-in lets the attendee use the organiser's ids, which is all a test or a local user needs.
   */
  const respond = (attendee: StandInUser, id: string, response: AttendeeAnswer['response'], body: Json): Answer => {
    const master = cal.masterOf(id);
    const mail = attendee.mail.toLowerCase();
    const notFoundAnswer = odataError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    if (!master) return notFoundAnswer;
    if (master.organizerId === attendee.id)
      return odataError(400, 'ErrorInvalidRequest', 'The organizer of a meeting cannot respond to it.');
    if (!master.attendees.some((a) => a.address.toLowerCase() === mail)) return notFoundAnswer;
    if (id !== master.id && !cal.instances(master).some((i) => i.id === id)) return notFoundAnswer;
    let proposedNewTime: AttendeeAnswer['proposedNewTime'];
    if (body.proposedNewTime !== undefined) {
      if (response === 'accepted')
        return badRequest('proposedNewTime can be given with decline or tentativelyAccept only.');
      if (master.allowNewTimeProposals === false)
        return odataError(
          400,
          'ErrorInvalidRequest',
          'The organizer does not allow new time proposals for this meeting.',
        );
      const slot = body.proposedNewTime as { start?: unknown; end?: unknown };
      const start = parseDtz(slot.start);
      const end = parseDtz(slot.end);
      if (isAnswer(start)) return start;
      if (isAnswer(end)) return end;
      if (!start || !end || end.instant <= start.instant)
        return badRequest('proposedNewTime needs a start before its end.');
      proposedNewTime = { start: start.instant, end: end.instant };
    }
    cal.answer(master, id === master.id ? undefined : id, mail, {
      response,
      ...(proposedNewTime ? { proposedNewTime } : {}),
    });
    cal.onChange?.(master.organizerId, id, 'updated');
    return { status: 202 };
  };

  return (req: StandInRequest, parts: string[]): Answer | undefined => {
    if (parts[0] !== 'users' || !parts[1]) return undefined;
    const organizer = dir.findByIdOrMail(decodeURIComponent(parts[1]));
    let rest = parts.slice(2);
    if (rest[0] === 'calendar' && rest[1] === 'getSchedule' && req.method === 'POST') {
      if (!organizer) return notFound(parts[1]);
      return getSchedule((req.body ?? {}) as Json);
    }
    if (rest[0] === 'calendar' && rest.length === 1 && req.method === 'GET') {
      if (!organizer) return notFound(parts[1]);
      return ok(calendarResource(organizer, req.query));
    }
    if (rest[0] === 'calendar' && rest[1] === 'events') rest = rest.slice(1);
    if (rest[0] !== 'events') return undefined;
    if (!organizer) return notFound(parts[1]);
    const id = rest[1] ? decodeURIComponent(rest[1]) : undefined;
    if (!id) {
      if (req.method === 'POST') return create(organizer, (req.body ?? {}) as Event);
      if (req.method !== 'GET') return undefined;
      let list = [...cal.events.values()].filter((e) => e.organizerId === organizer.id);
      const filter = req.query.get('$filter');
      if (filter) {
        const m = /ep\/id eq '([^']*)' and ep\/value eq '((?:[^']|'')*)'/i.exec(filter);
        if (!m) return badRequest(`The stand-in does not support this filter: ${filter}`);
        const [, propId, value] = m as unknown as [string, string, string];
        list = list.filter((e) => e.properties[propId.toLowerCase()] === value.replace(/''/g, "'"));
      }
      return ok({ value: list.map((e) => resource(e, organizer)) });
    }
    const action = rest[2];
    const answer = action && Object.hasOwn(RESPONSE_ACTIONS, action) ? RESPONSE_ACTIONS[action] : undefined;
    if (answer && req.method === 'POST') return respond(organizer, id, answer, (req.body ?? {}) as Json);
    const found = eventOf(organizer, id);
    if (!found) return odataError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    if (!action) {
      if (req.method === 'GET') {
        const occurrence = found.occurrence && cal.instances(found.master).find((i) => i.id === found.occurrence);
        return ok(
          occurrence ? occurrenceResource(found.master, occurrence, organizer) : resource(found.master, organizer),
        );
      }
      if (req.method === 'DELETE') {
        if (found.occurrence) found.master.cancelled.add(found.occurrence);
        else cal.events.delete(found.master.id);
        cal.onChange?.(organizer.id, id, 'deleted');
        return { status: 204 };
      }
      if (req.method === 'PATCH') {
        const body = (req.body ?? {}) as Event;
        if (found.occurrence) {
          const start = parseDtz(body.start);
          const end = parseDtz(body.end);
          if (isAnswer(start)) return start;
          if (isAnswer(end)) return end;
          if (!start || !end || end.instant <= start.instant)
            return badRequest('start and end are required, end after start.');
          found.master.moved.set(found.occurrence, { start: start.instant, end: end.instant });
        } else {
          if (typeof body.subject === 'string') found.master.subject = body.subject;
          Object.assign(found.master, bodyOf(body));
          if (Array.isArray(body.attendees)) {
            // Graph's limit for one event: 500 attendees (event resource, Microsoft Learn).
            if (body.attendees.length > MAX_ATTENDEES)
              return badRequest(`An event can have at most ${MAX_ATTENDEES} attendees.`);
            found.master.attendees = attendeesIn(body);
          }
          if (body.start || body.end) {
            if (found.master.recurrence) return badRequest('The stand-in moves single events or occurrences only.');
            const start = parseDtz(body.start);
            const end = parseDtz(body.end);
            if (isAnswer(start)) return start;
            if (isAnswer(end)) return end;
            if (!start || !end || end.instant <= start.instant)
              return badRequest('start and end are required, end after start.');
            Object.assign(found.master, {
              startDate: start.date,
              startTime: start.time,
              durationMinutes: Math.round((end.instant - start.instant) / 60_000),
              timeZone: start.zone,
              zoneName: start.zoneName,
            });
            found.master.updates = (found.master.updates ?? 0) + 1;
          }
          // Once online, a meeting stays online; asking again gets a link only if Teams is allowed now.
          if (!found.master.joinUrl) Object.assign(found.master, teamsLink(organizer, body, found.master.id));
        }
        cal.onChange?.(organizer.id, id, 'updated');
        return ok(resource(found.master, organizer));
      }
      return undefined;
    }
    if (action === 'cancel' && req.method === 'POST') {
      const comment = ((req.body ?? {}) as Json).comment;
      cal.cancellations.push({
        eventId: found.master.id,
        subject: found.master.subject,
        ...(found.occurrence ? { occurrence: found.occurrence } : {}),
        ...(typeof comment === 'string' ? { comment } : {}),
      });
      if (found.occurrence) found.master.cancelled.add(found.occurrence);
      else cal.events.delete(found.master.id);
      cal.onChange?.(organizer.id, id, 'deleted');
      return { status: 202 };
    }
    if (action === 'instances' && req.method === 'GET') {
      const from = Date.parse(req.query.get('startDateTime') ?? '');
      const to = Date.parse(req.query.get('endDateTime') ?? '');
      if (Number.isNaN(from) || Number.isNaN(to)) return badRequest('startDateTime and endDateTime are required.');
      const value = cal
        .instances(found.master)
        .filter((i) => i.end > from && i.start < to)
        .map((i) => occurrenceResource(found.master, i, organizer));
      return ok({ value });
    }
    return undefined;
  };
}

/** Graph's three answers to a meeting, by the action that gives them. */
const RESPONSE_ACTIONS: Record<string, AttendeeAnswer['response']> = {
  accept: 'accepted',
  tentativelyAccept: 'tentativelyAccepted',
  decline: 'declined',
};

export { utcToZoned };
