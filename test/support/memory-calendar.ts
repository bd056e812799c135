/**
 * An in-memory CalendarPort for use-case tests: every mailbox readable and free, Teams allowed, events
 * kept in a map and found again by their idempotency key (as Graph finds them by Tandem's extended
 * property). The real booking use cases (app/book-series.ts) run over it unchanged; the Graph rules
 * themselves (permissions, throttling, zones) are the Graph stand-in's, tested in test/integration/graph.
 */
import type {
  CalendarEvent,
  CalendarPort,
  EventChange,
  EventOccurrence,
  MailboxInfo,
  NewEvent,
  ScheduleInfo,
} from '../../functions/src/ports/calendar';
import { addDays, zonedToUtc } from '../../functions/src/core/schedule';

/** An event as the double holds it. */
export interface MemoryEvent {
  id: string;
  organizerId: string;
  request: NewEvent;
  cancelled: boolean;
  /** Single occurrences (by id) cancelled with a comment. */
  cancelledIds: string[];
}

export interface MemoryCalendar extends CalendarPort {
  /** Every event ever created, in order. */
  events: MemoryEvent[];
  /** How often createEvent was called (a second call for the same key would be a double booking). */
  creates(): number;
  /**
   * How long finding and creating an event take (default 0). A race is only a race when the calls
   * take time, as Graph's do: concurrent attempts then all look before any of them books.
   */
  latencyMs: number;
}

const TEAMS = 'teamsForBusiness';

export function memoryCalendar(options: { timeZone?: string } = {}): MemoryCalendar {
  const events: MemoryEvent[] = [];
  const asEvent = (e: MemoryEvent): CalendarEvent => ({
    id: e.id,
    teamsMeeting: true,
    joinUrl: `https://teams.example/join/${e.id}`,
  });
  const wait = () =>
    calendar.latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, calendar.latencyMs)) : Promise.resolve();
  const byId = (eventId: string): MemoryEvent | undefined =>
    events.find((e) => e.id === eventId || eventId.startsWith(`${e.id}-occ-`));
  const calendar: MemoryCalendar = {
    events,
    latencyMs: 0,
    creates: () => events.length,
    async mailboxSettings(userIds) {
      const timeZone = options.timeZone ?? 'Europe/Berlin';
      return new Map<string, MailboxInfo>(userIds.map((id) => [id, { id, timeZone }]));
    },
    async onlineMeetingProviders() {
      return { allowed: [TEAMS], default: TEAMS };
    },
    async getSchedule(_organizer, people, start, end, intervalMinutes): Promise<ScheduleInfo[]> {
      const slots = Math.ceil((Date.parse(end) - Date.parse(start)) / (intervalMinutes * 60_000));
      return people.map((p) => ({ id: p.id, start, intervalMinutes, view: '0'.repeat(slots) }));
    },
    async findEvent(organizerId, key) {
      await wait();
      const found = events.find((e) => e.organizerId === organizerId && e.request.key === key && !e.cancelled);
      return found ? asEvent(found) : undefined;
    },
    async createEvent(organizerId, request) {
      await wait();
      const event: MemoryEvent = {
        id: `event-${events.length + 1}`,
        organizerId,
        request,
        cancelled: false,
        cancelledIds: [],
      };
      events.push(event);
      return asEvent(event);
    },
    async addTeamsMeeting(_organizerId, eventId) {
      const found = byId(eventId);
      if (!found) throw new Error(`No event ${eventId}.`);
      return asEvent(found);
    },
    // The instances of a series as Graph lists them: one per recurrence, at the wall-clock time in its zone.
    async occurrences(_organizerId, eventId, from, to): Promise<EventOccurrence[]> {
      const found = byId(eventId);
      if (!found) return [];
      const { startDate, startTime, timeZone, durationMinutes, recurrence } = found.request;
      const out: EventOccurrence[] = [];
      for (let k = 0; k < (recurrence?.count ?? 1); k++) {
        const start = zonedToUtc(addDays(startDate, k * 7 * (recurrence?.intervalWeeks ?? 1)), startTime, timeZone);
        const id = `${found.id}-occ-${k}`;
        if (found.cancelledIds.includes(id) || start < Date.parse(from) || start > Date.parse(to)) continue;
        const end = start + durationMinutes * 60_000;
        out.push({ id, start: new Date(start).toISOString(), end: new Date(end).toISOString() });
      }
      return out;
    },
    async moveEvent() {},
    async updateEvent(_organizerId, eventId, change: EventChange) {
      const found = byId(eventId);
      if (found) found.request = { ...found.request, ...change };
    },
    async cancelEvents(_organizerId, eventIds) {
      for (const id of eventIds) {
        const found = events.find((e) => e.id === id);
        if (found) found.cancelled = true;
        else byId(id)?.cancelledIds.push(id);
      }
    },
  };
  return calendar;
}
