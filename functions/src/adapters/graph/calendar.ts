import type { Attendee, Calendar, DayOfWeek, Event, ScheduleInformation } from '@microsoft/microsoft-graph-types';
import type { CalendarEvent, CalendarPort, EventOccurrence, ScheduleInfo } from '../../ports/calendar';
import { GRAPH_DAY } from '../../core/schedule';
import { InvalidError } from '../../core/errors';
import type { GraphConnection } from './client';
import { graphStatus, toDomainError } from './errors';
import { runBatch } from './batch';
import { windowsZoneOf } from './windows-zones';
import { instant, parseWorkingHours, readMailboxSettings } from './calendar-mailbox';

/** Our idempotency key on events: a single-value extended property that Graph can filter on. */
export const TANDEM_KEY_PROPERTY = 'String {6b3c6f8e-2f4a-4f5e-9a51-7d1f0f3c2a10} Name TandemKey';

/** A page of a Graph collection. */
interface GraphList<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

const user = (id: string) => `/users/${encodeURIComponent(id)}`;

/** What Tandem reads back from an event: its id and whether it carries a Teams meeting. */
const EVENT_FIELDS = 'id,isOnlineMeeting,onlineMeetingProvider,onlineMeeting';

/** Wall-clock date and time plus minutes, as Graph's zone-less dateTime text. */
function attendeesOf(people: readonly { mail: string; name?: string }[]): Attendee[] {
  return people.map((a) => ({
    emailAddress: { address: a.mail, ...(a.name ? { name: a.name } : {}) },
    type: 'required',
  }));
}

function addMinutes(date: string, time: string, minutes: number): string {
  const t = new Date(Date.parse(`${date}T${time}:00.000Z`) + minutes * 60_000);
  return t.toISOString().slice(0, 19);
}

/**
 * NOTE: Graph answers 201 with `isOnlineMeeting: false` (provider "unknown", no onlineMeeting) when
 * the organiser's calendar does not allow Teams, so "created" does not mean "a Teams meeting".
 */
function toEvent(body: Event): CalendarEvent {
  const joinUrl = body.onlineMeeting?.joinUrl ?? undefined;
  const teamsMeeting =
    body.isOnlineMeeting === true && body.onlineMeetingProvider === 'teamsForBusiness' && Boolean(joinUrl);
  return { id: String(body.id), ...(joinUrl ? { joinUrl } : {}), teamsMeeting };
}

