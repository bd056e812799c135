/**
 * A small server that behaves like Microsoft Graph for everything Tandem calls, on https loopback
 * with a self-signed certificate: users (with $select, $top ≤ 999, $filter basics, $expand=manager
 * capped at 100 per page), users/delta, manager, mailboxSettings, groups, JSON $batch (400 beyond 20),
 * getSchedule and events (create with transactionId, update, cancel, delete, instances), OData error
 * bodies, and configurable faults (429 with Retry-After, 503, latency). Local use and tests only.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { GeneratedUser } from '../demo/org';
import { seededRandom } from '../demo/random';
import { DirectoryState } from './directory-state';
import { CalendarState } from './calendar-state';
import { directoryRoutes } from './directory-routes';
import { calendarRoutes } from './calendar-routes';
import { standInCert } from './cert';
import { badRequest, odataError, type Answer, type StandInRequest } from './odata';
import { requestUrl } from '../request-target';

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
  /** The bearer token to accept; default a random one. */
  token?: string;
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
  token: string;
  /** The certificate to trust (PEM) and where it is stored. */
  certPem: string;
  certFile?: string;
  directory: DirectoryState;
  calendar: CalendarState;
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
  const token = options.token ?? randomBytes(24).toString('base64url');
  const faults: StandInFaults = { ...(options.faults ?? {}) };
  const counts: StandInCounts = { requests: 0, throttled: 0, batches: 0, deltaPages: 0, eventsCreated: 0 };
  const rnd = seededRandom(options.seed ?? 42);
  const { key, cert, certFile } = await standInCert(options.dataDir);
  const routes: { dir?: ReturnType<typeof directoryRoutes>; cal?: ReturnType<typeof calendarRoutes> } = {};

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

  const route = (req: StandInRequest): Answer => {
    const parts = req.path.split('/').filter(Boolean);
    if (parts[0] === 'users' && (parts[1] === 'delta' || parts[1] === 'microsoft.graph.delta')) counts.deltaPages++;
    try {
      return (
        routes.dir?.(req, parts) ??
        routes.cal?.(req, parts) ??
        odataError(400, 'BadRequest', `Resource not found for the segment '${parts[parts.length - 1] ?? ''}'.`)
      );
    } catch (err) {
      return odataError(500, 'InternalServerError', (err as Error).message);
    }
  };

  const batch = (body: unknown): Answer => {
    counts.batches++;
    const requests = (body as { requests?: unknown })?.requests;
    if (!Array.isArray(requests) || !requests.length) return badRequest('Invalid batch payload: requests is required.');
    if (requests.length > 20) return badRequest('The number of batch requests exceeds the limit of 20.');
    const ids = new Set<string>();
    const responses = requests.map((raw) => {
      const r = raw as { id?: unknown; method?: unknown; url?: unknown; body?: unknown };
      const id = String(r.id ?? '');
      if (!id || ids.has(id)) return { id, status: 400, body: badRequest('Each request needs a unique id.').body };
      ids.add(id);
      const sub = fault();
      if (sub) return { id, status: sub.status, headers: sub.headers, body: sub.body };
      const url = new URL(String(r.url ?? '').replace(/^\/?/, '/'), 'https://batch.invalid');
      const answer = route({
        method: String(r.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        body: r.body,
      });
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
      if (req.headers.authorization !== `Bearer ${token}`)
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
      if (path === '/$batch' && req.method === 'POST') return write(res, batch(body));
      write(res, route({ method: req.method ?? 'GET', path, query: url.searchParams, body }));
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
  return {
    baseUrl,
    token,
    certPem: cert,
    ...(certFile ? { certFile } : {}),
    directory,
    calendar,
    faults,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
