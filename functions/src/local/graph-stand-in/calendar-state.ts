/**
 * The stand-in's calendars: events (single or weekly recurring, with transactionId de-duplication,
 * extended properties, cancelled and moved occurrences) and free/busy computed from them plus a
 * few deterministic "other meetings" per working day, so slot finding meets realistic calendars.
 * Each calendar allows Teams meetings unless a test says otherwise (`setOnlineMeetingProviders`).
 */
import type { OnlineMeetingProviderType, WorkingHours } from '@microsoft/microsoft-graph-types';
import { utcToZoned, weeklyOccurrences, weekdayOfGraphDay, zonedToUtc } from '../../core/schedule';
import type { Weekday } from '../../core/model';
import type { DirectoryState, StandInUser } from './directory-state';

export interface StandInEvent {
  id: string;
  organizerId: string;
  subject: string;
  /** Wall-clock start in `timeZone`. */
  startDate: string;
  startTime: string;
  durationMinutes: number;
  /** IANA zone the stand-in computes with; `zoneName` is the name the client sent (a Windows id). */
  timeZone: string;
  zoneName: string;
  attendees: { address: string; name?: string }[];
  recurrence?: { intervalWeeks: number; weekday: Weekday; count: number };
  transactionId?: string;
  /** How often its time was changed (PATCH of start/end). */
  updates?: number;
  /** Whether attendees may propose another time (Graph's default: true). */
  allowNewTimeProposals?: boolean;
  /** When it was created (ms, real time): transactionId de-duplication only looks back so far. */
  createdAt: number;
  properties: Record<string, string>;
  joinUrl?: string;
  cancelled: Set<string>;
  moved: Map<string, { start: number; end: number }>;
  body?: string;
  /**
   * Attendees' answers by address (lower case): `series` for the whole event, `byOccurrence` for one
   * occurrence (an exception); what the organiser's copy shows as `status.response`.
   */
  responses?: { series: Map<string, AttendeeAnswer>; byOccurrence: Map<string, Map<string, AttendeeAnswer>> };
  /** Occurrences with the ids and times they had elsewhere (a series the local stack adopted, adopt.ts). */
  fixed?: Instance[];
}

/** An attendee's answer: accepted, tentativelyAccepted or declined, maybe with another time proposed. */
export interface AttendeeAnswer {
  response: 'accepted' | 'tentativelyAccepted' | 'declined';
  proposedNewTime?: { start: number; end: number };
}

export interface Instance {
  id: string;
  start: number;
  end: number;
}

