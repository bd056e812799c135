/**
 * The tab inside a Teams host in headless Chromium: a page at https://teams.microsoft.com (served by
 * the test) frames the tab of the local stack and answers teams-js the way the Teams web client does
 * (initialize, getContext, getAuthToken, authenticate, executeDeepLink, over postMessage). It answers
 * `initialize` only after 4 s (a cold start), refuses the first token with `resourceRequiresConsent`,
 * and records which links the tab asks Teams to open. Screenshots of the consent page in English and
 * German go to test-results/tab.
 */
import type { Page } from 'playwright-core';
import { screenshot, tabSession } from './support/tab-browser';

jest.setTimeout(180_000);

const session = tabSession();

async function menteeToken(): Promise<string> {
  const { accounts } = (await (await fetch(`${session.tab.idp}/accounts`)).json()) as {
    accounts: { kind: string; userId: string }[];
  };
  const mentee = accounts.find((a) => a.kind === 'mentee');
  const res = await fetch(`${session.tab.idp}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: mentee?.userId }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** The host page: frames the tab and speaks teams-js' postMessage protocol. */
function hostPage(tab: string, lang: string, token: string): string {
  const runtime = JSON.stringify({
    apiVersion: 4,
    supports: { app: {}, appInitialization: {}, authentication: {}, pages: { appButton: {}, tabs: {} }, teamsCore: {} },
  });
  return `<!doctype html><html><body style="margin:0">
<iframe title="Tandem" src="${tab}" style="width:1200px;height:860px;border:0"></iframe>
<script>
  window.host = { calls: [], consented: false, initializedAt: 0 };
  const started = Date.now();
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m.func !== 'string') return;
    window.host.calls.push({ func: m.func, args: m.args, at: Date.now() - started });
    const reply = (args) => event.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, event.origin);
    switch (m.func) {
      case 'initialize':
        return setTimeout(() => { window.host.initializedAt = Date.now() - started; reply(['content', 'web', ${JSON.stringify(runtime)}, '2.58.0']); }, 4000);
      case 'getContext':
        return reply([{ locale: '${lang}', theme: 'default', entityId: 'my-tandem', tid: 'tenant-1', loginHint: 'ada@contoso.com', userObjectId: 'u', frameContext: 'content', hostClientType: 'web' }]);
      case 'authentication.getAuthToken':
        return window.host.consented ? reply([true, ${JSON.stringify(token)}]) : reply([false, 'resourceRequiresConsent']);
      case 'authentication.authenticate':
        window.host.consented = true;
        return setTimeout(() => reply([true, 'consented']), 200);
      case 'executeDeepLink':
        return reply([true]);
      default:
        return reply([true]);
    }
  });
</script></body></html>`;
}

async function openInTeams(lang: 'en' | 'de'): Promise<{ page: Page; errors: string[] }> {
  const page = await session.ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('https://res.cdn.office.net/teams-js/**', (route) =>
    route.fulfill({ json: { validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com', '*.cloud.microsoft'] } }),
  );
  // The tab at a public host name, as deployed (Chromium blocks a public page from framing loopback);
  // every request of it is answered by the local stack.
  await page.route('https://tandem.example/**', async (route) => {
    const url = new URL(route.request().url());
    await route.fulfill({
      response: await route.fetch({ url: `${session.tab.baseUrl}${url.pathname}${url.search}` }),
    });
  });
  const html = hostPage(
    'https://tandem.example/?view=my-tandem',
    lang === 'de' ? 'de-de' : 'en-us',
    await menteeToken(),
  );
  await page.route('https://teams.microsoft.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: html }),
  );
  await page.goto('https://teams.microsoft.com/_#/apps/tandem');
  return { page, errors };
}

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

type HostCall = { func: string; args: unknown[]; at: number };
const calls = (page: Page) => page.evaluate(() => (window as unknown as { host: { calls: HostCall[] } }).host.calls);

describe('the tab inside a Teams host', () => {
  it.each(['en', 'de'] as const)(
    'waits for a slow host, asks for consent in Teams’ popup, then signs in (%s)',
    async (lang) => {
      const { page, errors } = await openInTeams(lang);
      const frame = page.frameLocator('iframe');
      const title = lang === 'de' ? 'Tandem braucht Ihre Zustimmung' : 'Tandem needs your permission';
      await frame.getByRole('heading', { name: title }).waitFor({ timeout: 30_000 });
      // Initialisation took 4 s and was not cut short into the standalone page.
      await expect(frame.getByText(lang === 'de' ? 'lokale Demo' : 'local demo').count()).resolves.toBe(0);
      expect((await calls(page)).some((c) => c.func === 'authentication.getAuthToken')).toBe(true);
      await screenshot(page, `consent-${lang}`);

      await frame.getByTestId('consent').click();
      await frame.getByRole('heading', { name: lang === 'de' ? 'Mein Tandem' : 'My tandem', level: 1 }).waitFor();
      const auth = (await calls(page)).find((c) => c.func === 'authentication.authenticate');
      const url = new URL(String(auth?.args[0]));
      expect(url.pathname).toBe('/api/auth/consent');
      expect(url.searchParams.get('tenant')).toBe('tenant-1');
      expect(url.searchParams.get('loginHint')).toBe('ada@contoso.com');
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('opens files and meeting links through Teams (app.openLink), never as blobs or target=_blank', async () => {
    const { page, errors } = await openInTeams('en');
    const frame = page.frameLocator('iframe');
    await frame.getByTestId('consent').click();
    await frame.getByRole('heading', { name: 'My tandem', level: 1 }).waitFor();
    await frame.getByRole('button', { name: 'Download my data' }).click();
    const opened = async () =>
      (await calls(page)).filter((c) => c.func === 'executeDeepLink').map((c) => String(c.args[0]));
    await until(async () => (await opened()).length === 1);
    expect(await opened()).toEqual([expect.stringMatching(/\/api\/v1\/downloads\/[A-Za-z0-9_-]{43}$/)]);
    const join = frame.getByRole('link', { name: 'Join in Teams' }).first();
    expect(await join.count()).toBe(1);
    const pages = session.ctx.pages().length;
    await join.click();
    await until(async () => (await opened()).length === 2);
    expect((await opened())[1]).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(session.ctx.pages()).toHaveLength(pages);
    expect(errors).toEqual([]);
    await page.close();
  });
});
