import type { IsoDateTime, LocalTime, Weekday } from '../core/model';
import type { Availability, WorkingHours } from '../core/schedule';

/** A person as the calendar addresses them: Graph needs the object id for paths and the mail for schedules. */
export interface CalendarPerson {
  id: string;
  mail: string;
  name?: string;
}

/** Mailbox settings that scheduling needs: the person's zone and working hours (IANA zone names). */
export interface MailboxInfo {
  id: string;
  timeZone?: string;
  workingHours?: WorkingHours;
  /** Graph refused to read them (403 no permission or outside the app's mailbox scope, 404 no mailbox). */
  refused?: GraphRefusal;
}

/** A lasting "no" from Graph for one person: status, Graph's error code and message. */
export interface GraphRefusal {
  status: number;
  code?: string;
  message: string;
}

/** The online meeting providers of the organiser's calendar (`allowedOnlineMeetingProviders`). */
export interface OnlineMeetingSupport {
  allowed: string[];
  default?: string;
}

export interface ScheduleInfo extends Availability {
  id: string;
  workingHours?: WorkingHours;
  /** Graph could not read this calendar (e.g. mailbox not found). */
  error?: string;
}

/** A recurring or single online meeting to create in the organiser's calendar. */
export interface NewEvent {
  subject: string;
  /** HTML body (the session guide). */
  bodyHtml: string;
  attendees: CalendarPerson[];
  /** Wall-clock start/end in `timeZone` (IANA; the adapter sends Graph its Windows zone id). */
  startDate: string;
  startTime: LocalTime;
  durationMinutes: number;
  timeZone: string;
  recurrence?: { intervalWeeks: number; weekday: Weekday; count: number };
  /** Graph transactionId: a retried create returns the first event. */
  transactionId: string;
  /** Our own idempotency key, stored on the event so a later run finds it (findEvent). */
  key: string;
}

/** A change to a single (non-recurring) event, sent in one PATCH: only the fields given change. */
export type EventChange = Partial<
  Pick<NewEvent, 'subject' | 'bodyHtml' | 'attendees' | 'startDate' | 'startTime' | 'durationMinutes' | 'timeZone'>
>;

export interface CalendarEvent {
  id: string;
  joinUrl?: string;
  /** Graph made it a Teams meeting (isOnlineMeeting, provider teamsForBusiness, a join URL). */
  teamsMeeting: boolean;
  start?: IsoDateTime;
}

export interface EventOccurrence {
  id: string;
  start: IsoDateTime;
  end: IsoDateTime;
}

/** Calendar access through Microsoft Graph with application permissions (Calendars.ReadWrite). */
export interface CalendarPort {
  /**
   * Mailbox settings of many people at once (JSON $batch, 20 per request). A 4xx answer is kept as
   * `refused`; a transient failure (throttled or unavailable after retries) leaves the person out.
   */
  mailboxSettings(userIds: string[]): Promise<Map<string, MailboxInfo>>;
  /** Which online meeting providers the organiser's calendar allows. */
  onlineMeetingProviders(organizerId: string): Promise<OnlineMeetingSupport>;
  /** Free/busy of up to 20 people over less than 62 days (`calendar/getSchedule`). */
  getSchedule(
    organizerId: string,
    people: CalendarPerson[],
    start: IsoDateTime,
    end: IsoDateTime,
    intervalMinutes: number,
  ): Promise<ScheduleInfo[]>;
  /** The event created earlier with this idempotency key, if any. */
  findEvent(organizerId: string, key: string): Promise<CalendarEvent | undefined>;
  /** Creates the event as a Teams meeting; throws InvalidError for a zone Outlook cannot take. */
  createEvent(organizerId: string, event: NewEvent): Promise<CalendarEvent>;
  /** Asks again for a Teams meeting on an event that came back without one; returns the event as it is now. */
  addTeamsMeeting(organizerId: string, eventId: string): Promise<CalendarEvent>;
  /** The instances of a recurring event between two instants. */
  occurrences(organizerId: string, eventId: string, from: IsoDateTime, to: IsoDateTime): Promise<EventOccurrence[]>;
  /** Moves one event (or one occurrence of a series) to a new time. */
  moveEvent(organizerId: string, eventId: string, start: IsoDateTime, end: IsoDateTime): Promise<void>;
  /**
   * Changes a single event in one PATCH (Graph sends every attendee the update): a new time (all of
   * `startDate`, `startTime`, `durationMinutes`, `timeZone`), the whole attendee list, subject or body.
   */
  updateEvent(organizerId: string, eventId: string, change: EventChange): Promise<void>;
  /** Cancels events (a series master or single occurrences) with a comment to the attendees; already gone is fine. */
  cancelEvents(organizerId: string, eventIds: string[], comment: string): Promise<void>;
}
