/**
 * Idempotency-Key for creating POSTs: the first request with a key runs and its answer is kept
 * (container `idempotency`, a day); a repeat with the same key and body gets the same answer
 * without running again, a repeat with another body gets 422, and a repeat while the first is
 * still running waits for it. Only successful answers are kept, so a failed request can be retried.
 * The daily timer deletes old records (app/jobs/purge-idempotency).
 */
import { createHash } from 'node:crypto';
import type { HttpResponseInit } from '@azure/functions';
import { ConflictError } from '../core/errors';
import type { Store } from '../ports/store';
import type { Clock } from '../ports/clock';
import { problem } from './problem';

const WAIT_MS = 10_000;
const IN_PROGRESS = 0;

interface Kept {
  headers: Record<string, string>;
  body: unknown;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export async function withIdempotency(
  deps: { store: Store; clock: Clock },
  scope: string,
  key: string,
  requestBody: unknown,
  run: () => Promise<HttpResponseInit & { jsonBody?: unknown; headers?: Record<string, string> }>,
): Promise<HttpResponseInit> {
  const id = hash(`${scope}\n${key}`).slice(0, 40);
  const requestHash = hash(JSON.stringify(requestBody ?? null));
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const existing = await deps.store.idempotency.find(scope, id);
    if (existing) {
      if (existing.requestHash !== requestHash)
        return problem(422, 'This Idempotency-Key was used for a different request; use a new key.');
      if (existing.status !== IN_PROGRESS) {
        const kept = (existing.body ?? { headers: {}, body: null }) as Kept;
        return {
          status: existing.status,
          headers: { ...kept.headers, 'idempotent-replayed': 'true' },
          jsonBody: kept.body,
        };
      }
      if (Date.now() > deadline) return problem(409, 'A request with this Idempotency-Key is still being processed.');
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    try {
      await deps.store.idempotency.create({
        id,
        schemaVersion: 1,
        scope,
        requestHash,
        status: IN_PROGRESS,
        createdAt: deps.clock.now().toISOString(),
      });
      break;
    } catch (err) {
      if (err instanceof ConflictError && err.reason === 'exists') continue;
      throw err;
    }
  }
  let response: HttpResponseInit & { headers?: Record<string, string> };
  try {
    response = await run();
  } catch (err) {
    await deps.store.idempotency.delete(scope, id).catch(() => {});
    throw err;
  }
  const status = response.status ?? 200;
  if (status >= 200 && status < 300) {
    const headers: Record<string, string> = {};
    for (const name of ['etag', 'location', 'content-location']) {
      const value = response.headers?.[name];
      if (value) headers[name] = value;
    }
    await deps.store.idempotency.upsert({
      id,
      schemaVersion: 1,
      scope,
      requestHash,
      status,
      body: { headers, body: response.jsonBody ?? null } satisfies Kept,
      createdAt: deps.clock.now().toISOString(),
    });
  } else {
    await deps.store.idempotency.delete(scope, id).catch(() => {});
  }
  return response;
}
