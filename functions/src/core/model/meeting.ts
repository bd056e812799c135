import type { Lease } from './lease';
import type { Doc, IsoDate, IsoDateTime, LocalTime, Weekday } from './common';
import { type TransitionTable, assertTransition } from './transitions';

export const MEETING_SCHEMA_VERSION = 1;

/** `declined`: one of the pair declined it in Outlook, so it will not take place (Outlook read-back). */
export const OCCURRENCE_STATUSES = ['planned', 'held', 'missed', 'moved', 'cancelled', 'declined'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

/** One session of a series. Start and end are UTC instants; `graphId` is the occurrence's event id once known. */
export interface Occurrence {
  index: number;
  start: IsoDateTime;
  end: IsoDateTime;
  status: OccurrenceStatus;
  graphId?: string;
  /** Set when the reminder / feedback request for this session went out (timers are idempotent). */
  remindedAt?: IsoDateTime;
  feedbackRequestedAt?: IsoDateTime;
  /** Who of the pair declined it in Outlook (user ids); with status `declined`. */
  declinedBy?: string[];
  /** Another time one of the pair proposed in Outlook (only where the event allows proposals). */
  proposal?: { by: string; start: IsoDateTime; end: IsoDateTime };
  /** Outlook still held it after its end, neither of the pair having declined (read-back). */
  confirmedAt?: IsoDateTime;
}

/** A session that took place: feedback says so, or Outlook kept it to its end with nobody declining. */
export function tookPlace(o: Pick<Occurrence, 'status' | 'confirmedAt'>): boolean {
  return o.status === 'held' || ((o.status === 'planned' || o.status === 'moved') && Boolean(o.confirmedAt));
}

/** A session that will not (or did not) happen: cancelled, or declined by one of the pair. */
export function calledOff(o: Pick<Occurrence, 'status'>): boolean {
  return o.status === 'cancelled' || o.status === 'declined';
}

export const SERIES_STATUSES = ['pending', 'booked', 'no-slot', 'cancelled'] as const;
export type SeriesStatus = (typeof SERIES_STATUSES)[number];

export const SERIES_TRANSITIONS: TransitionTable<SeriesStatus> = {
  pending: ['booked', 'no-slot', 'cancelled'],
  'no-slot': ['pending', 'booked', 'cancelled'],
  booked: ['cancelled'],
  cancelled: [],
};

/**
 * A pair's recurring meeting series (or a programme's kick-off / closing event, `kind`), booked in
 * Outlook through Graph. `transactionId` is deterministic per (programme, pair, series) so a retried
 * booking finds the event instead of creating a second one.
 */
export interface MeetingSeries extends Doc {
  programmeId: string;
  kind: 'pair-series' | 'kickoff' | 'closing';
  pairId?: string;
  /** Mailbox (user id or address) that organises the event. */
  organizer: string;
  attendees: string[];
  transactionId: string;
  status: SeriesStatus;
  graphEventId?: string;
  joinUrl?: string;
  weekday?: Weekday;
  /** The pair's own session window when they picked other times of day (else the programme's). */
  window?: { start: LocalTime; end: LocalTime };
  intervalWeeks?: number;
  /** IANA time zone the recurrence is defined in (the organiser's). */
  timeZone: string;
  occurrences: Occurrence[];
  /** Why booking found no slot, or failed, for the people and the manager. */
  problem?: string;
  /** Kick-off / closing: people beyond Graph's attendee limit, who got the join link by card instead. */
  linked?: string[];
  /** The start those in `linked` were told about (a new time is sent again). */
  linkedFor?: IsoDateTime;
  /** The booking under way: only its holder talks to Graph for this series until it expires. */
  lease?: Lease;
  /** One of the pair paused the sessions before this date (organiser's zone); the series goes on from it. */
  pause?: { by: string; until: IsoDate; at: IsoDateTime };
  /** When a read-back from Outlook (change notification or the schedule) last changed the series. */
  readBackAt?: IsoDateTime;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export function moveSeries(s: MeetingSeries, to: SeriesStatus, now: IsoDateTime): MeetingSeries {
  assertTransition('The meeting series', SERIES_TRANSITIONS, s.status, to);
  return { ...s, status: to, updatedAt: now };
}

/** Deterministic id for a Graph transactionId: same programme, pair and series → same id. */
export function seriesTransactionId(programmeId: string, pairOrKind: string, series = 1): string {
  return `tandem-${programmeId}-${pairOrKind}-${series}`;
}

/** The id of a pair's meeting series: one series per pair. */
export function seriesIdOf(pairId: string): string {
  return `${pairId}-series`;
}

/** Sessions held (tookPlace) out of sessions planned up to `now` (cancelled ones are not planned; declined ones are, unheld). */
export function heldVsPlanned(s: MeetingSeries, now: IsoDateTime): { held: number; planned: number } {
  const due = s.occurrences.filter((o) => o.status !== 'cancelled' && o.start <= now);
  return { held: due.filter(tookPlace).length, planned: due.length };
}
