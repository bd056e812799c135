/**
 * The host outside Teams (the local stack in a browser): signs in as a demo user through the local
 * development identity provider, and takes theme and language from the address (`?theme=dark&lang=de`),
 * from what the person chose last time, or from the browser.
 */
import type { TokenSource } from '../api/client';
import { langOf, type Lang } from '../i18n/translate';
import { themeNameOf, type ThemeName } from '../theme/themes';
import { param, viewOf, type HostInfo } from './host';
import type { DemoAccount, DevIdentity } from '../auth/dev-identity';

const KEYS = { lang: 'tandem.lang', theme: 'tandem.theme', account: 'tandem.account' } as const;

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function remember(key: keyof typeof KEYS, value: string): void {
  try {
    localStorage.setItem(KEYS[key], value);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export function standaloneLang(): Lang {
  return langOf(param('lang') ?? stored(KEYS.lang) ?? (typeof navigator === 'undefined' ? 'en' : navigator.language));
}

export function standaloneTheme(): ThemeName {
  const chosen = param('theme') ?? stored(KEYS.theme);
  if (chosen) return themeNameOf(chosen);
  const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  return dark ? 'dark' : 'default';
}

/** The signed-in demo account, switchable; tokens are fetched per account and kept until shortly before expiry. */
export class DemoSession implements TokenSource {
  private cache = new Map<string, { token: string; expiresAt: number }>();
  constructor(
    private readonly identity: DevIdentity,
    readonly accounts: DemoAccount[],
    public current: DemoAccount,
  ) {}

  async getToken(options?: { refresh?: boolean }): Promise<string> {
    const account = this.current;
    const cached = this.cache.get(account.userId);
    if (!options?.refresh && cached && cached.expiresAt - 60_000 > Date.now()) return cached.token;
    const fresh = await this.identity.token(account);
    this.cache.set(account.userId, fresh);
    return fresh.token;
  }

  select(userId: string): DemoAccount {
    const next = this.accounts.find((a) => a.userId === userId);
    if (next) {
      this.current = next;
      remember('account', next.kind);
    }
    return this.current;
  }
}

/** `?as=manager` (or the account chosen last time) picks the account; the mentee is the default. */
export function initialAccount(accounts: DemoAccount[]): DemoAccount | undefined {
  const wanted = param('as') ?? stored(KEYS.account);
  return (
    accounts.find((a) => a.kind === wanted || a.userId === wanted) ??
    accounts.find((a) => a.kind === 'mentee') ??
    accounts[0]
  );
}

/**
 * Outside Teams and off this machine (the deployed tab opened in a browser): Tandem signs people in
 * only through Teams, so the page says to open it there and never asks for the local sign-in.
 */
export class OutsideTeamsError extends Error {
  constructor() {
    super('Tandem signs you in inside Microsoft Teams, Outlook or the Microsoft 365 app.');
    this.name = 'OutsideTeamsError';
  }
}

/** The local stack of `npm start` serves the tab on loopback; anything else is a deployment. */
export function isLocalPage(hostname = typeof location === 'undefined' ? '' : location.hostname): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '[::1]' ||
    host === '::1'
  );
}

export async function standaloneHost(
  identity: DevIdentity,
  local = isLocalPage(),
): Promise<{ host: HostInfo; session?: DemoSession; signInError?: unknown }> {
  const view = viewOf(param('view'));
  const base = {
    kind: 'standalone' as const,
    lang: standaloneLang(),
    theme: standaloneTheme(),
    ...(view ? { view } : {}),
  };
  if (!local) {
    const signInError = new OutsideTeamsError();
    return { host: { ...base, tokens: { getToken: () => Promise.reject(signInError) } }, signInError };
  }
  try {
    const accounts = await identity.accounts();
    const first = initialAccount(accounts);
    if (!first) throw new Error('The local identity provider offers no demo accounts.');
    const session = new DemoSession(identity, accounts, first);
    return { host: { ...base, tokens: session }, session };
  } catch (signInError) {
    const none: TokenSource = { getToken: () => Promise.reject(signInError) };
    return { host: { ...base, tokens: none }, signInError };
  }
}
