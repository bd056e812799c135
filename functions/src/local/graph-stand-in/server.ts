/**
 * A small server that behaves like Microsoft Graph for everything Tandem calls, on https loopback
 * with a self-signed certificate: users (with $select, $top ≤ 999, $filter basics, $expand=manager
 * capped at 100 per page), users/delta (410 once its sync state is reset), manager, mailboxSettings,
 * groups, transitive members (the user cast only as an advanced query), JSON $batch (400 beyond 20),
 * getSchedule and events (create with transactionId, update, cancel, delete, instances, attendees'
 * accept/decline), change-notification subscriptions that call the app's webhook (subscriptions.ts), OData error
 * bodies, the application permission of every endpoint checked against the token's roles
 * (permissions.ts), and configurable faults (429 with Retry-After, 503, latency). Local use and tests only.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GeneratedUser } from '../demo/org';
import { seededRandom } from '../demo/random';
import { DirectoryState } from './directory-state';
import { CalendarState } from './calendar-state';
import { directoryRoutes } from './directory-routes';
import { calendarRoutes } from './calendar-routes';
import { standInCert } from './cert';
import { badRequest, odataError, type Answer, type StandInRequest } from './odata';
import { requestUrl } from '../request-target';
import { GRANTED_ROLES, SUBSCRIBE_EVENTS, denied, mintToken, requiredPermission } from './permissions';
import { TeamsCatalogState, teamsCatalogRoutes } from './teams-catalog';
import { SubscriptionState } from './subscriptions';

export interface StandInFaults {
  /** Share of requests answered 429 with Retry-After (also inside $batch). */
  throttleRate?: number;
  /** Share of requests answered 503 with Retry-After. */
  unavailableRate?: number;
  retryAfterSeconds?: number;
  /** Added to every answer. */
  latencyMs?: number;
}

export interface GraphStandInOptions {
  /** Generated organisation size (default 300) and seed (default 42), unless `org` is given. */
  size?: number;
  seed?: number;
  org?: GeneratedUser[];
  /** Where the certificate is cached; none → a fresh one in memory. */
  dataDir?: string;
  /** The bearer token to accept; default one minted with `roles` in its payload. */
  token?: string;
  /** Application permissions of that token (default GRANTED_ROLES: what infra grants the app). */
  roles?: readonly string[];
  faults?: StandInFaults;
  /** Generated other meetings per working day and person (default 2). */
  meetingsPerDay?: number;
  port?: number;
}

export interface StandInCounts {
  requests: number;
  throttled: number;
  batches: number;
  deltaPages: number;
  eventsCreated: number;
}

