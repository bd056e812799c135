import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { getServices } from '../composition';
import { runHealthChecks } from '../health-checks';
import { APP_VERSION } from '../version';
import type { HealthStatus } from '../ports/health';
import { isOperator, listStuckWork } from '@tandem/app';

/** For a caller with `Tandem.Operate`: how much work is stuck (GET /api/v1/operations/stuck has the items). */
async function stuckDetail(request: HttpRequest): Promise<Record<string, number> | undefined> {
  const header = request.headers.get('authorization');
  if (!header) return undefined;
  try {
    const services = await getServices();
    const caller = await services.auth?.validate(header);
    if (!caller || !isOperator(caller)) return undefined;
    return (await listStuckWork(services.app, caller)).counts;
  } catch {
    // The anonymous answer stays as it is: a bad token or a store error adds no detail.
    return undefined;
  }
}

/**
 * GET /api/health (anonymous): the version and each dependency; 200 when all are ok, 503 otherwise.
 * With an operator's token (`Tandem.Operate`) it adds `stuck`: the counts of stuck work.
 */
export async function health(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  let checks: Record<string, HealthStatus>;
  try {
    checks = await runHealthChecks((await getServices()).health);
  } catch (err) {
    context.error('health: services could not start', err);
    checks = { app: { status: 'degraded', reason: (err as Error).message } };
  }
  const ok = Object.values(checks).every((c) => c.status === 'ok');
  const stuck = await stuckDetail(request);
  return {
    status: ok ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
    jsonBody: { status: ok ? 'ok' : 'degraded', version: APP_VERSION, checks, ...(stuck ? { stuck } : {}) },
  };
}

app.http('health', { route: 'health', methods: ['GET'], authLevel: 'anonymous', handler: health });
