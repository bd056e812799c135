/**
 * The tab as Teams' platform rules demand it, in headless Chromium against the local stack: files come
 * from one-time API links as attachments (never blobs), and off this machine the page never falls back
 * to the local sign-in but says to open Tandem in Teams (screenshots in English and German).
 */
import type { Download } from 'playwright-core';
import { openTab, screenshot, seriousViolations, tabSession } from './support/tab-browser';

jest.setTimeout(180_000);

const session = tabSession();

async function readDownload(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  let text = '';
  for await (const chunk of stream) text += (chunk as Buffer).toString('utf8');
  return text;
}

describe('the tab on Teams’ terms', () => {
  it('downloads my data as an attachment from a one-time API link, only my own', async () => {
    const tab = await openTab(session.ctx, session.tab, { as: 'mentee', view: 'my-tandem' });
    session.opened.push(tab);
    const { page } = tab;
    const me = await page.evaluate(async () => {
      const { accountsUrl } = (await (await fetch('/api/dev/identity')).json()) as { accountsUrl: string };
      const { accounts } = (await (await fetch(accountsUrl)).json()) as {
        accounts: { kind: string; userId: string }[];
      };
      return accounts.find((a) => a.kind === 'mentee')?.userId as string;
    });
    const links: string[] = [];
    page.on('request', (r) => r.url().includes('/api/v1/downloads') && links.push(`${r.method()} ${r.url()}`));
    const waiting = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download my data' }).click();
    const file = await waiting;
    expect(file.url()).toMatch(/\/api\/v1\/downloads\/[A-Za-z0-9_-]{43}$/);
    expect(file.suggestedFilename()).toMatch(/^tandem-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(await readDownload(file)).userId).toBe(me);
    expect(links[0]).toMatch(/^POST .*\/api\/v1\/downloads$/);
    // The link worked once; opening it again is refused.
    expect((await fetch(file.url())).status).toBe(404);
  });

  it.each(['en', 'de'] as const)(
    'off this machine (%s) says to open Tandem in Teams and never asks for the local sign-in',
    async (lang) => {
      const page = await session.ctx.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      session.opened.push({ page, errors });
      // The deployed tab at its own host name: every request goes to the local stack, the page sees the name.
      const asked: string[] = [];
      await page.route('https://tandem.example/**', async (route) => {
        const url = new URL(route.request().url());
        asked.push(url.pathname);
        const response = await route.fetch({ url: `${session.tab.baseUrl}${url.pathname}${url.search}` });
        await route.fulfill({ response });
      });
      await page.goto(`https://tandem.example/?view=my-tandem&lang=${lang}`);
      const title = lang === 'de' ? 'Tandem in Microsoft Teams öffnen' : 'Open Tandem in Microsoft Teams';
      await page.getByText(title).waitFor({ timeout: 20_000 });
      expect(asked.filter((p) => p.startsWith('/api/dev/') || p.startsWith('/api/v1/'))).toEqual([]);
      await expect(page.getByText(lang === 'de' ? 'lokale Demo' : 'local demo').count()).resolves.toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `outside-teams-${lang}`);
    },
  );
});
