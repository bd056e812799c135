/**
 * Renders every card of the catalogue with the adaptivecards renderer in headless Chromium, in
 * German and English, in Teams-like light and dark themes, and writes test-results/cards/*.png.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../../scripts/lib/headless-chromium';
import { CARD_CATALOGUE } from '../../support/card-catalogue';
import { translator } from '../../../bot/src/i18n/translate';
import { HOST_CONFIGS, themeCss } from './support/host-configs';

const ROOT = resolve(__dirname, '../../..');
const OUT = join(ROOT, 'test-results', 'cards');

interface RenderOutcome {
  ok: boolean;
  warnings: string[];
  height: number;
  textBlocks: number;
  inputs: number;
  buttons: string[];
}

describe('every card rendered by the adaptivecards renderer in headless Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 600, height: 800 }, deviceScaleFactor: 1 });
    await page.setContent(
      '<!doctype html><html><head><meta charset="utf-8"><style id="theme"></style></head><body><div id="card"></div></body></html>',
    );
    await page.addScriptTag({ path: join(ROOT, 'node_modules/adaptivecards/dist/adaptivecards.min.js') });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function render(card: unknown, theme: 'light' | 'dark'): Promise<RenderOutcome> {
    return page.evaluate(
      ({ card, hostConfig, css }) => {
        // The UMD bundle's global, untyped in the page.
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const AC = (window as unknown as { AdaptiveCards: Record<string, any> }).AdaptiveCards;
        (document.getElementById('theme') as HTMLStyleElement).textContent = css;
        const target = document.getElementById('card') as HTMLElement;
        target.innerHTML = '';
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = new AC.HostConfig(hostConfig);
        const context = new AC.SerializationContext(AC.Versions.v1_5);
        adaptive.parse(card, context);
        const warnings: string[] = [];
        for (let i = 0; i < context.eventCount; i++) warnings.push(context.getEventAt(i).message);
        const element = adaptive.render() as HTMLElement | undefined;
        if (!element) return { ok: false, warnings, height: 0, textBlocks: 0, inputs: 0, buttons: [] };
        target.appendChild(element);
        return {
          ok: true,
          warnings,
          height: element.getBoundingClientRect().height,
          textBlocks: element.querySelectorAll('.ac-textBlock').length,
          inputs: element.querySelectorAll('.ac-input').length,
          buttons: [...element.querySelectorAll('button')].map((b) => b.textContent ?? ''),
        };
      },
      { card, hostConfig: HOST_CONFIGS[theme], css: themeCss(theme) },
    );
  }

  for (const entry of CARD_CATALOGUE) {
    it(`renders ${entry.name} in English and German, light and dark, to test-results/cards`, async () => {
      for (const locale of ['en', 'de'] as const) {
        const card = entry.build(translator(locale));
        const actions = (card.actions ?? []).map((a) => a.title);
        for (const theme of ['light', 'dark'] as const) {
          const outcome = await render(card, theme);
          expect(outcome).toMatchObject({ ok: true, warnings: [] });
          expect(outcome.height).toBeGreaterThan(40);
          expect(outcome.textBlocks).toBeGreaterThan(0);
          // Every top-level action is a visible button (Action.Execute renders like Action.Submit).
          for (const title of actions) expect(outcome.buttons).toContain(title);
          await page.locator('#card').screenshot({ path: join(OUT, `${entry.name}-${locale}-${theme}.png`) });
        }
      }
    });
  }
});
