/**
 * Watching Tandem's own events in Outlook: reading them back by id (series master and instances) and
 * Graph change notifications on a programme mailbox's events. Never a person's whole calendar.
 */
import type { IsoDateTime } from '../core/model';

/** An attendee's answer as Graph reports it (`responseStatus.response`). */
export type AttendeeResponse = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

export interface AttendeeState {
  /** Mail address as on the event (lower case). */
  address: string;
  response: AttendeeResponse;
  /** Another time the attendee proposed (only when the event allows proposals). */
  proposedNewTime?: { start: IsoDateTime; end: IsoDateTime };
}

/** An event (a single one, an occurrence or the series master) as Outlook holds it now. */
export interface EventState {
  id: string;
  type: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  seriesMasterId?: string;
  start: IsoDateTime;
  end: IsoDateTime;
  isCancelled: boolean;
  allowNewTimeProposals: boolean;
  attendees: AttendeeState[];
}

/** A Graph subscription as Graph confirmed it. */
export interface WatchSubscription {
  id: string;
  expiresAt: IsoDateTime;
}

export interface NewWatch {
  /** The mailbox (user id or address) whose events are watched. */
  mailbox: string;
  /** Where Graph posts change and lifecycle notifications (public https). */
  notificationUrl: string;
  expiresAt: IsoDateTime;
  /** The secret Graph sends back with every notification (clientState). */
  clientState: string;
}

export interface CalendarWatchPort {
  /** The event now, or undefined when it is gone (404). */
  readEvent(organizerId: string, eventId: string): Promise<EventState | undefined>;
  /** The occurrences and exceptions of a series between two instants (cancelled ones are absent). */
  readInstances(organizerId: string, masterId: string, from: IsoDateTime, to: IsoDateTime): Promise<EventState[]>;
  /** Subscribes to created/updated/deleted events of one mailbox (Graph calls the URL to validate first). */
  subscribe(watch: NewWatch): Promise<WatchSubscription>;
  /** Moves a subscription's expiry; undefined when Graph no longer knows it (404). */
  renew(subscriptionId: string, expiresAt: IsoDateTime): Promise<WatchSubscription | undefined>;
  /** Deletes a subscription (gone already is fine). */
  unsubscribe(subscriptionId: string): Promise<void>;
}
