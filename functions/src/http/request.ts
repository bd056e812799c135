/** Reading the parts of a request the routes validate: body (size, media type, JSON), query, headers. */
import type { HttpRequest } from '@azure/functions';
import { InvalidError } from '../core/errors';

/** Largest JSON body the API accepts; anything bigger is answered 413 before it is parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

export class PayloadTooLarge extends Error {}
export class UnsupportedMediaType extends Error {}

/** Whether the request says its body is JSON (`application/json` or `application/…+json`, any parameters). */
export function hasJsonMediaType(request: Pick<HttpRequest, 'headers'>): boolean {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** The JSON body, `undefined` when there is none. */
export async function readJsonBody(request: HttpRequest): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw new PayloadTooLarge();
  const bytes = Buffer.from(await request.arrayBuffer());
  if (bytes.length > MAX_BODY_BYTES) throw new PayloadTooLarge();
  const text = bytes.toString('utf8');
  if (!text.trim()) return undefined;
  if (!hasJsonMediaType(request)) throw new UnsupportedMediaType();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidError('The request body is not valid JSON.', { '(body)': ['not valid JSON'] });
  }
}

/** The query string as an object; a name given twice is invalid (every parameter is single-valued). */
export function queryObject(request: HttpRequest): Record<string, string> {
  // NOTE: parameter names come from the client ("__proto__", "constructor"): no prototype to collide with.
  const out = Object.create(null) as Record<string, string>;
  const twice: string[] = [];
  request.query.forEach((value, name) => {
    if (Object.hasOwn(out, name)) twice.push(name);
    out[name] = value;
  });
  if (twice.length)
    throw new InvalidError(
      'A query parameter is given more than once.',
      Object.fromEntries(twice.map((n) => [n, ['given more than once']])),
    );
  return out;
}

/** If-Match as the one ETag it names (`*` or absent → no condition). */
export function ifMatchOf(request: HttpRequest): string | undefined {
  const raw = request.headers.get('if-match')?.trim();
  if (!raw || raw === '*') return undefined;
  if (!/^(W\/)?"[\x21\x23-\x7e]{1,200}"$/.test(raw))
    throw new InvalidError('If-Match must be one quoted ETag, as the API sent it.', {
      'If-Match': ['one quoted ETag'],
    });
  return raw.replace(/^W\//, '').slice(1, -1);
}

/** The Idempotency-Key header (printable ASCII, 1–128 characters), if given. */
export function idempotencyKeyOf(request: HttpRequest): string | undefined {
  const raw = request.headers.get('idempotency-key');
  if (raw === null) return undefined;
  const key = raw.trim().replace(/^"(.*)"$/, '$1');
  if (!/^[\x21-\x7e]{1,128}$/.test(key))
    throw new InvalidError('Idempotency-Key must be 1 to 128 printable characters.', {
      'Idempotency-Key': ['1 to 128 printable characters'],
    });
  return key;
}

/** An ETag as the API sends it: always quoted. */
export function etagHeader(etag: string): string {
  return `"${etag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1')}"`;
}
