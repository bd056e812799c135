import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { getServices } from '../composition';
import { runHealthChecks } from '../health-checks';
import { APP_VERSION } from '../version';
import type { HealthStatus } from '../ports/health';

/** GET /api/health (anonymous): the version and each dependency; 200 when all are ok, 503 otherwise. */
export async function health(_request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  let checks: Record<string, HealthStatus>;
  try {
    checks = await runHealthChecks((await getServices()).health);
  } catch (err) {
    context.error('health: services could not start', err);
    checks = { app: { status: 'degraded', reason: (err as Error).message } };
  }
  const ok = Object.values(checks).every((c) => c.status === 'ok');
  return {
    status: ok ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
    jsonBody: { status: ok ? 'ok' : 'degraded', version: APP_VERSION, checks },
  };
}

app.http('health', { route: 'health', methods: ['GET'], authLevel: 'anonymous', handler: health });
