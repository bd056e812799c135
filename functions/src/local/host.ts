/**
 * The local Functions host: serves the app's `app.http` registrations over HTTP as the Azure
 * Functions host routes them (`/api/<route>`, route parameters, methods), runs `app.timer`
 * registrations on their NCRONTAB schedules, and, like the host's admin API, runs any non-HTTP
 * function on demand with `POST /admin/functions/<name>`. Locally it also serves the tab's static files.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { HttpRequest, HttpResponse, InvocationContext, type HttpResponseInit } from '@azure/functions';
import type { Registration } from './functions-core-shim';
import { compareRoutes, matchRoute, parseRoute, type RouteTemplate } from './route-template';
import { nextOccurrence, parseSchedule, type Schedule } from './ncrontab';
import { serveStatic } from './static-files';
import { badRequestTarget, refuseConnect, requestUrl } from './request-target';

export interface LocalHostOptions {
  registrations: Registration[];
  /** host.json extensions.http.routePrefix (default "api"). */
  routePrefix?: string;
  /** Folder served at `/` for paths outside the prefix (the tab); SPA fallback to index.html. */
  staticDir?: string;
  /** Start the timers on their schedules (off in tests; on for npm start). */
  runTimers?: boolean;
  /** Largest request body accepted (default 32 MiB, as a proxy in front of the host would cap it). */
  maxBodyBytes?: number;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

interface HttpRoute {
  registration: Registration;
  route: RouteTemplate;
  methods: Set<string>;
}

interface TimerEntry {
  registration: Registration;
  schedule: Schedule;
  running: boolean;
  timeout?: NodeJS.Timeout;
}

export interface LocalHost {
  server: Server;
  /** Listens on loopback; returns the base URL, e.g. http://localhost:7071. */
  listen(port: number, hostname?: string): Promise<string>;
  /** Runs a registered non-HTTP function now (as the admin API does). */
  trigger(name: string): Promise<void>;
  close(): Promise<void>;
}

