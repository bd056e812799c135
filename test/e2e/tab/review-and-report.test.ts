/**
 * The honest matching review and the polished report in headless Chromium on the local stack with
 * the seeded demo: cautions and the cost of a swap for the manager, the report's labels whole at
 * 1280 px in English and German (screenshots in test-results/tab).
 */
import type { Page } from 'playwright-core';
import { screenshot, seriousViolations, settle, tabSession } from './support/tab-browser';

jest.setTimeout(180_000);

const session = tabSession({ viewport: { width: 1280, height: 900 } });

const { open } = session;

/** Every label of the page that is cut off: "…" in a chart, or text running out of its box. */
async function truncated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const text of Array.from(document.querySelectorAll('main svg text'))) {
      const svg = text.closest('svg') as SVGSVGElement;
      const box = (text as SVGGraphicsElement).getBoundingClientRect();
      const frame = svg.getBoundingClientRect();
      // A label cut short ends in "…" (a sub-item such as "… low ratings" starts with one).
      if (/…$/.test(text.textContent ?? '')) out.push(`ellipsis: ${text.textContent}`);
      else if (box.width > 0 && (box.left < frame.left - 1 || box.right > frame.right + 1))
        out.push(`outside its chart: ${text.textContent}`);
    }
    const boxes = document.querySelectorAll(
      'main section, [data-testid="report-kpis"] > div, main h1, main h2, main h3',
    );
    for (const el of Array.from(boxes)) {
      const e = el as HTMLElement;
      if (e.scrollWidth > e.clientWidth + 1) out.push(`overflows: ${e.textContent?.slice(0, 60)}`);
    }
    return out;
  });
}

describe('the honest review and the report, in Chromium', () => {
  it('shows the manager cautions on weak proposals and, after a swap, what the change costs against the optimum', async () => {
    const page = await open({ as: 'manager', view: 'programmes', programme: 'demo-ai-pilot' });
    await page.getByTestId('workspace-title').filter({ hasText: 'AI Assistants Pilot' }).waitFor();
    await page.getByTestId('run-matching').click();
    await page.getByTestId('matching-result').waitFor({ timeout: 60_000 });
    const proposals = page.getByTestId('proposal');
    await proposals.first().waitFor();
    await expect(page.getByTestId('matching-result').textContent()).resolves.toContain('proven optimal');
    await expect(page.getByTestId('matching-cost').count()).resolves.toBe(0);

    // Swap the best proposal with the weakest: the two new pairs fit worse.
    const count = await proposals.count();
    await proposals.nth(0).getByRole('checkbox', { name: 'Select to swap' }).check();
    await proposals
      .nth(count - 1)
      .getByRole('checkbox', { name: 'Select to swap' })
      .check();
    await page.getByTestId('swap').click();
    const cost = page.getByTestId('matching-cost');
    await cost.waitFor();
    await expect(cost.textContent()).resolves.toMatch(/^Optimal before your changes; your changes cost [\d.]+ points/);
    await expect(page.getByTestId('matching-result').textContent()).resolves.not.toContain('proven optimal');
    // Cautions are the manager's: each names what is weak, and the summary gives the threshold.
    const cautions = page.getByTestId('proposal-cautions');
    if ((await cautions.count()) > 0) {
      await expect(page.getByTestId('cautions-summary').textContent()).resolves.toMatch(/a fit below 40/);
      const first = (await cautions.first().textContent()) as string;
      expect(first).toMatch(/No common topic|Time zones [\d.]+ h apart|Fit [\d.]+ is below 40/);
    }
    await settle(page);
    await screenshot(page, 'programmes-review-cautions-light');

    // One click re-runs around the locked (swapped) pairs; the result is optimal again, given them.
    await page.getByTestId('rerun-keeping-locks').click();
    await page
      .getByTestId('matching-result')
      .filter({ hasText: /optimal given the \d+ pairs? you locked/ })
      .waitFor({
        timeout: 60_000,
      });
    await expect(page.getByTestId('matching-cost').count()).resolves.toBe(0);
  });

  it('offers a bilingual announcement and a post to a Teams channel in the steering step, accessibly', async () => {
    const page = await open({ as: 'manager', view: 'programmes', programme: 'demo-agile-2025' });
    await page.getByTestId('workspace-title').filter({ hasText: 'New Ways of Working 2025' }).waitFor();
    await page.locator('#channel-post').getByText('Tandem is not installed in any team yet').waitFor();
    await page.getByTestId('announce-translation-title').waitFor();
    await settle(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'programmes-steering-communication-light');
  });

  it.each(['en', 'de'] as const)('shows the report at 1280 px in %s with no label cut off', async (lang) => {
    const page = await open({ as: 'hr', view: 'reports', lang });
    await page.getByTestId('report-kpis').waitFor();
    await settle(page);
    // Every chart drawn as a table too would hide nothing: the charts themselves must show labels whole.
    expect(await truncated(page)).toEqual([]);
    await screenshot(page, `reports-1280-${lang}-light`);
    await page.getByTestId('report-programme').selectOption('demo-agile-2025');
    await page.getByTestId('report-kpis').waitFor();
    await settle(page);
    expect(await truncated(page)).toEqual([]);
    const kpis = (await page.getByTestId('report-kpis').textContent()) as string;
    // A programme past its sessions shows completed pairs, not "active" next to "completed".
    expect(kpis).toContain(lang === 'en' ? 'Completed pairs' : 'Abgeschlossene Tandems');
    expect(kpis).not.toContain(lang === 'en' ? 'Active pairs' : 'Aktive Tandems');
    await screenshot(page, `reports-steering-1280-${lang}-light`);
  });

  it('names the merged groups in the suppression note', async () => {
    const page = await open({ as: 'hr', view: 'reports' });
    await page.getByTestId('report-kpis').waitFor();
    const note = (await page.getByTestId('by-department-note').textContent()) as string;
    expect(note).toMatch(/^Groups with fewer than 5 people are not shown on their own; combined into one row: .+\./);
    await page.getByTestId('by-department-toggle').click();
    const groups = await page.getByTestId('by-department-table').locator('tbody tr > :first-child').allTextContents();
    expect(groups).toContain('Smaller groups combined');
    // A group with a row of its own is not among the merged ones the note names.
    for (const group of groups.filter((g) => g !== 'Smaller groups combined'))
      expect(note.split(': ')[1]).not.toContain(group);
  });
});