const MINUTE = 60_000;
const WORKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class CalendarState {
  readonly events = new Map<string, StandInEvent>();
  /** Extra busy blocks per user id (tests: a fully booked week). */
  readonly blocks = new Map<string, { start: number; end: number }[]>();
  /** allowedOnlineMeetingProviders per organiser id; absent → Teams only (the usual tenant). */
  readonly onlineMeetingProviders = new Map<string, OnlineMeetingProviderType[]>();
  /** Every cancel request, with the comment Graph sends the attendees (tests read the language). */
  readonly cancellations: { eventId: string; subject: string; occurrence?: string; comment?: string }[] = [];
  /**
   * How long a transactionId is remembered (ms; default: for ever). Graph documents no window, so
   * tests set it to 0 to show that our own extended-property lookup prevents a second event.
   */
  transactionIdMemoryMs = Number.POSITIVE_INFINITY;
  /** Told when an event changes through the API (the stand-in's change notifications). */
  onChange?: (organizerId: string, eventId: string, changeType: 'created' | 'updated' | 'deleted') => void;
  private seq = 0;

  constructor(
    private readonly directory: DirectoryState,
    /** Other meetings per working day and person (deterministic), default 2. */
    private readonly meetingsPerDay = 2,
  ) {}

  nextId(): string {
    return `evt-${(++this.seq).toString(36)}-${hash(String(this.seq)).toString(36)}`;
  }

  /** Configures an organiser's calendar, e.g. `[]` or `['skypeForBusiness']` for a mailbox without Teams. */
  setOnlineMeetingProviders(userId: string, allowed: OnlineMeetingProviderType[]): void {
    this.onlineMeetingProviders.set(userId, [...allowed]);
  }

  allowedProviders(userId: string): OnlineMeetingProviderType[] {
    return this.onlineMeetingProviders.get(userId) ?? ['teamsForBusiness'];
  }

  block(userId: string, start: number, end: number): void {
    const list = this.blocks.get(userId) ?? [];
    list.push({ start, end });
    this.blocks.set(userId, list);
  }

  /** Occurrences of an event (a single event has one), minus cancelled, with moved ones at their new time. */
  instances(e: StandInEvent): Instance[] {
    if (e.fixed)
      return e.fixed.filter((i) => !e.cancelled.has(i.id)).map((i) => ({ ...i, ...(e.moved.get(i.id) ?? {}) }));
    const plans = e.recurrence
      ? weeklyOccurrences({
          startDate: e.startDate,
          weekday: e.recurrence.weekday,
          startTime: e.startTime,
          timeZone: e.timeZone,
          intervalWeeks: e.recurrence.intervalWeeks,
          count: e.recurrence.count,
          durationMinutes: e.durationMinutes,
        }).map((o) => ({ date: o.date, start: Date.parse(o.start), end: Date.parse(o.end) }))
      : [
          {
            date: e.startDate,
            start: zonedToUtc(e.startDate, e.startTime, e.timeZone),
            end: zonedToUtc(e.startDate, e.startTime, e.timeZone) + e.durationMinutes * MINUTE,
          },
        ];
    return plans
      .map((p) => ({ id: e.recurrence ? `${e.id}.occ.${p.date}` : e.id, start: p.start, end: p.end }))
      .filter((i) => !e.cancelled.has(i.id))
      .map((i) => ({ ...i, ...(e.moved.get(i.id) ?? {}) }));
  }

  /** The event an id names: the event itself, or the series whose occurrence it is. */
  masterOf(id: string): StandInEvent | undefined {
    const [masterId] = id.split('.occ.');
    return (
      this.events.get(id) ??
      this.events.get(masterId ?? '') ??
      [...this.events.values()].find((e) => e.fixed?.some((i) => i.id === id))
    );
  }

  /** An attendee's answer to one occurrence (its own, else the series'), if any. */
  answerOf(e: StandInEvent, occurrenceId: string | undefined, address: string): AttendeeAnswer | undefined {
    const key = address.toLowerCase();
    return (
      (occurrenceId ? e.responses?.byOccurrence.get(occurrenceId)?.get(key) : undefined) ?? e.responses?.series.get(key)
    );
  }

  /** Records an attendee's answer to the event or one occurrence. */
  answer(e: StandInEvent, occurrenceId: string | undefined, address: string, answer: AttendeeAnswer): void {
    e.responses ??= { series: new Map(), byOccurrence: new Map() };
    const key = address.toLowerCase();
    if (!occurrenceId || occurrenceId === e.id) {
      e.responses.series.set(key, answer);
      return;
    }
    const own = e.responses.byOccurrence.get(occurrenceId) ?? new Map<string, AttendeeAnswer>();
    own.set(key, answer);
    e.responses.byOccurrence.set(occurrenceId, own);
  }

  /** Busy intervals of a person in [from, to): their events, test blocks and generated meetings. */
  busy(user: StandInUser, from: number, to: number): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    const mail = user.mail.toLowerCase();
    for (const e of this.events.values()) {
      const involved = e.organizerId === user.id || e.attendees.some((a) => a.address.toLowerCase() === mail);
      if (!involved) continue;
      for (const i of this.instances(e)) if (i.end > from && i.start < to) out.push(i);
    }
    for (const b of this.blocks.get(user.id) ?? []) if (b.end > from && b.start < to) out.push(b);
    const dates = new Set<string>();
    for (let day = from - 2 * 86_400_000; day < to + 86_400_000; day += 86_400_000) {
      const date = utcToZoned(day, user.timeZone).date;
      if (dates.has(date)) continue;
      dates.add(date);
      const local = utcToZoned(zonedToUtc(date, '12:00', user.timeZone), user.timeZone);
      if (!WORKDAYS.includes(local.weekday)) continue;
      for (let k = 0; k < this.meetingsPerDay; k++) {
        const hour = 9 + (hash(`${user.id}:${date}:${k}`) % 8);
        const start = zonedToUtc(date, `${String(hour).padStart(2, '0')}:00`, user.timeZone);
        out.push({ start, end: start + 60 * MINUTE });
      }
    }
    return out;
  }

  /** Graph's availabilityView: one digit per interval, 0 free, 2 busy. */
  availabilityView(user: StandInUser, from: number, to: number, intervalMinutes: number): string {
    const busy = this.busy(user, from, to);
    const step = intervalMinutes * MINUTE;
    let view = '';
    for (let t = from; t < to; t += step) view += busy.some((b) => b.start < t + step && b.end > t) ? '2' : '0';
    return view;
  }

  workingHours(user: StandInUser, windowsZone: string): WorkingHours {
    return {
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '09:00:00.0000000',
      endTime: '17:00:00.0000000',
      timeZone: { name: windowsZone },
    };
  }

  organizerOf(id: string): StandInUser | undefined {
    return this.directory.findByIdOrMail(id);
  }
}

export { weekdayOfGraphDay };
