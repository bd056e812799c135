/**
 * `npm run bench:tab`: builds the tab for production, prints every chunk's size (raw and gzipped),
 * then opens each page on the local stack in headless Chromium (cold cache, a fresh profile per run)
 * and prints the JavaScript it really loaded (gzipped, as a server that compresses would send it)
 * and how long it took until the page showed its content. Figures, not assertions.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../scripts/lib/headless-chromium';
import { buildTab } from './build';
import { startLocalStack } from '../functions/src/local/stack';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET_KB = 200;

const PAGES = [
  { name: 'My tandem (participant)', as: 'mentee', view: 'my-tandem', ready: '#partner' },
  { name: 'Programme console', as: 'manager', view: 'programmes', ready: '[data-testid="workspace-title"]' },
  { name: 'HR report', as: 'hr', view: 'reports', ready: '#funnel svg' },
] as const;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function pad(cells: (string | number)[], widths: number[]): string {
  return cells
    .map((c, i) => (i === 0 ? String(c).padEnd(widths[i] ?? 10) : String(c).padStart(widths[i] ?? 10)))
    .join('  ');
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'tandem-bench-tab-'));
  const built = await buildTab({ outDir: join(root, 'dist') });
  const assets = join(built.outDir, 'assets');
  const gz = new Map<string, { raw: number; gzip: number }>();
  for (const out of Object.keys(built.metafile.outputs)) {
    if (!out.endsWith('.js')) continue;
    const file = join(assets, basename(out));
    const bytes = readFileSync(file);
    gz.set(basename(out), { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  console.log(`Build: ${built.ms} ms (esbuild, minified, code-split)\n`);
  console.log(pad(['chunk', 'raw KB', 'gzip KB'], [44, 9, 9]));
  for (const [name, size] of [...gz].sort((a, b) => b[1].gzip - a[1].gzip))
    console.log(pad([name, kb(size.raw), kb(size.gzip)], [44, 9, 9]));
  const teams = [...gz].find(([name]) => name.startsWith('teams-sdk-'))?.[1].gzip ?? 0;

  const stack = await startLocalStack({ port: 0, dataDir: join(root, 'data'), staticDir: built.outDir });
  console.log(
    `\nPages on the local stack (${stack.baseUrl}), headless Chromium, cold cache, median of ${RUNS} runs:\n`,
  );
  console.log(
    pad(['page', 'JS files', 'JS gzip KB', 'in Teams KB', 'first content ms', 'ready ms'], [26, 9, 11, 12, 17, 9]),
  );
  try {
    for (const p of PAGES) {
      const firstContent: number[] = [];
      const ready: number[] = [];
      let files: string[] = [];
      for (let run = 0; run < RUNS; run++) {
        const ctx = await launchChromium();
        try {
          const page = ctx.pages()[0] ?? (await ctx.newPage());
          const js = new Set<string>();
          page.on('response', (r) => {
            if (r.url().endsWith('.js')) js.add(basename(new URL(r.url()).pathname));
          });
          const url = `${stack.baseUrl}/?${new URLSearchParams({ as: p.as, view: p.view })}`;
          await page.goto(url);
          await page.waitForSelector('main h1');
          firstContent.push(await page.evaluate(() => performance.now()));
          await page.waitForSelector(p.ready);
          await page.waitForLoadState('networkidle');
          ready.push(await page.evaluate(() => performance.now()));
          files = [...js];
        } finally {
          await ctx.close();
        }
      }
      const gzip = files.reduce((sum, f) => sum + (gz.get(f)?.gzip ?? 0), 0);
      console.log(
        pad(
          [
            p.name,
            files.length,
            kb(gzip),
            kb(gzip + teams),
            Math.round(median(firstContent)),
            Math.round(median(ready)),
          ],
          [26, 9, 11, 12, 17, 9],
        ),
      );
      if (p.view === 'my-tandem') {
        const over = gzip + teams > BUDGET_KB * 1024;
        console.log(
          `  participant page budget ${BUDGET_KB} KB gzip (inside Teams, with teams-js): ${over ? 'OVER' : 'within'}`,
        );
      }
    }
  } finally {
    await stack.close();
  }
  console.log('\n"in Teams" adds the teams-js chunk, which is only fetched when the tab runs in a frame.');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
