/**
 * End-to-end support for the tab: the whole local stack (demo seeded, on a free port, in a temporary
 * data folder) serving a fresh production build of the tab, and headless Chromium (Debian's
 * /usr/bin/chromium through playwright-core) with a fresh profile. Every page records console errors
 * and page errors, so a test can assert there were none.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../../../functions/src/local/stack';
import { buildTab } from '../../../../tab/build';
import { launchChromium } from '../../../../scripts/lib/headless-chromium';

export const ARTEFACTS = resolve(__dirname, '../../../../test-results/tab');

export interface TabStack {
  stack: LocalStack;
  baseUrl: string;
  idp: string;
  close(): Promise<void>;
}

export async function startTabStack(): Promise<TabStack> {
  const root = mkdtempSync(join(tmpdir(), 'tandem-tab-e2e-'));
  const built = await buildTab({ outDir: join(root, 'dist') });
  const stack = await startLocalStack({ port: 0, dataDir: join(root, 'data'), staticDir: built.outDir });
  const idp = stack.components.find((c) => c.name === 'dev-idp')?.env.TANDEM_DEV_IDP_URL;
  if (!idp) throw new Error('The local stack runs no development identity provider.');
  return { stack, baseUrl: stack.baseUrl, idp, close: () => stack.close() };
}

export function launchBrowser(): Promise<BrowserContext> {
  return launchChromium({ acceptDownloads: true, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
}

export interface TabPage {
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
}

export interface OpenOptions {
  as?: 'mentee' | 'mentor' | 'manager' | 'hr';
  view?: 'my-tandem' | 'programmes' | 'reports';
  theme?: 'default' | 'dark' | 'contrast';
  lang?: 'en' | 'de';
  programme?: string;
}

/** The tab's address; it finds the identity provider itself (GET /api/dev/identity), as after `npm start`. */
export function tabUrl(t: TabStack, options: OpenOptions = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(options)) if (v) q.set(k, v);
  return `${t.baseUrl}/?${q}`;
}

export async function openTab(ctx: BrowserContext, t: TabStack, options: OpenOptions = {}): Promise<TabPage> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  await page.goto(tabUrl(t, options));
  await page.waitForSelector('main h1', { timeout: 20_000 });
  return { page, errors };
}

/** One test file's local stack and browser, and the pages its tests open. */
export interface TabSession {
  /** The local stack with the built tab (started before the file's first test). */
  readonly tab: TabStack;
  /** The browser context (started before the file's first test). */
  readonly ctx: BrowserContext;
  /** Pages opened through `open` or pushed here: after each test, none may have logged an error. */
  readonly opened: TabPage[];
  /** Opens the tab (in `context`, default the session's) and keeps the page for the error check. */
  open(options: OpenOptions, context?: BrowserContext): Promise<Page>;
}

/**
 * Starts the local stack and the browser before the file's tests and closes both after them; after
 * each test, no console error and no uncaught error on any page the test opened. Call it at the top
 * level of a test file, before the file's own hooks (they then see the stack started).
 */
export function tabSession(options: { viewport?: { width: number; height: number } } = {}): TabSession {
  let stack: TabStack | undefined;
  let ctx: BrowserContext | undefined;
  const opened: TabPage[] = [];
  const started = <T>(part: T | undefined, name: string): T => {
    if (!part) throw new Error(`The tab session's ${name} is not started (call tabSession at the top level).`);
    return part;
  };
  const session: TabSession = {
    get tab() {
      return started(stack, 'stack');
    },
    get ctx() {
      return started(ctx, 'browser');
    },
    opened,
    async open(openOptions, context) {
      const tab = await openTab(context ?? session.ctx, session.tab, openOptions);
      opened.push(tab);
      if (options.viewport) await tab.page.setViewportSize(options.viewport);
      return tab.page;
    },
  };
  beforeAll(async () => {
    stack = await startTabStack();
    ctx = await launchBrowser();
  });
  afterAll(async () => {
    await ctx?.close();
    await stack?.close();
  });
  afterEach(() => {
    const errors = opened.splice(0).flatMap((o) => o.errors);
    expect(errors).toEqual([]);
  });
  return session;
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the page as it is now: the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
    }));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTEFACTS, { recursive: true });
  const file = join(ARTEFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Waits until no request is in flight for a moment (the page has loaded what it needs). */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}