export interface GraphStandIn {
  /** e.g. https://127.0.0.1:53123 (the GRAPH_BASE_URL). */
  baseUrl: string;
  /** The bearer token the app sends (GRAPH_ACCESS_TOKEN), holding the stand-in's `roles`. */
  token: string;
  /** Another accepted token with exactly these application permissions (e.g. one missing). */
  issueToken(roles: readonly string[]): string;
  /** The certificate to trust (PEM) and where it is stored. */
  certPem: string;
  certFile?: string;
  directory: DirectoryState;
  calendar: CalendarState;
  /** The org app catalog (Tandem published) and who has it installed. */
  catalog: TeamsCatalogState;
  /** Change-notification subscriptions and what was sent to webhooks. */
  subscriptions: SubscriptionState;
  /** Mailboxes (ids or addresses) outside the Exchange RBAC scope: their Outlook calls answer 403. */
  outsideExchangeScope: Set<string>;
  faults: StandInFaults;
  counts: StandInCounts;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  if (!chunks.length) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function write(res: ServerResponse, answer: Answer): void {
  const headers: Record<string, string> = { ...(answer.headers ?? {}) };
  if (answer.body !== undefined) headers['content-type'] = 'application/json';
  res.writeHead(answer.status, headers);
  res.end(answer.body !== undefined ? JSON.stringify(answer.body) : undefined);
}

export async function startGraphStandIn(options: GraphStandInOptions = {}): Promise<GraphStandIn> {
  const directory = options.org
    ? new DirectoryState(options.org)
    : DirectoryState.generated(options.size ?? 300, options.seed ?? 42);
  const calendar = new CalendarState(directory, options.meetingsPerDay ?? 2);
  const catalog = new TeamsCatalogState();
  const subscriptions = new SubscriptionState(directory);
  calendar.onChange = (organizerId, eventId, changeType) => subscriptions.changed(organizerId, eventId, changeType);
  const outsideExchangeScope = new Set<string>();
  const roles = options.roles ?? GRANTED_ROLES;
  const token = options.token ?? mintToken(roles);
  /** Every token the stand-in accepts and the permissions it carries. */
  const tokens = new Map<string, readonly string[]>([[token, [...roles]]]);
  const faults: StandInFaults = { ...(options.faults ?? {}) };
  const counts: StandInCounts = { requests: 0, throttled: 0, batches: 0, deltaPages: 0, eventsCreated: 0 };
  const rnd = seededRandom(options.seed ?? 42);
  const { key, cert, certFile } = await standInCert(options.dataDir);
  const routes: {
    dir?: ReturnType<typeof directoryRoutes>;
    cal?: ReturnType<typeof calendarRoutes>;
    apps?: ReturnType<typeof teamsCatalogRoutes>;
  } = {};
  /** True when the mailbox a path names is outside the Exchange RBAC scope. */
  const outsideScope = (key: string | undefined) => {
    if (!key || !outsideExchangeScope.size) return false;
    const user = directory.findByIdOrMail(key);
    return [key, user?.id, user?.mail, user?.userPrincipalName].some(
      (k) => k !== undefined && [...outsideExchangeScope].some((o) => o.toLowerCase() === k.toLowerCase()),
    );
  };

  const fault = (): Answer | undefined => {
    const retryAfter = { 'Retry-After': String(faults.retryAfterSeconds ?? 1) };
    if (faults.throttleRate && rnd.next() < faults.throttleRate) {
      counts.throttled++;
      return odataError(429, 'TooManyRequests', 'Too many requests.', retryAfter);
    }
    if (faults.unavailableRate && rnd.next() < faults.unavailableRate)
      return odataError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.', retryAfter);
    return undefined;
  };

  const route = (req: StandInRequest, granted: readonly string[]): Answer => {
    const parts = req.path.split('/').filter(Boolean);
    const permission = requiredPermission(req.method, parts);
    if (permission && !permission.anyOf.some((p) => granted.includes(p))) return denied(permission);
    if (permission?.service === 'exchange' && outsideScope(decodeURIComponent(parts[1] ?? '')))
      return denied(permission);
    if (parts[0] === 'users' && (parts[1] === 'delta' || parts[1] === 'microsoft.graph.delta')) counts.deltaPages++;
    try {
      return (
        routes.apps?.(req, parts) ??
        routes.dir?.(req, parts) ??
        routes.cal?.(req, parts) ??
        odataError(400, 'BadRequest', `Resource not found for the segment '${parts[parts.length - 1] ?? ''}'.`)
      );
    } catch (err) {
      return odataError(500, 'InternalServerError', (err as Error).message);
    }
  };

  /**
   * Subscriptions: managing one needs read access to its resource (Calendars.Read for a mailbox's
   * events, checked like the events themselves, Exchange scope included).
   */
  const subscriptionRoute = async (
    method: string,
    path: string,
    body: unknown,
    granted: readonly string[],
  ): Promise<Answer> => {
    const id = path.split('/').filter(Boolean)[1];
    const json = (body ?? {}) as Record<string, unknown>;
    if (!id && method === 'GET') return subscriptions.list();
    const mailbox = id
      ? subscriptions.subscriptions.get(decodeURIComponent(id))?.userId
      : subscriptions.mailboxOf(json.resource);
    if (mailbox !== undefined) {
      if (!SUBSCRIBE_EVENTS.anyOf.some((p) => granted.includes(p)) || outsideScope(mailbox))
        return denied(SUBSCRIBE_EVENTS);
    }
    if (!id)
      return method === 'POST' ? subscriptions.create(json) : badRequest(`${method} /subscriptions is not supported.`);
    return subscriptions.one(method, decodeURIComponent(id), json);
  };

  const batch = (body: unknown, granted: readonly string[]): Answer => {
    counts.batches++;
    const requests = (body as { requests?: unknown })?.requests;
    if (!Array.isArray(requests) || !requests.length) return badRequest('Invalid batch payload: requests is required.');
    if (requests.length > 20) return badRequest('The number of batch requests exceeds the limit of 20.');
    const ids = new Set<string>();
    const responses = requests.map((raw) => {
      const r = raw as { id?: unknown; method?: unknown; url?: unknown; body?: unknown; headers?: unknown };
      const id = String(r.id ?? '');
      if (!id || ids.has(id)) return { id, status: 400, body: badRequest('Each request needs a unique id.').body };
      ids.add(id);
      const sub = fault();
      if (sub) return { id, status: sub.status, headers: sub.headers, body: sub.body };
      const url = new URL(String(r.url ?? '').replace(/^\/?/, '/'), 'https://batch.invalid');
      const headers = Object.fromEntries(
        Object.entries((r.headers ?? {}) as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      const answer = route(
        {
          method: String(r.method ?? 'GET').toUpperCase(),
          path: url.pathname,
          query: url.searchParams,
          body: r.body,
          headers,
        },
        granted,
      );
      return { id, status: answer.status, headers: { 'Content-Type': 'application/json' }, body: answer.body ?? null };
    });
    return { status: 200, body: { responses } };
  };

  const server: Server = createServer({ key, cert }, (req, res) => {
    void (async () => {
      counts.requests++;
      if (faults.latencyMs) await new Promise((r) => setTimeout(r, faults.latencyMs));
      const url = requestUrl(req, 'https');
      if (!url) return write(res, badRequest('The request-target or the Host header is not valid.'));
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const granted = bearer ? tokens.get(bearer) : undefined;
      if (!granted)
        return write(res, odataError(401, 'InvalidAuthenticationToken', 'Access token is empty or not valid.'));
      const injected = fault();
      if (injected) return write(res, injected);
      if (!url.pathname.startsWith('/v1.0/')) return write(res, odataError(400, 'BadRequest', 'Invalid version.'));
      let body: unknown;
      try {
        body = await readBody(req);
      } catch {
        return write(res, badRequest('The request body is not valid JSON.'));
      }
      const path = url.pathname.slice('/v1.0'.length);
      if (path === '/$batch' && req.method === 'POST') return write(res, batch(body, granted));
      if (path === '/subscriptions' || path.startsWith('/subscriptions/'))
        return write(res, await subscriptionRoute(req.method ?? 'GET', path, body, granted));
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      write(res, route({ method: req.method ?? 'GET', path, query: url.searchParams, body, headers }, granted));
    })().catch((err: unknown) => write(res, odataError(500, 'InternalServerError', (err as Error).message)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  const baseUrl = `https://127.0.0.1:${port}`;
  routes.dir = directoryRoutes(baseUrl, directory, calendar);
  routes.cal = calendarRoutes(baseUrl, directory, calendar, counts);
  routes.apps = teamsCatalogRoutes(baseUrl, directory, catalog);
  return {
    baseUrl,
    token,
    issueToken: (granted) => {
      const issued = mintToken(granted);
      tokens.set(issued, [...granted]);
      return issued;
    },
    certPem: cert,
    ...(certFile ? { certFile } : {}),
    directory,
    calendar,
    catalog,
    subscriptions,
    outsideExchangeScope,
    faults,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
