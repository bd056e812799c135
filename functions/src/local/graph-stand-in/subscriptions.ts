/**
 * Change-notification subscriptions in the Graph stand-in, as strict as Graph is about them:
 * `POST /subscriptions` for `users/{id}/events` (the mailbox's Exchange permission and scope are
 * checked like the events themselves), the expiry at most 10,080 minutes ahead, clientState at most
 * 128 characters, and the notification URL (and the lifecycle URL) validated first: Graph POSTs
 * `?validationToken=…` and creates nothing unless the answer is 200 text/plain echoing the token
 * within 10 s. `PATCH` renews, `DELETE` removes. When the stand-in's events change through its own
 * API (created, moved, cancelled, declined …), each subscription on the organiser's mailbox is sent a
 * change notification carrying only ids and the clientState, as Graph sends one without resource data.
 * https://learn.microsoft.com/graph/api/resources/subscription
 */
import type { Subscription } from '@microsoft/microsoft-graph-types';
import { randomBytes, randomUUID } from 'node:crypto';
import { badRequest, odataError, ok, type Answer } from './odata';
import type { DirectoryState } from './directory-state';

/** Outlook event subscriptions without resource data (subscription resource, Microsoft Learn). */
export const MAX_EVENT_SUBSCRIPTION_MINUTES = 10_080;
const VALIDATION_TIMEOUT_MS = 10_000;

export interface StandInSubscription {
  id: string;
  resource: string;
  /** The mailbox whose events are watched (user id). */
  userId: string;
  changeType: string[];
  notificationUrl: string;
  lifecycleNotificationUrl?: string;
  clientState?: string;
  expirationDateTime: number;
}

/** One POST the stand-in made to a webhook, for tests. */
export interface Delivery {
  url: string;
  kind: 'validation' | 'change' | 'lifecycle';
  status: number | 'failed';
  body?: unknown;
}

