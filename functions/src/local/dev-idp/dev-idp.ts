/**
 * The local development identity provider (npm start only): its own RS256 signing key, an OpenID
 * configuration and JWKS on loopback, and a token endpoint that signs an Entra-shaped access token
 * for any person in the demo directory, so the tab in standalone mode can sign in as anyone.
 * It listens on 127.0.0.1 only and is never started when real AUTH_* settings are given.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { badRequestTarget, refuseConnect, requestUrl } from '../request-target';
import { exportJWK, exportPKCS8, generateKeyPair, importPKCS8, SignJWT, type JWK, type KeyLike } from 'jose';

/** The audience of local tokens (the app's "api://" URI in Entra terms). */
export const DEV_AUDIENCE = 'api://localhost/tandem-dev';
const KEY_FILE = 'dev-idp-key.pem';
const TOKEN_SECONDS = 8 * 3600;

export interface DevAccount {
  kind: string;
  userId: string;
  displayName: string;
  roles: string[];
}

export interface DevIdpOptions {
  tenantId: string;
  /** Keeps the signing key across restarts, so signed-in tabs stay signed in. */
  dataDir?: string;
  /** The demo's sign-in choices (state record `demo-accounts`). */
  accounts(): Promise<DevAccount[]>;
  /** A person of the directory; tokens are only issued for people who exist there. */
  findUser(id: string): Promise<{ displayName: string; username?: string } | undefined>;
  port?: number;
}

export interface DevIdp {
  url: string;
  issuer: string;
  jwksUrl: string;
  audience: string;
  close(): Promise<void>;
}

async function signingKey(dataDir: string | undefined): Promise<{ privateKey: KeyLike; jwk: JWK }> {
  const file = dataDir ? join(dataDir, KEY_FILE) : undefined;
  let privateKey: KeyLike;
  if (file && existsSync(file)) {
    privateKey = await importPKCS8(readFileSync(file, 'utf8'), 'RS256', { extractable: true });
  } else {
    ({ privateKey } = await generateKeyPair('RS256', { extractable: true }));
    if (file) {
      mkdirSync(dataDir as string, { recursive: true });
      writeFileSync(file, await exportPKCS8(privateKey), { mode: 0o600 });
    }
  }
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = await exportJWK(privateKey);
  const jwk: JWK = { ...publicJwk, use: 'sig', alg: 'RS256' };
  jwk.kid = `tandem-dev-${String(publicJwk.n).slice(0, 12)}`;
  return { privateKey, jwk };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
  });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16 * 1024) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

export async function startDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  const { privateKey, jwk } = await signingKey(options.dataDir);
  let base = '';
  const issuer = () => `${base}/${options.tenantId}/v2.0`;

  const server = createServer((req, res) => {
    const url = requestUrl(req);
    if (!url) return badRequestTarget(res);
    const path = url.pathname;
    const bad = (status: number, detail: string) =>
      send(res, status, { type: 'about:blank', title: detail, status, detail });
    const handle = async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': 'content-type',
        });
        return void res.end();
      }
      if (
        req.method === 'GET' &&
        (path === '/.well-known/openid-configuration' ||
          path === `/${options.tenantId}/v2.0/.well-known/openid-configuration`)
      )
        return send(res, 200, {
          issuer: issuer(),
          jwks_uri: `${base}/keys`,
          token_endpoint: `${base}/token`,
          id_token_signing_alg_values_supported: ['RS256'],
        });
      if (req.method === 'GET' && path === '/keys') return send(res, 200, { keys: [jwk] });
      if (req.method === 'GET' && path === '/accounts') return send(res, 200, { accounts: await options.accounts() });
      if (req.method === 'POST' && path === '/token') {
        let body: { userId?: unknown; roles?: unknown };
        try {
          body = (await readJson(req)) as typeof body;
        } catch {
          return bad(400, 'Send JSON: { "userId": "...", "roles": ["Programme.Manage"] }');
        }
        if (typeof body?.userId !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/.test(body.userId))
          return bad(400, 'userId is required.');
        if (body.roles !== undefined && !(Array.isArray(body.roles) && body.roles.every((r) => typeof r === 'string')))
          return bad(400, 'roles must be a list of strings.');
        const user = await options.findUser(body.userId);
        if (!user) return bad(404, `There is no person "${body.userId}" in the local directory.`);
        const account = (await options.accounts()).find((a) => a.userId === body.userId);
        const roles = (body.roles as string[] | undefined) ?? account?.roles ?? [];
        const token = await new SignJWT({
          tid: options.tenantId,
          oid: body.userId,
          name: user.displayName,
          ...(user.username ? { preferred_username: user.username } : {}),
          roles,
          scp: 'access_as_user',
          ver: '2.0',
          uti: randomUUID(),
        })
          .setProtectedHeader({ alg: 'RS256', kid: jwk.kid as string, typ: 'JWT' })
          .setIssuer(issuer())
          .setAudience(DEV_AUDIENCE)
          .setSubject(`dev-${body.userId}`)
          .setIssuedAt()
          .setNotBefore('0s')
          .setExpirationTime(`${TOKEN_SECONDS}s`)
          .sign(privateKey);
        return send(res, 200, { access_token: token, token_type: 'Bearer', expires_in: TOKEN_SECONDS });
      }
      bad(404, 'Not found');
    };
    handle().catch((err: unknown) => bad(503, `The development identity provider failed: ${String(err)}`));
  });
  refuseConnect(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: base,
    issuer: issuer(),
    jwksUrl: `${base}/keys`,
    audience: DEV_AUDIENCE,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
