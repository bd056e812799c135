/**
 * The tab's HTTP client for the Programme API. Paths are absolute under `/api/v1` on the tab's own
 * origin: locally the tab is at `/`, in Azure at `/api/tab/`, and the API is at `/api/v1` in both.
 * Sends the bearer token (Teams SSO or the local development identity provider), If-Match and
 * Idempotency-Key where asked, and turns every failure into an ApiError.
 */
import { ApiError, networkProblem, problemOf } from './problem';

/**
 * Where the bearer token comes from; `refresh` asks for a new one after a 401, with the API's claims
 * challenge (`WWW-Authenticate: Bearer … claims="…"`) when it sent one.
 */
export interface TokenSource {
  getToken(options?: { refresh?: boolean; claims?: string }): Promise<string>;
}

/** The decoded `claims` of a Bearer challenge (RFC 6750 with Entra's claims challenge), if any. */
export function claimsChallenge(header: string | null): string | undefined {
  const encoded = header ? /claims="([^"]+)"/.exec(header)?.[1] : undefined;
  if (!encoded) return undefined;
  try {
    return atob(encoded);
  } catch {
    return undefined;
  }
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** The ETag of the document being changed (sent as If-Match). */
  ifMatch?: string;
  /** Makes a creating POST safe to repeat. */
  idempotencyKey?: string;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  etag?: string;
}

export const API_BASE = '/api/v1';

export class ApiClient {
  constructor(
    private readonly tokens: TokenSource,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
    private readonly base = API_BASE,
  ) {}

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const send = async (token: string): Promise<Response> => {
      const headers: Record<string, string> = {
        accept: 'application/json',
        authorization: `Bearer ${token}`,
      };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      if (options.ifMatch) headers['if-match'] = `"${options.ifMatch.replace(/^W\//, '').replace(/^"(.*)"$/, '$1')}"`;
      if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
      try {
        return await this.fetchImpl(this.url(path, options.query), {
          method,
          headers,
          ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        });
      } catch (err) {
        throw networkProblem(err);
      }
    };
    const first = await this.tokens.getToken();
    let response = await send(first);
    // A token can expire between two calls; one retry with a fresh token is enough. Resending the
    // token the API just refused (Teams answers from its cache) would only fail again.
    if (response.status === 401) {
      const claims = claimsChallenge(response.headers.get('www-authenticate'));
      const fresh = await this.tokens.getToken({ refresh: true, ...(claims ? { claims } : {}) });
      if (fresh !== first) response = await send(fresh);
    }
    if (!response.ok) throw new ApiError(await problemOf(response));
    const etag =
      response.headers
        .get('etag')
        ?.replace(/^W\//, '')
        .replace(/^"(.*)"$/, '$1') ?? undefined;
    const text = response.status === 204 ? '' : await response.text();
    const data = (text ? JSON.parse(text) : undefined) as T;
    return { status: response.status, data, ...(etag ? { etag } : {}) };
  }

  async get<T>(path: string, query?: RequestOptions['query']): Promise<T> {
    return (await this.request<T>('GET', path, query ? { query } : {})).data;
  }

  private url(path: string, query?: RequestOptions['query']): string {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(name, String(value));
    const qs = params.toString();
    return `${this.base}${path}${qs ? `?${qs}` : ''}`;
  }
}

/** A fresh key for one user action (a double click sends the same key, so the API creates one thing). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && 'randomUUID' in c) return c.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
