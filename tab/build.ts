/**
 * Builds the tab for the browser: esbuild bundles tab/src/main.tsx as ES modules with code splitting
 * (the console and the report are separate chunks, loaded on demand), content-hashed file names, and
 * an index.html that refers to the entry with a relative URL, so the same files work at `/` (local
 * stack) and at `/api/tab/` (Functions app in Azure). `npx tsx tab/build.ts` or `npm run build:tab`.
 */
import { build, type Metafile } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fluentSplitPlugin } from './fluent-split-plugin';

export const TAB_ROOT = __dirname;
export const DIST = join(TAB_ROOT, 'dist');
/** The metafile goes beside the build outputs, not into tab/dist (it is not served). */
export const METAFILE = resolve(TAB_ROOT, '..', 'build', 'tab-metafile.json');

export interface TabBuild {
  outDir: string;
  /** File name of the entry chunk under outDir/assets. */
  entry: string;
  metafile: Metafile;
  ms: number;
}

export interface BuildOptions {
  outDir?: string;
  /** Minify (default true); the e2e tests and the bench use the production build. */
  minify?: boolean;
}

/**
 * The chunks to fetch in parallel with the entry: what it imports statically, and what the theme
 * chunks import (the palettes, a few KB), so neither waits for the module that asks for it.
 */
export function preloads(metafile: Metafile, entryPath: string): string[] {
  const outputs = metafile.outputs;
  const statics = (path: string) =>
    (outputs[path]?.imports ?? []).filter((i) => i.kind === 'import-statement').map((i) => i.path);
  const themes = Object.keys(outputs).filter((p) => /\/theme-(light|dark|contrast)-[^/]+\.js$/.test(p));
  return [...new Set([...statics(entryPath), ...themes.flatMap(statics)])].map((p) => basename(p));
}

function indexHtml(entry: string, preload: string[]): string {
  // The inline style paints the Teams background before React starts, so the tab never flashes white in dark mode.
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Tandem</title>
    <link rel="icon" href="data:," />
    <style>
      html, body { margin: 0; min-height: 100%; font-family: 'Segoe UI', system-ui, -apple-system, sans-serif; }
      @media (prefers-color-scheme: dark) { html { background: #1f1f1f; } }
      #root:empty::after { content: ''; display: block; margin: 30vh auto 0; width: 28px; height: 28px;
        border-radius: 50%; border: 3px solid #c7c7c7; border-top-color: #5b5fc7; animation: spin 0.8s linear infinite; }
      @keyframes spin { to { transform: rotate(360deg); } }
      .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
        clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
    </style>
    <link rel="modulepreload" href="./assets/${entry}" />
${preload.map((f) => `    <link rel="modulepreload" href="./assets/${f}" />`).join('\n')}
  </head>
  <body>
    <div id="root"></div>
    <noscript>Tandem needs JavaScript.</noscript>
    <script type="module" src="./assets/${entry}"></script>
  </body>
</html>
`;
}

export async function buildTab(options: BuildOptions = {}): Promise<TabBuild> {
  const started = Date.now();
  const outDir = options.outDir ?? DIST;
  const assets = join(outDir, 'assets');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(assets, { recursive: true });
  const result = await build({
    absWorkingDir: resolve(TAB_ROOT, '..'),
    entryPoints: { main: join(TAB_ROOT, 'src', 'main.tsx') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'edge110', 'safari16', 'firefox115'],
    outdir: assets,
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    minify: options.minify ?? true,
    sourcemap: false,
    legalComments: 'none',
    jsx: 'automatic',
    metafile: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [fluentSplitPlugin(resolve(TAB_ROOT, '..'))],
  });
  const entryOutput = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint?.endsWith('main.tsx'));
  if (!entryOutput) throw new Error('esbuild produced no entry chunk');
  const entry = basename(entryOutput[0]);
  writeFileSync(join(outDir, 'index.html'), indexHtml(entry, preloads(result.metafile, entryOutput[0])));
  mkdirSync(resolve(METAFILE, '..'), { recursive: true });
  writeFileSync(METAFILE, JSON.stringify(result.metafile));
  return { outDir, entry, metafile: result.metafile, ms: Date.now() - started };
}

/** Files of a build, relative to its folder (for logs and tests). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
}

if (require.main === module) {
  buildTab().then(
    (b) => console.log(`tab built in ${b.ms} ms → ${relative(process.cwd(), b.outDir)} (entry ${b.entry})`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
