/**
 * POST /api/graph/notifications (anonymous: Graph sends no token) — the webhook of Graph change and
 * lifecycle notifications on programme mailboxes. Safe without sign-in: `?validationToken=` is echoed
 * as text/plain (the handshake Graph makes before creating a subscription, answered within its 10 s);
 * a body is size-limited, schema-checked, and each item is kept only when its subscription id is one
 * Tandem created and its clientState matches that subscription's secret. The valid ones are queued
 * (app/outlook/notifications.ts) and the answer is 202 at once; nothing here calls Graph.
 * https://learn.microsoft.com/graph/change-notifications-delivery-webhooks
 */
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { z } from 'zod';
import { requestServices } from './services';
import { problem, problemOf } from './problem';
import { acceptNotifications, type IncomingNotification } from '@tandem/app';

/** Graph batches notifications; a few hundred fit well under this. */
export const MAX_NOTIFICATION_BYTES = 256 * 1024;

const text = (max: number) => z.string().min(1).max(max);

const notificationSchema = z.object({
  subscriptionId: text(200),
  clientState: z.string().max(255).optional(),
  changeType: z.enum(['created', 'updated', 'deleted']).optional(),
  lifecycleEvent: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']).optional(),
  resourceData: z.object({ id: text(1024).optional() }).optional(),
});

const collectionSchema = z.object({ value: z.array(notificationSchema).min(1).max(1000) });

/**
 * Tandem has one subscription per programme mailbox, so a genuine collection names a few; a body
 * naming many is refused before any store read (each id costs one), so the anonymous route cannot be
 * used to make Tandem read its store a thousand times per request.
 */
export const MAX_SUBSCRIPTIONS_PER_BODY = 50;

const plain = (status: number, body: string): HttpResponseInit => ({
  status,
  headers: {
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  },
  body,
});

async function readLimited(request: HttpRequest): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > MAX_NOTIFICATION_BYTES) return undefined;
  const bytes = Buffer.from(await request.arrayBuffer());
  return bytes.length > MAX_NOTIFICATION_BYTES ? undefined : bytes.toString('utf8');
}

export async function graphNotifications(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  try {
    const token = request.query.get('validationToken');
    if (token !== null) {
      // Graph's token is opaque printable text; anything else is not Graph.
      if (!/^[\x20-\x7e]{1,2048}$/.test(token)) return problem(400, 'validationToken is not valid.');
      return plain(200, token);
    }
    const raw = await readLimited(request);
    if (raw === undefined)
      return problem(413, `The notification body is larger than ${MAX_NOTIFICATION_BYTES / 1024} KiB.`);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return problem(400, 'The body is not valid JSON.');
    }
    const parsed = collectionSchema.safeParse(json);
    if (!parsed.success) return problem(400, 'The body is not a Graph change-notification collection.');
    if (new Set(parsed.data.value.map((n) => n.subscriptionId)).size > MAX_SUBSCRIPTIONS_PER_BODY)
      return problem(400, `The body names more than ${MAX_SUBSCRIPTIONS_PER_BODY} subscriptions.`);
    const items: IncomingNotification[] = parsed.data.value.map((n) => ({
      subscriptionId: n.subscriptionId,
      clientState: n.clientState,
      changeType: n.changeType,
      lifecycleEvent: n.lifecycleEvent,
      eventId: n.resourceData?.id,
    }));
    const { deps } = await requestServices();
    const report = await acceptNotifications(deps, items);
    if (report.dropped) context.warn(`graph notifications: ${report.dropped} dropped, ${report.queued} queued`);
    return { status: 202 };
  } catch (err) {
    return problemOf(err, context);
  }
}

app.http('graphNotifications', {
  route: 'graph/notifications',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: graphNotifications,
});
