/**
 * The local development identity provider of `npm start` (functions/src/local/dev-idp): its accounts
 * URL lists the demo's sign-in choices, its token URL signs an Entra-shaped access token for a
 * person (`POST {"userId"}`). The tab finds it through `GET /api/dev/identity` (`{"accountsUrl",
 * "tokenUrl"}`), which only the local stack answers; `?idp=http://127.0.0.1:PORT` in the tab's
 * address names it directly (remembered for the browser session).
 */
import { param } from '../host/host';
import type { DemoAccount, DevIdentity } from './dev-identity';

const SESSION_KEY = 'tandem.idp';
export const DISCOVERY_PATH = '/api/dev/identity';

interface Endpoints {
  accountsUrl: string;
  tokenUrl: string;
}

function loopback(url: string): boolean {
  return /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(url);
}

function fromBase(base: string): Endpoints {
  const root = base.replace(/\/$/, '');
  return { accountsUrl: `${root}/accounts`, tokenUrl: `${root}/token` };
}

async function discover(fetchImpl: typeof fetch): Promise<Endpoints> {
  const given = param('idp');
  if (given && loopback(given)) {
    try {
      sessionStorage.setItem(SESSION_KEY, given);
    } catch {
      // the parameter works for this page only
    }
    return fromBase(given);
  }
  try {
    const remembered = sessionStorage.getItem(SESSION_KEY);
    if (remembered && loopback(remembered)) return fromBase(remembered);
  } catch {
    // no session storage: ask the stack
  }
  const response = await fetchImpl(DISCOVERY_PATH, { headers: { accept: 'application/json' } });
  if (!response.ok)
    throw new Error(`The local identity provider was not found (${DISCOVERY_PATH} answered ${response.status}).`);
  const body = (await response.json()) as Partial<Endpoints>;
  const { accountsUrl, tokenUrl } = body;
  if (typeof accountsUrl !== 'string' || typeof tokenUrl !== 'string' || !loopback(accountsUrl) || !loopback(tokenUrl))
    throw new Error('The local identity provider must be on loopback.');
  return { accountsUrl, tokenUrl };
}

export function localDevIdentity(fetchImpl: typeof fetch = (...args) => fetch(...args)): DevIdentity {
  let endpoints: Promise<Endpoints> | undefined;
  const find = () => (endpoints ??= discover(fetchImpl));
  return {
    async accounts() {
      const response = await fetchImpl((await find()).accountsUrl);
      if (!response.ok) throw new Error(`The local identity provider answered ${response.status}.`);
      const body = (await response.json()) as { accounts?: DemoAccount[] };
      return Array.isArray(body.accounts) ? body.accounts : [];
    },
    async token(account) {
      const response = await fetchImpl((await find()).tokenUrl, {
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
