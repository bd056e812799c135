import type { GraphConnection } from './client';
import { backoffMs, defaultSleep, retryAfterMs } from './resilience';

/** One request inside a JSON $batch (url relative to the version, e.g. /users/{id}/mailboxSettings). */
export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
}

export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Graph runs at most 20 requests per $batch. */
export const BATCH_LIMIT = 20;
const RETRYABLE = new Set([429, 503, 504]);

export interface BatchOptions {
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs requests through JSON $batch, 20 at a time. Each answer inside a batch has its own status:
 * throttled ones (429, honouring their Retry-After) and 503/504 are sent again in a later batch,
 * the rest are returned as they are, by id.
 */
export async function runBatch(
  conn: GraphConnection,
  requests: BatchRequest[],
  options: BatchOptions = {},
): Promise<Map<string, BatchResponse>> {
  const results = new Map<string, BatchResponse>();
  const sleep = options.sleep ?? defaultSleep;
  const maxRetries = options.maxRetries ?? 8;
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const retry: BatchRequest[] = [];
    let wait = 0;
    for (let i = 0; i < pending.length; i += BATCH_LIMIT) {
      const chunk = pending.slice(i, i + BATCH_LIMIT);
      const answer = (await conn.client.api('/$batch').post({
        requests: chunk.map((r) => ({
          id: r.id,
          method: r.method,
          url: r.url,
          ...(r.body !== undefined ? { body: r.body, headers: { 'Content-Type': 'application/json' } } : {}),
        })),
      })) as { responses?: BatchResponse[] };
      const byId = new Map((answer.responses ?? []).map((r) => [String(r.id), r]));
      for (const request of chunk) {
        const response = byId.get(request.id) ?? {
          id: request.id,
          status: 500,
          body: { error: { message: 'missing' } },
        };
        if (response.status === 429) conn.stats.throttled++;
        if (RETRYABLE.has(response.status) && attempt < maxRetries) {
          retry.push(request);
          const headers = Object.fromEntries(
            Object.entries(response.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
          );
          wait = Math.max(wait, retryAfterMs(headers['retry-after']) ?? backoffMs(attempt, 500, Math.random));
        } else {
          results.set(request.id, response);
        }
      }
    }
    if (retry.length > 0) {
      conn.stats.retries += retry.length;
      await sleep(wait);
    }
    pending = retry;
  }
  return results;
}
