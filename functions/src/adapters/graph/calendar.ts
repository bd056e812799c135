import type { CalendarEvent, CalendarPort, EventOccurrence, MailboxInfo, ScheduleInfo } from '../../ports/calendar';
import type { WorkingHours } from '../../core/schedule';
import { GRAPH_DAY, weekdayOfGraphDay } from '../../core/schedule';
import type { Weekday } from '../../core/model';
import type { GraphConnection } from './client';
import { graphStatus, toDomainError } from './errors';
import { runBatch } from './batch';
import { toIanaZone } from './windows-zones';

/** Our idempotency key on events: a single-value extended property that Graph can filter on. */
export const TANDEM_KEY_PROPERTY = 'String {6b3c6f8e-2f4a-4f5e-9a51-7d1f0f3c2a10} Name TandemKey';

type Json = Record<string, unknown>;

const user = (id: string) => `/users/${encodeURIComponent(id)}`;

/** "08:00:00.0000000" → "08:00". */
function hhmm(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{2}:\d{2}/.test(value) ? value.slice(0, 5) : undefined;
}

/** Graph dateTime (no offset; UTC unless told otherwise) → ISO instant. */
function instant(value: unknown): string {
  const dt = (value as { dateTime?: string })?.dateTime ?? '';
  return new Date(/[zZ]|[+-]\d{2}:\d{2}$/.test(dt) ? dt : `${dt}Z`).toISOString();
}

export function parseWorkingHours(raw: unknown, fallbackZone?: string): WorkingHours | undefined {
  const wh = raw as { daysOfWeek?: unknown; startTime?: unknown; endTime?: unknown; timeZone?: { name?: string } };
  if (!wh || !Array.isArray(wh.daysOfWeek)) return undefined;
  const start = hhmm(wh.startTime);
  const end = hhmm(wh.endTime);
  const timeZone = toIanaZone(wh.timeZone?.name) ?? fallbackZone;
  if (!start || !end || !timeZone) return undefined;
  const days = wh.daysOfWeek.map((d) => weekdayOfGraphDay(String(d))).filter((d): d is Weekday => Boolean(d));
  return { days, start, end, timeZone };
}

/** Wall-clock date and time plus minutes, as Graph's zone-less dateTime text. */
function addMinutes(date: string, time: string, minutes: number): string {
  const t = new Date(Date.parse(`${date}T${time}:00.000Z`) + minutes * 60_000);
  return t.toISOString().slice(0, 19);
}

function toEvent(body: Json): CalendarEvent {
  const joinUrl = (body.onlineMeeting as { joinUrl?: string } | null)?.joinUrl;
  return { id: String(body.id), ...(joinUrl ? { joinUrl } : {}) };
}

/** The calendar port on Microsoft Graph (application permission Calendars.ReadWrite). */
export function graphCalendar(conn: GraphConnection): CalendarPort {
  const api = (path: string) => conn.client.api(path);
  return {
    async mailboxSettings(userIds) {
      const out = new Map<string, MailboxInfo>();
      if (!userIds.length) return out;
      let answers;
      try {
        answers = await runBatch(
          conn,
          userIds.map((id, i) => ({
            id: String(i),
            method: 'GET' as const,
            url: `${user(id)}/mailboxSettings?$select=timeZone,workingHours`,
          })),
        );
      } catch (err) {
        throw toDomainError(err, 'mailbox settings');
      }
      userIds.forEach((id, i) => {
        const a = answers.get(String(i));
        if (!a || a.status !== 200) return;
        const body = (a.body ?? {}) as { timeZone?: string; workingHours?: unknown };
        const timeZone = toIanaZone(body.timeZone);
        const workingHours = parseWorkingHours(body.workingHours, timeZone);
        out.set(id, { id, ...(timeZone ? { timeZone } : {}), ...(workingHours ? { workingHours } : {}) });
      });
      return out;
    },

    async getSchedule(organizerId, people, start, end, intervalMinutes) {
      let body: { value?: Json[] };
      try {
        body = (await api(`${user(organizerId)}/calendar/getSchedule`).post({
          schedules: people.map((p) => p.mail),
          startTime: { dateTime: start.slice(0, 19), timeZone: 'UTC' },
          endTime: { dateTime: end.slice(0, 19), timeZone: 'UTC' },
          availabilityViewInterval: intervalMinutes,
        })) as { value?: Json[] };
      } catch (err) {
        throw toDomainError(err, 'free/busy (getSchedule)');
      }
      const byMail = new Map(people.map((p) => [p.mail.toLowerCase(), p.id]));
      const out: ScheduleInfo[] = [];
      for (const s of body.value ?? []) {
        const id = byMail.get(String(s.scheduleId ?? '').toLowerCase());
        if (!id) continue;
        const error = (s.error as { message?: string } | undefined)?.message;
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
          .select('id,onlineMeeting')
          .get()) as {
          value?: Json[];
        };
        const first = body.value?.[0];
        return first ? toEvent(first) : undefined;
      } catch (err) {
        throw toDomainError(err, 'looking up an event');
      }
    },

    async createEvent(organizerId, e) {
      const end = addMinutes(e.startDate, e.startTime, e.durationMinutes);
      const payload: Json = {
        subject: e.subject,
        body: { contentType: 'HTML', content: e.bodyHtml },
        start: { dateTime: `${e.startDate}T${e.startTime}:00`, timeZone: e.timeZone },
        end: { dateTime: end, timeZone: e.timeZone },
        attendees: e.attendees.map((a) => ({
          emailAddress: { address: a.mail, ...(a.name ? { name: a.name } : {}) },
          type: 'required',
        })),
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        allowNewTimeProposals: true,
        transactionId: e.transactionId,
        singleValueExtendedProperties: [{ id: TANDEM_KEY_PROPERTY, value: e.key }],
      };
      if (e.recurrence) {
        payload.recurrence = {
          pattern: {
            type: 'weekly',
            interval: e.recurrence.intervalWeeks,
            daysOfWeek: [GRAPH_DAY[e.recurrence.weekday]],
            firstDayOfWeek: 'monday',
          },
          range: {
            type: 'numbered',
            startDate: e.startDate,
            numberOfOccurrences: e.recurrence.count,
            recurrenceTimeZone: e.timeZone,
          },
        };
      }
      try {
        return toEvent((await api(`${user(organizerId)}/events`).post(payload)) as Json);
      } catch (err) {
        throw toDomainError(err, 'creating the meeting');
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
          const body = (await request.get()) as { value?: Json[]; '@odata.nextLink'?: string };
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
