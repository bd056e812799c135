import { HttpRequest, InvocationContext } from '@azure/functions';
import { health } from '../../../functions/src/http/health';
import { createServices, setServices, type Services } from '../../../functions/src/composition';
import { loadConfig } from '../../../functions/src/config';
import { botConfigHealth, runHealthChecks, storeHealth } from '../../../functions/src/health-checks';
import { UnavailableError } from '../../../functions/src/core/errors';
import { inlineMatcher } from '../../../functions/src/ports/matcher';
import type { HealthCheck } from '../../../functions/src/ports/health';
import type { Store } from '../../../functions/src/ports/store';
import { openTestStore, type TestStore } from '../../support/embedded-store';

const call = async () => {
  const res = await health(
    new HttpRequest({ method: 'GET', url: 'http://localhost/api/health' }),
    new InvocationContext({ logHandler: () => {} }),
  );
  return {
    status: res.status,
    body: res.jsonBody as {
      status: string;
      version: string;
      checks: Record<string, { status: string; reason?: string }>;
    },
  };
};

/** The app as the composition root builds it on `store`, with only the given health checks. */
async function servicesWith(checks: HealthCheck[], store: Store): Promise<Services> {
  const services = await createServices(loadConfig({}), {
    store: { store, dispose: async () => {} },
    matcher: inlineMatcher,
  });
  return { ...services, health: checks };
}

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
});
afterAll(async () => t.close());

describe('GET /api/health', () => {
  it('answers 200 with the version and every dependency ok', async () => {
    setServices(await servicesWith([storeHealth(t.store), botConfigHealth({ hasPassword: false }, false)], t.store));
    const { status, body } = await call();
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(body.checks)).toEqual(['store', 'bot']);
  });

  it('answers 503 naming the dependency and the reason when the store is unreachable', async () => {
    const broken = {
      ...t.store,
      ping: () => Promise.reject(new UnavailableError('The data store is not available (ECONNREFUSED).')),
    };
    setServices(await servicesWith([storeHealth(broken), botConfigHealth({ hasPassword: false }, false)], broken));
    const { status, body } = await call();
    expect(status).toBe(503);
    expect(body.status).toBe('degraded');
    expect(body.checks.store).toEqual({
      status: 'degraded',
      reason: 'The data store is not available (ECONNREFUSED).',
    });
    expect(body.checks.bot?.status).toBe('ok');
  });

  it('marks a check that hangs as degraded instead of hanging itself', async () => {
    const hanging: HealthCheck = { name: 'directory', check: () => new Promise(() => {}) };
    expect(await runHealthChecks([hanging], 20)).toEqual({
      directory: { status: 'degraded', reason: 'no answer within 20 ms' },
    });
  });

  it('answers 503 when the services cannot start at all', async () => {
    setServices(Promise.reject(new Error('COSMOS_ENDPOINT is not set')));
    const { status, body } = await call();
    expect(status).toBe(503);
    expect(body.checks.app?.reason).toMatch(/COSMOS_ENDPOINT/);
  });
});

describe('the bot configuration check', () => {
  it('is degraded in Azure without an app id, and ok locally', async () => {
    expect((await botConfigHealth({ hasPassword: false }, true).check()).status).toBe('degraded');
    expect((await botConfigHealth({ hasPassword: false }, false).check()).status).toBe('ok');
  });

  it('requires a tenant and a secret for a single-tenant bot', async () => {
    expect(
      await botConfigHealth({ appId: 'a', appType: 'SingleTenant', hasPassword: true }, true).check(),
    ).toMatchObject({ status: 'degraded' });
    expect(
      await botConfigHealth({ appId: 'a', appType: 'SingleTenant', appTenantId: 't', hasPassword: true }, true).check(),
    ).toEqual({ status: 'ok' });
    expect(
      await botConfigHealth(
        { appId: 'a', appType: 'UserAssignedMSI', appTenantId: 't', hasPassword: false },
        true,
      ).check(),
    ).toEqual({ status: 'ok' });
  });
});
