/**
 * The calendar-watch port on Microsoft Graph: Tandem's own events read back by id, and change
 * notification subscriptions on a programme mailbox's events (application permission
 * Calendars.Read is the least the subscription needs; Tandem holds Calendars.ReadWrite, docs/graph.md).
 */
import type { Event, Subscription } from '@microsoft/microsoft-graph-types';
import type { AttendeeResponse, CalendarWatchPort, EventState } from '../../ports/calendar-watch';
import type { GraphConnection } from './client';
import { graphStatus, toDomainError } from './errors';
import { instant } from './calendar-mailbox';

/** A page of a Graph collection. */
interface GraphList<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

const user = (id: string) => `/users/${encodeURIComponent(id)}`;

/** Only what the read-back compares: times, state, and who answered what. */
const EVENT_FIELDS = 'id,type,seriesMasterId,start,end,isCancelled,allowNewTimeProposals,attendees';

const RESPONSES: readonly AttendeeResponse[] = [
  'none',
  'organizer',
  'tentativelyAccepted',
  'accepted',
  'declined',
  'notResponded',
];
const TYPES: readonly EventState['type'][] = ['singleInstance', 'occurrence', 'exception', 'seriesMaster'];

/** A Graph event → EventState; nothing in it is trusted beyond its shape. */
export function toEventState(body: Event): EventState {
  const type = TYPES.find((t) => t === body.type) ?? 'singleInstance';
  const attendees = Array.isArray(body.attendees) ? body.attendees : [];
  return {
    id: String(body.id),
    type,
    ...(typeof body.seriesMasterId === 'string' ? { seriesMasterId: body.seriesMasterId } : {}),
    start: instant(body.start),
    end: instant(body.end),
    isCancelled: body.isCancelled === true,
    allowNewTimeProposals: body.allowNewTimeProposals === true,
    attendees: attendees.flatMap((a) => {
      const address = a.emailAddress?.address;
      if (typeof address !== 'string') return [];
      const raw = a.status?.response;
      const response = RESPONSES.find((r) => r === raw) ?? 'none';
      const proposed = a.proposedNewTime;
      return [
        {
          address: address.toLowerCase(),
          response,
          ...(proposed?.start && proposed.end
            ? { proposedNewTime: { start: instant(proposed.start), end: instant(proposed.end) } }
            : {}),
        },
      ];
    }),
  };
}

export function graphCalendarWatch(conn: GraphConnection): CalendarWatchPort {
  const api = (path: string) => conn.client.api(path);
  return {
    async readEvent(organizerId, eventId) {
      try {
        const body = (await api(`${user(organizerId)}/events/${encodeURIComponent(eventId)}`)
          .select(EVENT_FIELDS)
          .get()) as Event;
        return toEventState(body);
      } catch (err) {
        if (graphStatus(err) === 404) return undefined;
        throw toDomainError(err, 'reading back a meeting');
      }
    },

    async readInstances(organizerId, masterId, from, to) {
      const out: EventState[] = [];
      let link: string | undefined;
      try {
        do {
          const request = link
            ? api(link)
            : api(`${user(organizerId)}/events/${encodeURIComponent(masterId)}/instances`)
                .query({ startDateTime: from, endDateTime: to })
                .select(EVENT_FIELDS)
                .top(100);
          const body = (await request.get()) as GraphList<Event>;
          for (const o of body.value ?? []) out.push(toEventState(o));
          link = body['@odata.nextLink'];
          if (link && !conn.ownsLink(link)) link = undefined;
        } while (link);
      } catch (err) {
        throw toDomainError(err, 'reading back the sessions of a series');
      }
      return out;
    },

    async subscribe(watch) {
      try {
        const request: Subscription = {
          changeType: 'created,updated,deleted',
          notificationUrl: watch.notificationUrl,
          // Same endpoint: it tells lifecycle notifications (lifecycleEvent) from change notifications.
          lifecycleNotificationUrl: watch.notificationUrl,
          resource: `users/${encodeURIComponent(watch.mailbox)}/events`,
          expirationDateTime: watch.expiresAt,
          clientState: watch.clientState,
        };
        const body = (await api('/subscriptions').post(request)) as Subscription;
        return { id: String(body.id), expiresAt: new Date(String(body.expirationDateTime)).toISOString() };
      } catch (err) {
        throw toDomainError(err, 'subscribing to the programme mailbox’s events');
      }
    },

    async renew(subscriptionId, expiresAt) {
      try {
        const change: Subscription = { expirationDateTime: expiresAt };
        const body = (await api(`/subscriptions/${encodeURIComponent(subscriptionId)}`).patch(change)) as
          Subscription | undefined;
        return {
          id: subscriptionId,
          expiresAt: new Date(String(body?.expirationDateTime ?? expiresAt)).toISOString(),
        };
      } catch (err) {
        if (graphStatus(err) === 404) return undefined;
        throw toDomainError(err, 'renewing a change-notification subscription');
      }
    },

    async unsubscribe(subscriptionId) {
      try {
        await api(`/subscriptions/${encodeURIComponent(subscriptionId)}`).delete();
      } catch (err) {
        if (graphStatus(err) !== 404) throw toDomainError(err, 'deleting a change-notification subscription');
      }
    },
  };
}
