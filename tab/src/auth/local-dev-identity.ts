/**
 * The local development identity provider of `npm start` (functions/src/local/dev-idp): `GET
 * {url}/accounts` lists the demo's sign-in choices, `POST {url}/token {"userId"}` signs an
 * Entra-shaped access token for that person. Its address is found, in this order, from `?idp=` in
 * the tab's address (remembered for the browser session) or from `GET /api/v1/dev/identity-provider`
 * (`{"url": "http://127.0.0.1:PORT"}`), which only the local stack answers.
 */
import { param } from '../host/host';
import type { DemoAccount, DevIdentity } from './dev-identity';

const SESSION_KEY = 'tandem.idp';
export const DISCOVERY_PATH = '/api/v1/dev/identity-provider';

function loopback(url: string): boolean {
  return /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\/?$/.test(url);
}

async function discover(fetchImpl: typeof fetch): Promise<string> {
  const given = param('idp');
  if (given && loopback(given)) {
    try {
      sessionStorage.setItem(SESSION_KEY, given);
    } catch {
      // the parameter works for this page only
    }
    return given.replace(/\/$/, '');
  }
  try {
    const remembered = sessionStorage.getItem(SESSION_KEY);
    if (remembered && loopback(remembered)) return remembered.replace(/\/$/, '');
  } catch {
    // no session storage: ask the stack
  }
  const response = await fetchImpl(DISCOVERY_PATH, { headers: { accept: 'application/json' } });
  if (!response.ok)
    throw new Error(`The local identity provider was not found (${DISCOVERY_PATH} answered ${response.status}).`);
  const body = (await response.json()) as { url?: unknown };
  if (typeof body.url !== 'string' || !loopback(body.url))
    throw new Error('The local identity provider must be on loopback.');
  return body.url.replace(/\/$/, '');
}

export function localDevIdentity(fetchImpl: typeof fetch = (...args) => fetch(...args)): DevIdentity {
  let base: Promise<string> | undefined;
  const url = () => (base ??= discover(fetchImpl));
  return {
    async accounts() {
      const response = await fetchImpl(`${await url()}/accounts`);
      if (!response.ok) throw new Error(`The local identity provider answered ${response.status}.`);
      const body = (await response.json()) as { accounts?: DemoAccount[] };
      return Array.isArray(body.accounts) ? body.accounts : [];
    },
    async token(account) {
      const response = await fetchImpl(`${await url()}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: account.userId }),
      });
      if (!response.ok) throw new Error(`Signing in as ${account.displayName} failed (${response.status}).`);
      const body = (await response.json()) as { access_token: string; expires_in: number };
      return { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    },
  };
}