export function createLocalHost(options: LocalHostOptions): LocalHost {
  const prefix = (options.routePrefix ?? 'api').replace(/^\/+|\/+$/g, '');
  const maxBody = options.maxBodyBytes ?? 32 * 1024 * 1024;
  const log = options.log ?? ((level, message) => console[level === 'info' ? 'log' : level](message));
  const httpRoutes: HttpRoute[] = [];
  const timers = new Map<string, TimerEntry>();
  const others = new Map<string, Registration>();

  for (const registration of options.registrations) {
    const trigger = Object.values(registration.metadata.bindings).find(
      (b) => b.direction === 'in' && /Trigger$/.test(b.type),
    );
    if (trigger?.type === 'httpTrigger') {
      const route = parseRoute(trigger.route ?? registration.name);
      const methods = new Set((trigger.methods ?? ['GET', 'POST']).map((m) => m.toUpperCase()));
      httpRoutes.push({ registration, route, methods });
    } else if (trigger?.type === 'timerTrigger') {
      timers.set(registration.name, {
        registration,
        schedule: parseSchedule(String(trigger.schedule)),
        running: false,
      });
    } else {
      others.set(registration.name, registration);
    }
  }
  httpRoutes.sort((a, b) => compareRoutes(a.route, b.route));

  async function runTimer(entry: TimerEntry, isPastDue = false): Promise<void> {
    if (entry.running) {
      log('warn', `timer ${entry.registration.name}: previous run still going, skipped`);
      return;
    }
    entry.running = true;
    const context = new InvocationContext({ invocationId: randomUUID(), functionName: entry.registration.name });
    try {
      const next = nextOccurrence(entry.schedule, new Date());
      await entry.registration.handler({ isPastDue, scheduleStatus: { next: next?.toISOString() } }, context);
    } catch (err) {
      log('error', `timer ${entry.registration.name} failed: ${(err as Error).stack ?? String(err)}`);
    } finally {
      entry.running = false;
    }
  }

  function schedule(entry: TimerEntry): void {
    const next = nextOccurrence(entry.schedule, new Date());
    if (!next) return;
    // NOTE: setTimeout caps at ~24.8 days; re-arm in steps for schedules further out.
    const delay = Math.min(next.getTime() - Date.now(), 2 ** 31 - 1);
    entry.timeout = setTimeout(() => {
      if (Date.now() + 5 >= next.getTime()) void runTimer(entry).finally(() => schedule(entry));
      else schedule(entry);
    }, delay);
    entry.timeout.unref();
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.slice(prefix.length + 2);
    const method = (req.method ?? 'GET').toUpperCase();
    let matched: { route: HttpRoute; params: Record<string, string> } | undefined;
    for (const route of httpRoutes) {
      if (!route.methods.has(method)) continue;
      const params = matchRoute(route.route, path);
      if (params) {
        matched = { route, params };
        break;
      }
    }
    if (!matched) {
      res.writeHead(404).end();
      return;
    }
    const body = await readBody(req, maxBody);
    if (body === 'too-large') {
      // Answered without waiting, so the rest of the oversized body is drained at once.
      void send(
        res,
        new HttpResponse({ status: 413, jsonBody: { type: 'about:blank', title: 'Payload Too Large', status: 413 } }),
      ).catch((err: unknown) => log('error', `request ${method} ${url.pathname}: 413 not sent: ${String(err)}`));
      req.resume();
      return;
    }
    const request = new HttpRequest({
      method,
      url: url.toString(),
      headers: flattenHeaders(req),
      params: matched.params,
      ...(body.length ? { body: { bytes: body } } : {}),
    });
    const context = new InvocationContext({
      invocationId: randomUUID(),
      functionName: matched.route.registration.name,
    });
    try {
      const result = (await matched.route.registration.handler(request, context)) as
        HttpResponse | HttpResponseInit | undefined;
      await send(res, result instanceof HttpResponse ? result : new HttpResponse(result ?? {}));
    } catch (err) {
      log('error', `${matched.route.registration.name} failed: ${(err as Error).stack ?? String(err)}`);
      if (!res.headersSent) res.writeHead(500).end();
    }
  }

  async function handleAdmin(req: IncomingMessage, res: ServerResponse, encodedName: string): Promise<void> {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    let name: string;
    try {
      name = decodeURIComponent(encodedName);
    } catch {
      return void res.writeHead(404).end();
    }
    const timer = timers.get(name);
    const other = others.get(name);
    if (!timer && !other) return void res.writeHead(404).end();
    res.writeHead(202).end();
    if (timer) await runTimer(timer);
    else await other?.handler({}, new InvocationContext({ invocationId: randomUUID(), functionName: name }));
  }

  const server = createServer((req, res) => {
    const url = requestUrl(req);
    if (!url) return badRequestTarget(res);
    const failed = (err: unknown) => {
      log('error', `request ${req.method} ${url.pathname} failed: ${String(err)}`);
      if (!res.headersSent) res.writeHead(500).end();
    };
    try {
      const admin = /^\/admin\/functions\/([^/]+)\/?$/.exec(url.pathname);
      const work =
        url.pathname === `/${prefix}` || url.pathname.startsWith(`/${prefix}/`)
          ? handleHttp(req, res, url)
          : admin
            ? handleAdmin(req, res, admin[1] as string)
            : options.staticDir
              ? serveStatic(options.staticDir, req, res, url)
              : Promise.resolve(void res.writeHead(404).end());
      work.catch(failed);
    } catch (err) {
      failed(err);
    }
  });
  server.keepAliveTimeout = 5000;
  refuseConnect(server);

  return {
    server,
    async listen(port, hostname = '127.0.0.1') {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, hostname, () => resolve());
      });
      if (options.runTimers) for (const entry of timers.values()) schedule(entry);
      const { port: actual } = server.address() as { port: number };
      return `http://localhost:${actual}`;
    },
    async trigger(name) {
      const timer = timers.get(name);
      if (timer) return runTimer(timer);
      const other = others.get(name);
      if (!other) throw new Error(`No function named "${name}".`);
      await other.handler({}, new InvocationContext({ invocationId: randomUUID(), functionName: name }));
    },
    async close() {
      for (const entry of timers.values()) if (entry.timeout) clearTimeout(entry.timeout);
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return 'too-large';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function send(res: ServerResponse, response: HttpResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.cookies.map(
    (c) =>
      `${c.name}=${c.value}${c.path ? `; Path=${c.path}` : ''}${c.httpOnly ? '; HttpOnly' : ''}${c.secure ? '; Secure' : ''}${c.sameSite ? `; SameSite=${c.sameSite}` : ''}`,
  );
  if (cookies.length) headers['set-cookie'] = cookies;
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, headers);
  res.end(body);
}
