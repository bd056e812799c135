import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { startDevIdp, DEV_AUDIENCE, type DevIdp } from '../../../functions/src/local/dev-idp/dev-idp';
import { devIdpComponent, operatorConfiguredAuth } from '../../../functions/src/local/dev-idp/component';
import { createTokenValidator } from '../../../functions/src/adapters/auth/token-validator';
import { loadAuthConfig } from '../../../functions/src/config';
import { UnauthorizedError } from '../../../functions/src/core/errors';
import { MALFORMED_HEADS, rawStatus } from '../../support/raw-http';

const people: Record<string, string> = { 'user-1': 'Anna Becker', 'manager-1': 'Max Manager' };
const dataDir = mkdtempSync(join(tmpdir(), 'tandem-idp-'));
let idp: DevIdp;

beforeAll(async () => {
  idp = await startDevIdp({
    tenantId: 'local',
    dataDir,
    accounts: async () => [
      { kind: 'manager', userId: 'manager-1', displayName: 'Max Manager', roles: ['Programme.Manage'] },
    ],
    findUser: async (id) =>
      people[id] ? { displayName: people[id] as string, username: `${id}@contoso.example` } : undefined,
  });
});
afterAll(async () => idp.close());

const envOf = (p: DevIdp) => ({
  AUTH_ISSUER: p.issuer,
  AUTH_AUDIENCE: p.audience,
  AUTH_JWKS_URL: p.jwksUrl,
  AUTH_ALLOWED_TENANTS: 'local',
});

async function tokenFor(body: unknown): Promise<{ status: number; json: { access_token?: string; status?: number } }> {
  const res = await fetch(`${idp.url}/token`, { method: 'POST', body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as { access_token?: string } };
}

describe('the local development identity provider', () => {
  it('signs a token for any person in the directory that the app’s own validator accepts', async () => {
    const { status, json } = await tokenFor({ userId: 'user-1' });
    expect(status).toBe(200);
    const caller = await createTokenValidator(loadAuthConfig(envOf(idp), false)).validate(
      `Bearer ${json.access_token}`,
    );
    expect(caller).toEqual({
      userId: 'user-1',
      tenantId: 'local',
      roles: [],
      displayName: 'Anna Becker',
      username: 'user-1@contoso.example',
    });
  });

  it('gives demo accounts their app roles, and lets a developer ask for roles', async () => {
    const validator = createTokenValidator(loadAuthConfig(envOf(idp), false));
    const manager = await tokenFor({ userId: 'manager-1' });
    expect((await validator.validate(`Bearer ${manager.json.access_token}`)).roles).toEqual(['Programme.Manage']);
    const hr = await tokenFor({ userId: 'user-1', roles: ['Reports.Read'] });
    expect((await validator.validate(`Bearer ${hr.json.access_token}`)).roles).toEqual(['Reports.Read']);
  });

  it('lists the demo accounts and publishes its keys and OpenID configuration', async () => {
    expect(await (await fetch(`${idp.url}/accounts`)).json()).toEqual({
      accounts: [{ kind: 'manager', userId: 'manager-1', displayName: 'Max Manager', roles: ['Programme.Manage'] }],
    });
    const config = (await (await fetch(`${idp.url}/.well-known/openid-configuration`)).json()) as Record<
      string,
      string
    >;
    expect(config).toMatchObject({ issuer: idp.issuer, jwks_uri: idp.jwksUrl, token_endpoint: `${idp.url}/token` });
    const keys = (await (await fetch(idp.jwksUrl)).json()) as { keys: Record<string, unknown>[] };
    expect(keys.keys).toHaveLength(1);
    expect(keys.keys[0]).not.toHaveProperty('d');
  });

  it('refuses unknown people and bad requests', async () => {
    expect((await tokenFor({ userId: 'nobody' })).status).toBe(404);
    expect((await tokenFor({})).status).toBe(400);
    expect((await tokenFor({ userId: 'user-1', roles: 'Programme.Manage' })).status).toBe(400);
    const res = await fetch(`${idp.url}/token`, { method: 'POST', body: '{not json' });
    expect(res.status).toBe(400);
  });

  it('answers malformed request-targets and Host headers with a 4xx and keeps serving', async () => {
    const answers: string[] = [];
    for (const head of MALFORMED_HEADS) {
      const status = await rawStatus(idp.url, head);
      if (status < 400 || status >= 500) answers.push(`${JSON.stringify(head)} → ${status}`);
      expect((await fetch(`${idp.url}/keys`)).status).toBe(200);
    }
    expect(answers).toEqual([]);
  });

  it('keeps its signing key across restarts, so tokens stay valid', async () => {
    const { json } = await tokenFor({ userId: 'user-1' });
    const again = await startDevIdp({
      tenantId: 'local',
      dataDir,
      accounts: async () => [],
      findUser: async () => undefined,
    });
    try {
      const keys = (await (await fetch(again.jwksUrl)).json()) as { keys: { kid: string }[] };
      const before = (await (await fetch(idp.jwksUrl)).json()) as { keys: { kid: string }[] };
      expect(keys.keys[0]?.kid).toBe(before.keys[0]?.kid);
      expect(json.access_token).toBeTruthy();
    } finally {
      await again.close();
    }
  });

  it('is never trusted when real settings are given: its tokens fail against the real issuer and keys', async () => {
    const { json } = await tokenFor({ userId: 'user-1', roles: ['Programme.Manage'] });
    const { publicKey } = await generateKeyPair('RS256');
    const real = loadAuthConfig(
      {
        AUTH_ISSUER: 'https://login.microsoftonline.com/local/v2.0',
        AUTH_AUDIENCE: DEV_AUDIENCE,
        AUTH_JWKS_URL: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
      },
      false,
    );
    const validator = createTokenValidator(real, {
      keys: createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'entra-key', alg: 'RS256' }] }),
    });
    await expect(validator.validate(`Bearer ${json.access_token}`)).rejects.toBeInstanceOf(UnauthorizedError);
  });
});

describe('the development identity provider as a local component', () => {
  const ctx = (env: NodeJS.ProcessEnv) => ({ dataDir, env, appBaseUrl: 'http://localhost:7071' });

  it('stays off when the operator gives any AUTH_* setting, and in Azure', async () => {
    expect(
      await devIdpComponent.start(ctx({ AUTH_ISSUER: 'https://login.microsoftonline.com/t/v2.0' })),
    ).toBeUndefined();
    expect(await devIdpComponent.start(ctx({ AUTH_JWKS_URL: 'https://example.com/keys' }))).toBeUndefined();
    expect(await devIdpComponent.start(ctx({ WEBSITE_INSTANCE_ID: 'abc' }))).toBeUndefined();
  });

  it('starts otherwise and points the app at itself with AUTH_* variables', async () => {
    const started = await devIdpComponent.start(ctx({}));
    try {
      expect(started?.env).toMatchObject({
        AUTH_ISSUER: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/local\/v2\.0$/),
        AUTH_AUDIENCE: DEV_AUDIENCE,
        AUTH_JWKS_URL: expect.stringMatching(/\/keys$/),
        AUTH_ALLOWED_TENANTS: 'local',
      });
      // A restarted stack finds its own earlier settings in process.env: they are not the operator's.
      expect(operatorConfiguredAuth({ ...started?.env })).toBe(false);
      expect(operatorConfiguredAuth({ ...started?.env, AUTH_ISSUER: 'https://login.microsoftonline.com/t/v2.0' })).toBe(
        true,
      );
    } finally {
      await started?.close();
    }
  });
});
