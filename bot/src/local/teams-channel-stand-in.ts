/**
 * A local stand-in for the Bot Connector service Teams runs (the `serviceUrl` of a conversation):
 * accepts POST /v3/conversations/{id}/activities[/{replyTo}] and PUT .../activities/{id}, records
 * what arrived, and throttles like Teams: more than `perConversation` messages to one conversation
 * or `perTenant` messages per tenant within a second answer 429 with Retry-After. It can also fail
 * a share of requests with 412/502/504 before accepting them (seeded, so runs repeat). Local
 * tests and the fan-out bench only; never used in Azure.
 */
import { createServer, type Server } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { mulberry32 } from '../../../functions/src/local/demo/random';

export interface StandInOptions {
  perConversationPerSecond?: number;
  perTenantPerSecond?: number;
  /** Share (0..1) of accepted-looking requests that fail with 412, 502 or 504 instead (not delivered). */
  faultRate?: number;
  seed?: number;
  /** Added latency per request, ms. */
  latencyMs?: number;
}

export interface Delivered {
  conversationId: string;
  tenantId: string;
  activity: Record<string, unknown>;
  at: number;
  /** Hash of the content: the same card to the same conversation twice is a duplicate. */
  key: string;
}

export interface ChannelStandIn {
  url: string;
  delivered: Delivered[];
  updated: Delivered[];
  stats: { requests: number; throttled: number; faults: number };
  /**
   * Conversations whose person blocked or removed the bot: sends there answer 403 as Teams does
   * ("the bot is not part of the conversation roster" / MessageWritesBlocked).
   */
  blocked: Set<string>;
  /** Activities sent to one conversation (replies and proactive messages). */
  to(conversationId: string): Delivered[];
  duplicates(): number;
  close(): Promise<void>;
}

class SlidingWindow {
  private readonly hits = new Map<string, number[]>();
  constructor(private readonly limit: number) {}
  /** Records a hit unless the key had `limit` hits in the last second; returns ms until a slot frees, or 0. */
  take(key: string, now: number): number {
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - 1000);
    if (list.length >= this.limit) {
      this.hits.set(key, list);
      return (list[0] as number) + 1000 - now;
    }
    list.push(now);
    this.hits.set(key, list);
    return 0;
  }
}

export async function startChannelStandIn(options: StandInOptions = {}): Promise<ChannelStandIn> {
  const perConversation = new SlidingWindow(options.perConversationPerSecond ?? 7);
  const perTenant = new SlidingWindow(options.perTenantPerSecond ?? 50);
  const random = mulberry32(options.seed ?? 42);
  const delivered: Delivered[] = [];
  const updated: Delivered[] = [];
  const stats = { requests: 0, throttled: 0, faults: 0 };
  const blocked = new Set<string>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = () => {
        stats.requests++;
        const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/.exec(req.url ?? '');
        if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
          res.writeHead(404).end();
          return;
        }
        let activity: Record<string, unknown>;
        try {
          activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          res.writeHead(400).end();
          return;
        }
        const conversationId = decodeURIComponent(match[1] as string);
        if (blocked.has(conversationId)) {
          res.writeHead(403, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({ error: { code: 'Forbidden', message: 'The bot is blocked in this conversation.' } }),
          );
          return;
        }
        const conversation = (activity.conversation ?? {}) as { tenantId?: string };
        const tenantId = conversation.tenantId ?? 'default';
        const now = Date.now();
        const waitConversation = perConversation.take(`c:${conversationId}`, now);
        const waitTenant = waitConversation ? 0 : perTenant.take(`t:${tenantId}`, now);
        if (waitConversation || waitTenant) {
          stats.throttled++;
          const seconds = Math.max(1, Math.ceil(Math.max(waitConversation, waitTenant) / 1000));
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(seconds) });
          res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many requests' } }));
          return;
        }
        if (options.faultRate && random() < options.faultRate) {
          stats.faults++;
          const status = [412, 502, 504][Math.floor(random() * 3)] as number;
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'ServiceError', message: `injected ${status}` } }));
          return;
        }
        const content = JSON.stringify({ attachments: activity.attachments ?? null, text: activity.text ?? null });
        const key = `${conversationId}|${createHash('sha256').update(content).digest('hex')}`;
        const entry: Delivered = { conversationId, tenantId, activity, at: now, key };
        if (req.method === 'PUT') updated.push(entry);
        else delivered.push(entry);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: req.method === 'PUT' ? match[2] : randomUUID() }));
      };
      if (options.latencyMs) setTimeout(reply, options.latencyMs);
      else reply();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    delivered,
    updated,
    stats,
    blocked,
    to: (conversationId) => delivered.filter((d) => d.conversationId === conversationId),
    duplicates() {
      const seen = new Set<string>();
      let dup = 0;
      for (const d of delivered) {
        if (seen.has(d.key)) dup++;
        seen.add(d.key);
      }
      return dup;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
