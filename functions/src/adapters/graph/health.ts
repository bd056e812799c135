import type { HealthCheck, HealthStatus } from '../../ports/health';
import type { GraphConnection } from './client';

const CACHE_MS = 30_000;

/**
 * The directory and calendar checks of /api/health: one cheap Graph call (`GET /users?$top=1&$select=id`)
 * shared by both and cached for 30 s, so a health poll never hammers Graph. Degraded with a reason
 * when Graph is not configured or does not answer.
 */
export function graphHealthChecks(conn: GraphConnection | undefined, notConfigured: string): HealthCheck[] {
  let last: { at: number; status: Promise<HealthStatus> } | undefined;
  const probe = (): Promise<HealthStatus> => {
    if (!conn) return Promise.resolve({ status: 'degraded', reason: notConfigured });
    if (last && Date.now() - last.at < CACHE_MS) return last.status;
    const status = conn.client
      .api('/users')
      .top(1)
      .select('id')
      .get()
      .then(
        (): HealthStatus => ({ status: 'ok' }),
        (err: unknown): HealthStatus => ({
          status: 'degraded',
          reason: `Microsoft Graph at ${conn.baseUrl} did not answer: ${err instanceof Error ? err.message : String(err)}`,
        }),
      );
    last = { at: Date.now(), status };
    return status;
  };
  return [
    { name: 'directory', check: probe },
    { name: 'calendar', check: probe },
  ];
}
