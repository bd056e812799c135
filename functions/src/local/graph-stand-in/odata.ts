import { randomUUID } from 'node:crypto';

/** What a route answers; the server writes it as JSON. */
export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A request as the routes see it (also a request inside a $batch). */
export interface StandInRequest {
  method: string;
  /** Path after /v1.0, e.g. /users/delta. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** Request headers, names in lower case (inside a $batch: the request's own `headers`). */
  headers?: Record<string, string>;
}

export function ok(body: unknown, status = 200): Answer {
  return { status, body };
}

/** Graph's error body: { error: { code, message, innerError } }. */
export function odataError(status: number, code: string, message: string, headers?: Record<string, string>): Answer {
  const now = new Date().toISOString();
  return {
    status,
    body: {
      error: {
        code,
        message,
        innerError: { date: now, 'request-id': randomUUID(), 'client-request-id': randomUUID() },
      },
    },
    ...(headers ? { headers } : {}),
  };
}

export const badRequest = (message: string) => odataError(400, 'BadRequest', message);
export const notFound = (what: string) =>
  odataError(404, 'Request_ResourceNotFound', `Resource '${what}' does not exist.`);

/** Graph's dateTime text for an instant: UTC without offset, seven fraction digits. */
export function graphDateTime(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19)}.0000000`;
}