export class SubscriptionState {
  readonly subscriptions = new Map<string, StandInSubscription>();
  readonly deliveries: Delivery[] = [];
  /** The stand-in's clock for expiry checks (tests point it at their moved clock). */
  now: () => number = () => Date.now();
  /** Change notifications to lose on the way (tests: "a notification is dropped"). */
  dropNext = 0;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly directory: DirectoryState,
    private readonly tenantId = 'stand-in-tenant',
  ) {}

  /** Waits until every notification sent so far has been answered. */
  async flush(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  private async post(url: string, body: unknown, kind: Delivery['kind']): Promise<void> {
    const delivery: Delivery = { url, kind, status: 'failed', body };
    this.deliveries.push(delivery);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
      });
      delivery.status = res.status;
      await res.arrayBuffer();
    } catch {
      delivery.status = 'failed';
    }
  }

  private send(url: string, body: unknown, kind: Delivery['kind']): void {
    const p = this.post(url, body, kind).finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /** Graph's validation request: 200, text/plain, the token echoed, within 10 s. */
  private async validates(url: string): Promise<boolean> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const target = new URL(url);
    target.searchParams.set('validationToken', token);
    const delivery: Delivery = { url, kind: 'validation', status: 'failed' };
    this.deliveries.push(delivery);
    try {
      const res = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
      });
      delivery.status = res.status;
      const text = await res.text();
      return res.status === 200 && (res.headers.get('content-type') ?? '').startsWith('text/plain') && text === token;
    } catch {
      return false;
    }
  }

  private resource(s: StandInSubscription): Subscription & { '@odata.type': string } {
    return {
      '@odata.type': '#microsoft.graph.subscription',
      id: s.id,
      resource: s.resource,
      applicationId: '00000000-0000-0000-0000-000000000000',
      changeType: s.changeType.join(','),
      clientState: s.clientState ?? null,
      notificationUrl: s.notificationUrl,
      lifecycleNotificationUrl: s.lifecycleNotificationUrl ?? null,
      expirationDateTime: new Date(s.expirationDateTime).toISOString(),
      latestSupportedTlsVersion: 'v1_2',
    };
  }

  private expiry(value: unknown): number | Answer {
    const at = typeof value === 'string' ? Date.parse(value) : NaN;
    if (Number.isNaN(at)) return badRequest('expirationDateTime is required.');
    const now = this.now();
    if (at <= now) return badRequest('Subscription expiration can only be in the future.');
    if (at > now + MAX_EVENT_SUBSCRIPTION_MINUTES * 60_000)
      return badRequest(`Subscription expiration can only be ${MAX_EVENT_SUBSCRIPTION_MINUTES} minutes in the future.`);
    return at;
  }

  /** The mailbox a `users/{id}/events` resource names; undefined for anything else. */
  mailboxOf(resource: unknown): string | undefined {
    if (typeof resource !== 'string') return undefined;
    const m = /^\/?(?:users|Users)\/([^/]+)\/(?:events|Events)$/.exec(resource);
    return m ? decodeURIComponent(m[1] as string) : undefined;
  }

  async create(body: Subscription): Promise<Answer> {
    const mailbox = this.mailboxOf(body.resource);
    if (!mailbox) return badRequest('The stand-in supports subscriptions to users/{id}/events only.');
    const user = this.directory.findByIdOrMail(mailbox);
    if (!user) return odataError(404, 'ResourceNotFound', `The mailbox ${mailbox} was not found.`);
    const changeType = String(body.changeType ?? '')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    if (!changeType.length || changeType.some((c) => !['created', 'updated', 'deleted'].includes(c)))
      return badRequest('changeType must be created, updated and/or deleted.');
    if (body.clientState !== undefined && (typeof body.clientState !== 'string' || body.clientState.length > 128))
      return badRequest('clientState must be at most 128 characters.');
    const expiry = this.expiry(body.expirationDateTime);
    if (typeof expiry !== 'number') return expiry;
    const urls = [body.notificationUrl, body.lifecycleNotificationUrl].filter((u) => u !== undefined);
    for (const url of urls) {
      let parsed: URL;
      try {
        parsed = new URL(String(url));
      } catch {
        return badRequest('notificationUrl must be a URL.');
      }
      // Graph requires https; the stand-in also accepts http on loopback (npm start, tests).
      const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
      if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback))
        return badRequest('Subscription validation request failed. Notification endpoint must be https.');
    }
    for (const url of new Set(urls.map(String)))
      if (!(await this.validates(url)))
        return badRequest(
          'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
        );
    const s: StandInSubscription = {
      id: randomUUID(),
      resource: String(body.resource),
      userId: user.id,
      changeType,
      notificationUrl: String(body.notificationUrl),
      ...(typeof body.lifecycleNotificationUrl === 'string'
        ? { lifecycleNotificationUrl: body.lifecycleNotificationUrl }
        : {}),
      ...(typeof body.clientState === 'string' ? { clientState: body.clientState } : {}),
      expirationDateTime: expiry,
    };
    this.subscriptions.set(s.id, s);
    return ok(this.resource(s), 201);
  }

  private live(id: string): StandInSubscription | undefined {
    const s = this.subscriptions.get(id);
    if (s && s.expirationDateTime <= this.now()) this.subscriptions.delete(id);
    return this.subscriptions.get(id);
  }

  /** GET, PATCH (renew) and DELETE of one subscription. */
  one(method: string, id: string, body: Subscription): Answer {
    const s = this.live(id);
    if (!s) return odataError(404, 'ResourceNotFound', `The object was not found: subscription ${id}.`);
    if (method === 'GET') return ok(this.resource(s));
    if (method === 'DELETE') {
      this.subscriptions.delete(id);
      return { status: 204 };
    }
    if (method === 'PATCH') {
      const expiry = this.expiry(body.expirationDateTime);
      if (typeof expiry !== 'number') return expiry;
      s.expirationDateTime = expiry;
      return ok(this.resource(s));
    }
    return badRequest(`${method} is not supported on a subscription.`);
  }

  list(): Answer {
    return ok({
      value: [...this.subscriptions.keys()]
        .map((id) => this.live(id))
        .filter(Boolean)
        .map((s) => this.resource(s!)),
    });
  }

  /** An event of `organizerId`'s mailbox changed through the stand-in's API: notify its subscribers. */
  changed(organizerId: string, eventId: string, changeType: 'created' | 'updated' | 'deleted'): void {
    for (const s of [...this.subscriptions.keys()].map((id) => this.live(id))) {
      if (!s || s.userId !== organizerId || !s.changeType.includes(changeType)) continue;
      if (this.dropNext > 0) {
        this.dropNext--;
        continue;
      }
      const resource = `Users/${s.userId}/Events/${eventId}`;
      this.send(
        s.notificationUrl,
        {
          value: [
            {
              subscriptionId: s.id,
              subscriptionExpirationDateTime: new Date(s.expirationDateTime).toISOString(),
              changeType,
              resource,
              resourceData: {
                '@odata.type': '#Microsoft.Graph.Event',
                '@odata.id': resource,
                '@odata.etag': `W/"${randomBytes(8).toString('base64')}"`,
                id: eventId,
              },
              clientState: s.clientState ?? null,
              tenantId: this.tenantId,
            },
          ],
        },
        'change',
      );
    }
  }

  /** Sends a lifecycle notification (tests, or an operator trying the loop); `subscriptionRemoved` also removes it. */
  lifecycle(id: string, event: 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed'): void {
    const s = this.subscriptions.get(id);
    if (!s) return;
    if (event === 'subscriptionRemoved') this.subscriptions.delete(id);
    this.send(
      s.lifecycleNotificationUrl ?? s.notificationUrl,
      {
        value: [
          {
            subscriptionId: s.id,
            subscriptionExpirationDateTime: new Date(s.expirationDateTime).toISOString(),
            lifecycleEvent: event,
            resource: s.resource,
            clientState: s.clientState ?? null,
            tenantId: this.tenantId,
          },
        ],
      },
      'lifecycle',
    );
  }
}
