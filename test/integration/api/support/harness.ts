/**
 * The API on the local Functions host with real parts where they exist: the embedded Cosmos DB (or,
 * for use-case tests that choose it, the in-memory store of the same port), the outbox messenger,
 * the real token validator (against a test key set), and in-memory stand-ins for the directory and
 * the calendar. Tokens are signed like Entra ID's (RS256, v2 issuer).
 */
import { exportJWK, generateKeyPair, SignJWT, createLocalJWKSet, type JWK, type KeyLike } from 'jose';
// Loading the routes and timers registers them with this test file's functions-core stand-in.
import '../../../../functions/src/http/api';
import '../../../../functions/src/timers/daily';
import { loadConfig } from '../../../../functions/src/config';
import { createServices, setServices } from '../../../../functions/src/composition';
import { inlineMatcher } from '../../../../functions/src/ports/matcher';
import { registrations } from '../../../../functions/src/local/functions-core-shim';
import { createLocalHost, type LocalHost } from '../../../../functions/src/local/host';
import type { AppDeps, AppPolicy } from '../../../../functions/src/app/deps';
import type { Clock } from '../../../../functions/src/ports/clock';
import { ROLE_MANAGE, ROLE_REPORTS } from '../../../../functions/src/app/caller';
import { openTestStore } from '../../../support/embedded-store';
import { openMemoryTestStore, type OpenedTestStore } from '../../../support/memory-store';
import { memoryDirectory } from '../../../support/memory-directory';
import { fakeBooking, type FakeBooking } from './fake-booking';
import { TENANT, testOrg } from '../../../support/org';
import type { OrgUser } from '../../../../functions/src/core/model';

export const CLIENT_ID = '6b1e4f0c-8d2a-4c9e-9a57-3f3d2c1b0a99';
export const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;

export interface AdjustableClock extends Clock {
  advance(ms: number): void;
}

export interface Harness {
  baseUrl: string;
  host: LocalHost;
  t: OpenedTestStore;
  deps: AppDeps;
  clock: AdjustableClock;
  booking: FakeBooking;
  privateKey: KeyLike;
  token(userId: string, roles?: string[], claims?: Record<string, unknown>): Promise<string>;
  manager(): Promise<string>;
  hr(): Promise<string>;
  close(): Promise<void>;
}

/** Answers are read loosely in tests: each assertion says which fields it expects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ApiAnswer<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

/** Calls the API; `body` objects are sent as JSON. */
export async function call<T = Json>(
  h: Pick<Harness, 'baseUrl'>,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${h.baseUrl}/api${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

export async function signToken(
  key: KeyLike,
  kid: string,
  claims: Record<string, unknown>,
  options: { expiresIn?: string | number; notBefore?: string | number } = {},
): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).setIssuedAt();
  if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
  return jwt.setExpirationTime(options.expiresIn ?? '1h').sign(key);
}

export function userClaims(userId: string, roles: string[] = []): Record<string, unknown> {
  return {
    iss: ISSUER,
    aud: CLIENT_ID,
    tid: TENANT,
    oid: userId,
    sub: `sub-${userId}`,
    name: `User ${userId}`,
    roles,
    ver: '2.0',
    scp: 'access_as_user',
  };
}

export interface HarnessOptions {
  /**
   * The organisation's rules. Default: an anonymity floor of 2, the lowest an organisation may set,
   * because the test organisation has only a handful of people per group; `null` for none configured
   * (the app's defaults).
   */
  policy?: AppPolicy | null;
  /** The directory (default: the small test organisation). */
  org?: OrgUser[];
  /** The store behind the port: the embedded Cosmos DB (default) or the in-memory store. */
  store?: 'embedded' | 'memory';
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const t: OpenedTestStore = options.store === 'memory' ? openMemoryTestStore() : await openTestStore();
  let offset = 0;
  const clock: AdjustableClock = { now: () => new Date(Date.now() + offset), advance: (ms) => void (offset += ms) };
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  const booking = fakeBooking(t.store, clock);
  // The app as the composition root builds it, with this file's store, clock, directory and booking.
  const services = await createServices(
    loadConfig({
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: CLIENT_ID,
      AUTH_JWKS_URL: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
      ...(options.policy === null
        ? {}
        : { ANONYMITY_THRESHOLD_FLOOR: String((options.policy ?? { anonymityFloor: 2 }).anonymityFloor) }),
    }),
    {
      store: { store: t.store, dispose: async () => {} },
      clock,
      directory: memoryDirectory(options.org ?? testOrg(), {
        'group-sales': ['sales-senior-1', 'sales-junior-2', 'guest-1'],
      }),
      booking,
      matcher: inlineMatcher,
      tokens: { keys: createLocalJWKSet({ keys: [jwk] }) },
    },
  );
  const deps = services.app;
  setServices(services);
  const host = createLocalHost({ registrations: registrations(), log: () => {} });
  const baseUrl = await host.listen(0);
  const token = (userId: string, roles: string[] = [], claims: Record<string, unknown> = {}) =>
    signToken(privateKey, 'test-key-1', { ...userClaims(userId, roles), ...claims });
  return {
    baseUrl,
    host,
    t,
    deps,
    clock,
    booking,
    privateKey,
    token,
    manager: () => token('manager-1', [ROLE_MANAGE]),
    hr: () => token('hr-1', [ROLE_REPORTS]),
    async close() {
      await host.close();
      await t.close();
    },
  };
}
