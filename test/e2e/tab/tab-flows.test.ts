/**
 * The tab end to end in headless Chromium against the local stack with the seeded demo: a
 * participant opts in and gives feedback, a programme manager runs matching, swaps a pair and
 * publishes, HR reads the report; each page in light and dark (screenshots in test-results/tab),
 * with axe-core finding no serious or critical violation and no console error anywhere.
 */
import { screenshot, seriousViolations, settle, tabUrl, tabSession } from './support/tab-browser';

jest.setTimeout(180_000);

const session = tabSession();

const { open } = session;

describe('the Teams tab, standalone on the local stack', () => {
  it('lets a programme manager invite a participant, who opts in and then gives feedback on a past session', async () => {
    const manager = await open({ as: 'manager', view: 'programmes', programme: 'demo-social-media' });
    await manager.getByTestId('workspace-title').filter({ hasText: 'Social Media Basics' }).waitFor();
    const mentee = await manager.evaluate(async () => {
      const { accountsUrl } = (await (await fetch('/api/dev/identity')).json()) as { accountsUrl: string };
      const { accounts } = (await (await fetch(accountsUrl)).json()) as {
        accounts: { kind: string; displayName: string }[];
      };
      return accounts.find((a) => a.kind === 'mentee')?.displayName as string;
    });
    await manager.getByTestId('invite-search').fill(mentee.split(' ')[0] as string);
    await manager.getByRole('button', { name: 'Search' }).click();
    await manager.getByTestId('invite-results').getByText(mentee).click();
    await manager.getByTestId('invite-chosen').click();
    await expect(manager.getByTestId('invite-result').textContent()).resolves.toContain('1 invited');

    // The visible switcher signs in as the participant.
    await manager.getByTestId('account-switcher').selectOption({ label: `Participant (mentee) – ${mentee}` });
    await manager.getByRole('heading', { name: 'My tandem', level: 1 }).waitFor();
    const page = manager;
    await page.getByRole('button', { name: /Social Media Basics/ }).click();
    await page.getByRole('button', { name: 'Join the programme' }).click();
    await page.getByRole('radio', { name: 'Mentee – I learn' }).check();
    await page.getByRole('checkbox', { name: 'Social media & LinkedIn' }).check();
    await page.getByRole('checkbox', { name: 'Thursday' }).check();
    await page.getByRole('checkbox', { name: 'I agree to take part on these terms' }).check();
    await page.getByRole('button', { name: 'Opt in', exact: true }).click();
    await page.getByText('You are in! We will let you know').waitFor();
    await page.locator('#status').getByText('Taking part', { exact: true }).waitFor();

    await page.getByRole('button', { name: /Digital Leadership 2026/ }).click();
    // The partner's card from the API: a name and a profile, not just "Your mentor".
    const partner = page.locator('#partner');
    await expect(partner.getByTestId('partner-name').textContent()).resolves.not.toMatch(/^Your (mentor|mentee)$/);
    await partner.getByText(/^Your mentor · /).waitFor();
    await partner.getByText(/^Speaks /).waitFor();
    await partner.getByText(/^Teaches /).waitFor();
    const history = page.getByTestId('feedback-history');
    await history.waitFor();
    const firstOpen = history.getByRole('button', { name: /^Give feedback on session (\d+)$/ }).first();
    const label = (await firstOpen.getAttribute('aria-label')) as string;
    const n = /(\d+)$/.exec(label)?.[1] as string;
    await firstOpen.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: '4' }).check();
    await dialog.getByLabel('What did you learn or share?').fill('How to pin a Loop component in our team chat.');
    await dialog.getByRole('button', { name: 'Send feedback' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: `Change your feedback on session ${n}` }).waitFor();
    await expect(history.getByText('“How to pin a Loop component in our team chat.”').count()).resolves.toBe(1);
  });

  it('lets a programme manager run matching, swap the mentees of two proposals and publish them', async () => {
    const page = await open({ as: 'manager', view: 'programmes', programme: 'demo-ai-pilot' });
    await page.getByTestId('workspace-title').filter({ hasText: 'AI Assistants Pilot' }).waitFor();
    await page.getByTestId('run-matching').click();
    await page.getByTestId('matching-result').waitFor({ timeout: 60_000 });
    const proposals = page.getByTestId('proposal');
    await proposals.first().waitFor();
    const count = await proposals.count();
    expect(count).toBeGreaterThanOrEqual(2);
    const menteeOf = async (i: number) => (await proposals.nth(i).getAttribute('aria-label')) as string;
    const before = [await menteeOf(0), await menteeOf(1)];

    await proposals.nth(0).getByRole('checkbox', { name: 'Select to swap' }).check();
    await proposals.nth(1).getByRole('checkbox', { name: 'Select to swap' }).check();
    await page.getByTestId('swap').click();
    // Both new pairs are locked by the swap, and each mentor now has the other's mentee.
    await page.getByTestId('proposal').filter({ hasText: 'Locked' }).nth(1).waitFor();
    const labels = await page
      .getByTestId('proposal')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    const [a, b] = before.map((l) => /^(.*) and (.*)$/.exec(l)?.slice(1) as [string, string]);
    expect(labels).toContain(`${a?.[0]} and ${b?.[1]}`);
    expect(labels).toContain(`${b?.[0]} and ${a?.[1]}`);

    await page.getByTestId('publish').click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: /^Publish \d+ pairs$/ })
      .click();
    await page.getByRole('heading', { name: /^Published, waiting for answers \(\d+\)$/ }).waitFor();
    await expect(page.getByRole('heading', { name: 'Proposed pairs (0)' }).count()).resolves.toBe(1);
    await screenshot(page, 'programmes-matching-published-light');
  });

  it('lets a programme manager invite people from the interest list into the next cohort', async () => {
    const page = await open({ as: 'manager', view: 'programmes', programme: 'demo-agile-2025' });
    await page.getByTestId('workspace-title').filter({ hasText: 'New Ways of Working 2025' }).waitFor();
    const table = page.getByTestId('interest-table');
    await table.waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBe(7);
    await page.getByTestId('interest-target').selectOption({ label: 'Social Media Basics' });
    await page.getByRole('button', { name: /^Choose all \d+ not yet invited$/ }).click();
    await page.getByTestId('interest-invite').click();
    await page
      .getByTestId('interest-invite-result')
      .filter({ hasText: /^\d+ invited, 0 were/ })
      .waitFor();
    // The table reloads after the invitation: wait for the new state instead of counting at once.
    await table.getByText('Social Media Basics').first().waitFor();
    await screenshot(page, 'programmes-interest-light');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a programme manager the API’s pair-health alerts, and no missed meetings once the sessions are over', async () => {
    const page = await open({ as: 'manager', view: 'programmes', programme: 'demo-digital-leadership' });
    await page.getByTestId('workspace-title').filter({ hasText: 'Digital Leadership 2026' }).waitFor();
    const alerts = page.getByTestId('pair-health').getByRole('listitem');
    await alerts.first().waitFor();
    const texts = await alerts.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((x) => /No session held since|A neutral check-in/.test(x))).toBe(true);

    await page.goto(tabUrl(session.tab, { as: 'manager', view: 'programmes', programme: 'demo-agile-2025' }));
    await page.getByTestId('workspace-title').filter({ hasText: 'New Ways of Working 2025' }).waitFor();
    await page.getByRole('button', { name: /^Execution/ }).click();
    // Sessions that are over are no alert; a pair that may welcome a check-in still is.
    const health = page.locator('#pair-health');
    await health
      .getByText(/All pairs look healthy|A neutral check-in/)
      .first()
      .waitFor();
    await expect(health.getByText('No session held since').count()).resolves.toBe(0);
    await expect(page.getByTestId('pairs-table').getByText('meeting rhythm').count()).resolves.toBe(0);
    await expect(
      page.getByTestId('pairs-table').getByText('healthy', { exact: true }).count(),
    ).resolves.toBeGreaterThan(0);
  });

  it('shows HR the report with charts filled from the demo programme and small groups suppressed', async () => {
    const page = await open({ as: 'hr', view: 'reports' });
    await page.getByTestId('report-kpis').waitFor();
    await expect(page.getByTestId('report-programme').inputValue()).resolves.toBe('demo-digital-leadership');
    // The funnel and ratings are drawn with data: bars with a width.
    const funnelBars = await page
      .locator('#funnel svg rect')
      .evaluateAll((rs) => rs.filter((r) => Number(r.getAttribute('width')) > 5).length);
    expect(funnelBars).toBeGreaterThan(5);
    const ratingColumns = await page
      .locator('#ratings svg rect')
      .evaluateAll((rs) => rs.filter((r) => Number(r.getAttribute('height')) > 0).length);
    expect(ratingColumns).toBeGreaterThanOrEqual(3);
    // Sessions per week and the rating trend come from the API's weekly series.
    const weekColumns = await page
      .locator('#meetings svg rect')
      .evaluateAll((rs) => rs.filter((r) => Number(r.getAttribute('height')) > 0).length);
    expect(weekColumns).toBeGreaterThanOrEqual(4);
    await expect(page.locator('#trend svg path').count()).resolves.toBeGreaterThan(0);
    await page.locator('#trend').getByRole('button', { name: 'Show as table' }).click();
    const weeks = await page.getByTestId('trend-table').locator('tbody tr').count();
    expect(weeks).toBeGreaterThanOrEqual(4);
    // Departments below the threshold are merged into one row, and the page says so.
    await expect(page.getByTestId('by-department-note').textContent()).resolves.toMatch(
      /^Groups with fewer than 5 people are not shown on their own; combined into one row: .+\.( \d+ larger groups? (was|were) added so that the small ones cannot be worked out by subtraction\.)?$/,
    );
    await page.getByTestId('by-department-toggle').click();
    const rows = await page.getByTestId('by-department-table').locator('tbody tr').allTextContents();
    expect(rows.some((r) => r.startsWith('Smaller groups combined'))).toBe(true);
    const people = await page
      .getByTestId('by-department-table')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Number(tr.querySelectorAll('td')[0]?.textContent)));
    expect(people.every((n) => n >= 5)).toBe(true);

    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const file = await download;
    // An attachment from a one-time API link, not a blob the page built (Teams blocks those).
    expect(file.url()).toMatch(/\/api\/v1\/downloads\/[A-Za-z0-9_-]{43}$/);
    expect(file.suggestedFilename()).toMatch(/^tandem-report-.+\.csv$/);
    const csv = await new Promise<string>((res, rej) => {
      void file.createReadStream().then((s) => {
        let text = '';
        s.on('data', (c: Buffer) => (text += c.toString('utf8')));
        s.on('end', () => res(text));
        s.on('error', rej);
      });
    });
    expect(csv.split('\r\n')[0]).toBe('section,group,measure,value');
    expect(csv).toContain('funnel,all,invited,');
    expect(csv).toContain('by-department,(smaller groups),people,');
  });

  it('speaks German when asked to, in the page and in its charts', async () => {
    const page = await open({ as: 'hr', view: 'reports', lang: 'de' });
    await page.getByRole('heading', { name: 'Programmbericht', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Teilnahme nach Abteilung' }).waitFor();
    await expect(page.getByTestId('by-department-note').textContent()).resolves.toMatch(
      /Gruppen mit weniger als 5 Personen/,
    );
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('de');
    await settle(page);
    await screenshot(page, 'reports-de-light');
  });

  it('falls back to standalone within seconds when framed by a page that is not Teams', async () => {
    const page = await session.ctx.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    session.opened.push({ page, errors });
    // teams-js fetches its list of valid host origins from Microsoft's CDN when it loads; this machine
    // is offline, so the CDN answers with the list teams-js itself ships as its fallback.
    await page.route('https://res.cdn.office.net/teams-js/**', (route) =>
      route.fulfill({ json: { validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com', '*.cloud.microsoft'] } }),
    );
    const started = Date.now();
    await page.setContent(
      `<iframe title="Tandem" src="${tabUrl(session.tab, { as: 'mentee' })}" style="width:1200px;height:800px"></iframe>`,
    );
    const frame = page.frameLocator('iframe');
    await frame.getByRole('heading', { name: 'My tandem', level: 1 }).waitFor({ timeout: 20_000 });
    // teams-js alone would wait about a minute for a host that never answers.
    expect(Date.now() - started).toBeLessThan(15_000);
    await expect(frame.getByText('local demo').count()).resolves.toBe(1);
  });

  it.each(['default', 'dark', 'contrast'] as const)(
    'renders every page in the %s theme without a serious accessibility violation',
    async (theme) => {
      const name = theme === 'default' ? 'light' : theme;
      const pages = [
        { file: 'my-tandem', as: 'mentee', view: 'my-tandem' },
        { file: 'programmes', as: 'manager', view: 'programmes', programme: 'demo-digital-leadership' },
        { file: 'reports', as: 'hr', view: 'reports' },
      ] as const;
      for (const p of pages) {
        const page = await open({
          as: p.as,
          view: p.view,
          theme,
          ...('programme' in p ? { programme: p.programme } : {}),
        });
        await settle(page);
        await page.waitForSelector('main section');
        await screenshot(page, `${p.file}-${name}`);
        expect({ page: p.file, theme, violations: await seriousViolations(page) }).toEqual({
          page: p.file,
          theme,
          violations: [],
        });
        await page.close();
      }
    },
  );
});
