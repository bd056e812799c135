import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, type JWK, type KeyLike } from 'jose';
import { createTokenValidator } from '../../../functions/src/adapters/auth/token-validator';
import { ConfigError, loadAuthConfig } from '../../../functions/src/config';
import { UnauthorizedError, UnavailableError } from '../../../functions/src/core/errors';
import { CLIENT_ID, ISSUER, signToken, userClaims } from './support/harness';
import { TENANT } from '../../support/org';

let server: Server;
let jwksUrl: string;
let served: JWK[] = [];
let fetches = 0;
let failing = false;

async function key(kid: string): Promise<{ privateKey: KeyLike; jwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

beforeAll(async () => {
  server = createServer((_req, res) => {
    fetches++;
    if (failing) return void res.writeHead(500).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: served }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/keys`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config = () => loadAuthConfig({ AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: CLIENT_ID, AUTH_JWKS_URL: jwksUrl }, false);

describe('bearer token validation against the issuer’s JWKS', () => {
  it('reads the key set once and then serves tokens from the cache', async () => {
    const k1 = await key('k1');
    served = [k1.jwk];
    fetches = 0;
    const validator = createTokenValidator(config());
    const token = await signToken(k1.privateKey, 'k1', userClaims('user-a', ['Reports.Read']));
    for (let i = 0; i < 5; i++) {
      expect(await validator.validate(`Bearer ${token}`)).toMatchObject({
        userId: 'user-a',
        tenantId: TENANT,
        roles: ['Reports.Read'],
      });
    }
    expect(fetches).toBe(1);
  });

  it('follows a key rotation: a token with a new key id makes it fetch the key set again', async () => {
    const k1 = await key('old');
    const k2 = await key('new');
    served = [k1.jwk];
    const validator = createTokenValidator(config(), { jwksCooldownMs: 0 });
    await validator.validate(`Bearer ${await signToken(k1.privateKey, 'old', userClaims('user-a'))}`);
    served = [k2.jwk];
    const rotated = await validator.validate(`Bearer ${await signToken(k2.privateKey, 'new', userClaims('user-b'))}`);
    expect(rotated.userId).toBe('user-b');
    await expect(
      validator.validate(`Bearer ${await signToken(k1.privateKey, 'old', userClaims('user-a'))}`),
    ).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('answers unavailable (not unauthorised) when the key set cannot be read', async () => {
    const k1 = await key('k-down');
    failing = true;
    try {
      const validator = createTokenValidator(config());
      const err = await validator
        .validate(`Bearer ${await signToken(k1.privateKey, 'k-down', userClaims('user-a'))}`)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnavailableError);
    } finally {
      failing = false;
    }
  });

  it('accepts no token at all when no identity provider is configured', async () => {
    const validator = createTokenValidator(loadAuthConfig({}, false));
    await expect(validator.validate('Bearer a.b.c')).rejects.toBeInstanceOf(UnauthorizedError);
  });
});

describe('the authentication settings', () => {
  it('accepts the client id and its api:// URI as audience, whichever is configured', () => {
    expect(config().audiences.sort()).toEqual([CLIENT_ID, `api://${CLIENT_ID}`].sort());
    const fromUri = loadAuthConfig(
      { AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: `api://tandem.example.com/${CLIENT_ID}`, AUTH_JWKS_URL: jwksUrl },
      false,
    );
    expect(fromUri.audiences).toContain(CLIENT_ID);
  });

  it('takes the allowed tenant from the issuer, and needs a list for a multi-tenant issuer', () => {
    expect(config().allowedTenants).toEqual([TENANT]);
    expect(() =>
      loadAuthConfig(
        {
          AUTH_ISSUER: 'https://login.microsoftonline.com/{tenantid}/v2.0',
          AUTH_AUDIENCE: CLIENT_ID,
          AUTH_JWKS_URL: jwksUrl,
        },
        false,
      ),
    ).toThrow(ConfigError);
  });

  it('refuses a loopback identity provider in Azure', () => {
    expect(() =>
      loadAuthConfig(
        {
          AUTH_ISSUER: 'http://127.0.0.1:5000/local/v2.0',
          AUTH_AUDIENCE: 'api://localhost/tandem-dev',
          AUTH_JWKS_URL: 'http://127.0.0.1:5000/keys',
        },
        true,
      ),
    ).toThrow(/local use only/);
  });
});
