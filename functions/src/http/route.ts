/**
 * One API route = one Azure Functions HTTP function: authenticate → validate route, query and body
 * with their schemas → call the use case → map the result (JSON, ETag, Location) or the error
 * (problem+json). Handlers hold no rules; `defineRoute` returns the handler so tests can call it.
 */
import {
  app,
  type HttpHandler,
  type HttpRequest,
  type HttpResponseInit,
  type InvocationContext,
} from '@azure/functions';
import type { z } from 'zod';
import { emptySchema, parseInput, type AppDeps, type Caller } from '@tandem/app';
import { requestServices } from './services';
import {
  etagHeader,
  idempotencyKeyOf,
  ifMatchOf,
  MAX_BODY_BYTES,
  PayloadTooLarge,
  queryObject,
  readJsonBody,
  UnsupportedMediaType,
} from './request';
import { problem, problemOf } from './problem';
import { withIdempotency } from './idempotency';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteInput<P, Q, B> {
  caller: Caller;
  deps: AppDeps;
  params: P;
  query: Q;
  body: B;
  /** The If-Match ETag (without quotes), when the client sent one. */
  ifMatch?: string;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  /** Sent as the ETag header (quoted). */
  etag?: string;
  /** Path under /api, sent as Location (e.g. `/api/v1/programmes/p-1`). */
  location?: string;
}

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  name: string;
  method: Method;
  /** Functions route template under /api, e.g. `v1/programmes/{id}`. */
  route: string;
  params?: P;
  query?: Q;
  body?: B;
  /** A creating POST: honours Idempotency-Key. */
  idempotent?: boolean;
  run(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>): Promise<RouteResult>;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

function respond(result: RouteResult): HttpResponseInit & { headers: Record<string, string> } {
  const headers: Record<string, string> = { ...JSON_HEADERS };
  if (result.etag) headers.etag = etagHeader(result.etag);
  if (result.location) headers.location = result.location;
  const status = result.status ?? 200;
  return status === 204 ? { status, headers } : { status, headers, jsonBody: result.body ?? null };
}

export function defineRoute<
  P extends z.ZodType = typeof emptySchema,
  Q extends z.ZodType = typeof emptySchema,
  B extends z.ZodType = typeof emptySchema,
>(spec: RouteSpec<P, Q, B>): HttpHandler {
  const handler: HttpHandler = async (request: HttpRequest, context: InvocationContext) => {
    try {
      const { deps, auth } = await requestServices();
      const caller = await auth.validate(request.headers.get('authorization'));
      const params = parseInput((spec.params ?? emptySchema) as P, { ...request.params }, 'route');
      const query = parseInput((spec.query ?? emptySchema) as Q, queryObject(request), 'query');
      const raw = await readJsonBody(request);
      // No body reads as {}; a body that says `null` (or anything else) is checked as sent.
      const body = parseInput((spec.body ?? emptySchema) as B, raw === undefined ? {} : raw, 'body');
      const ifMatch = ifMatchOf(request);
      const key = spec.idempotent ? idempotencyKeyOf(request) : undefined;
      const run = async () =>
        respond(await spec.run({ caller, deps, params, query, body, ...(ifMatch ? { ifMatch } : {}) }));
      if (!key) return await run();
      const scope = `${caller.userId}:${spec.name}:${JSON.stringify(params)}`;
      return await withIdempotency(deps, scope, key, raw ?? null, run);
    } catch (err) {
      if (err instanceof PayloadTooLarge)
        return problem(413, `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
      if (err instanceof UnsupportedMediaType) return problem(415, 'Send the body as application/json.');
      return problemOf(err, context);
    }
  };
  app.http(spec.name, { route: spec.route, methods: [spec.method], authLevel: 'anonymous', handler });
  return handler;
}