/** The calendar port on Microsoft Graph (application permission Calendars.ReadWrite). */
export function graphCalendar(conn: GraphConnection): CalendarPort {
  const api = (path: string) => conn.client.api(path);
  return {
    mailboxSettings: (userIds) => readMailboxSettings(conn, userIds),

    async onlineMeetingProviders(organizerId) {
      try {
        const body = (await api(`${user(organizerId)}/calendar`)
          .select('allowedOnlineMeetingProviders,defaultOnlineMeetingProvider')
          .get()) as Calendar;
        const allowed = Array.isArray(body.allowedOnlineMeetingProviders)
          ? body.allowedOnlineMeetingProviders.map(String)
          : [];
        const fallback = body.defaultOnlineMeetingProvider;
        return { allowed, ...(typeof fallback === 'string' ? { default: fallback } : {}) };
      } catch (err) {
        throw toDomainError(err, 'the organiser’s calendar');
      }
    },

    async getSchedule(organizerId, people, start, end, intervalMinutes) {
      let body: GraphList<ScheduleInformation>;
      try {
        body = (await api(`${user(organizerId)}/calendar/getSchedule`).post({
          schedules: people.map((p) => p.mail),
          startTime: { dateTime: start.slice(0, 19), timeZone: 'UTC' },
          endTime: { dateTime: end.slice(0, 19), timeZone: 'UTC' },
          availabilityViewInterval: intervalMinutes,
        })) as GraphList<ScheduleInformation>;
      } catch (err) {
        throw toDomainError(err, 'free/busy (getSchedule)');
      }
      const byMail = new Map(people.map((p) => [p.mail.toLowerCase(), p.id]));
      const out: ScheduleInfo[] = [];
      for (const s of body.value ?? []) {
        const id = byMail.get(String(s.scheduleId ?? '').toLowerCase());
        if (!id) continue;
        const error = s.error?.message ?? undefined;
        const workingHours = parseWorkingHours(s.workingHours);
        out.push({
          id,
          start: new Date(Date.parse(start)).toISOString(),
          intervalMinutes,
          view: typeof s.availabilityView === 'string' ? s.availabilityView : '',
          ...(workingHours ? { workingHours } : {}),
          ...(error ? { error } : {}),
        });
      }
      return out;
    },

    async findEvent(organizerId, key) {
      const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${TANDEM_KEY_PROPERTY}' and ep/value eq '${key.replace(/'/g, "''")}')`;
      try {
        const body = (await api(`${user(organizerId)}/events`)
          .filter(filter)
          .select(EVENT_FIELDS)
          .get()) as GraphList<Event>;
        const first = body.value?.[0];
        return first ? toEvent(first) : undefined;
      } catch (err) {
        throw toDomainError(err, 'looking up an event');
      }
    },

    async createEvent(organizerId, e) {
      // Graph takes Windows zone ids (and a short list of IANA names): always send the Windows id.
      const timeZone = windowsZoneOf(e.timeZone);
      if (!timeZone)
        throw new InvalidError(
          `The time zone "${e.timeZone}" has no Windows equivalent that Outlook accepts, so the meeting cannot be booked in it; set the person's time zone in Outlook (or on their enrolment) to a supported one.`,
          { timeZone: ['no Windows time zone id'] },
        );
      const end = addMinutes(e.startDate, e.startTime, e.durationMinutes);
      const payload: Event & { transactionId: string } = {
        subject: e.subject,
        body: { contentType: 'html', content: e.bodyHtml },
        start: { dateTime: `${e.startDate}T${e.startTime}:00`, timeZone },
        end: { dateTime: end, timeZone },
        attendees: attendeesOf(e.attendees),
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        // NOTE: Graph's default is true; a proposal to an unattended programme mailbox (or to a series
        // Tandem tracks) would go unread. People move sessions in Tandem (tab, bot) instead.
        allowNewTimeProposals: false,
        transactionId: e.transactionId,
        singleValueExtendedProperties: [{ id: TANDEM_KEY_PROPERTY, value: e.key }],
      };
      if (e.recurrence) {
        payload.recurrence = {
          pattern: {
            type: 'weekly',
            interval: e.recurrence.intervalWeeks,
            daysOfWeek: [GRAPH_DAY[e.recurrence.weekday] as DayOfWeek],
            firstDayOfWeek: 'monday',
          },
          range: {
            type: 'numbered',
            startDate: e.startDate,
            numberOfOccurrences: e.recurrence.count,
            recurrenceTimeZone: timeZone,
          },
        };
      }
      try {
        return toEvent((await api(`${user(organizerId)}/events`).post(payload)) as Event);
      } catch (err) {
        throw toDomainError(err, 'creating the meeting');
      }
    },

    async addTeamsMeeting(organizerId, eventId) {
      try {
        const path = `${user(organizerId)}/events/${encodeURIComponent(eventId)}`;
        const patched = (await api(path).patch({
          isOnlineMeeting: true,
          onlineMeetingProvider: 'teamsForBusiness',
        })) as Event | undefined;
        // A PATCH may answer 200 with the event or 204 without a body: then read it back.
        return toEvent(patched?.id ? patched : ((await api(path).select(EVENT_FIELDS).get()) as Event));
      } catch (err) {
        throw toDomainError(err, 'adding the Teams meeting');
      }
    },

    async occurrences(organizerId, eventId, from, to) {
      const out: EventOccurrence[] = [];
      let link: string | undefined;
      try {
        do {
          const request = link
            ? api(link)
            : api(`${user(organizerId)}/events/${encodeURIComponent(eventId)}/instances`)
                .query({ startDateTime: from, endDateTime: to })
                .select('id,start,end')
                .top(100);
          const body = (await request.get()) as GraphList<Event>;
          for (const o of body.value ?? [])
            out.push({ id: String(o.id), start: instant(o.start), end: instant(o.end) });
          link = body['@odata.nextLink'];
          if (link && !conn.ownsLink(link)) link = undefined;
        } while (link);
      } catch (err) {
        throw toDomainError(err, 'the sessions of a series');
      }
      return out;
    },

    async moveEvent(organizerId, eventId, start, end) {
      try {
        await api(`${user(organizerId)}/events/${encodeURIComponent(eventId)}`).patch({
          start: { dateTime: start.slice(0, 19), timeZone: 'UTC' },
          end: { dateTime: end.slice(0, 19), timeZone: 'UTC' },
        });
      } catch (err) {
        throw toDomainError(err, 'moving a session');
      }
    },

    async updateEvent(organizerId, eventId, change) {
      const payload: Event = {};
      if (change.subject !== undefined) payload.subject = change.subject;
      if (change.bodyHtml !== undefined) payload.body = { contentType: 'html', content: change.bodyHtml };
      if (change.attendees) payload.attendees = attendeesOf(change.attendees);
      if (change.startDate && change.startTime && change.durationMinutes && change.timeZone) {
        const timeZone = windowsZoneOf(change.timeZone);
        if (!timeZone)
          throw new InvalidError(`The time zone "${change.timeZone}" has no Windows equivalent that Outlook accepts.`, {
            timeZone: ['no Windows time zone id'],
          });
        payload.start = { dateTime: `${change.startDate}T${change.startTime}:00`, timeZone };
        payload.end = { dateTime: addMinutes(change.startDate, change.startTime, change.durationMinutes), timeZone };
      }
      try {
        await api(`${user(organizerId)}/events/${encodeURIComponent(eventId)}`).patch(payload);
      } catch (err) {
        throw toDomainError(err, 'updating the meeting');
      }
    },

    async cancelEvents(organizerId, eventIds, comment) {
      if (eventIds.length === 1) {
        try {
          await api(`${user(organizerId)}/events/${encodeURIComponent(eventIds[0] as string)}/cancel`).post({
            comment,
          });
        } catch (err) {
          if (graphStatus(err) !== 404) throw toDomainError(err, 'cancelling the meeting');
        }
        return;
      }
      const answers = await runBatch(
        conn,
        eventIds.map((id, i) => ({
          id: String(i),
          method: 'POST' as const,
          url: `${user(organizerId)}/events/${encodeURIComponent(id)}/cancel`,
          body: { comment },
        })),
      );
      const failed = [...answers.values()].filter((a) => a.status >= 300 && a.status !== 404);
      if (failed.length)
        throw toDomainError({ statusCode: failed[0]?.status }, `cancelling ${failed.length} session(s)`);
    },
  };
}
