/**
 * `npm run build`: the Functions app as Azure runs it, in build/functions/: an esbuild bundle of
 * functions/src/index.ts (dist/index.js) and of the matching helper thread that the engine loads by
 * path (dist/row-worker.js, beside it), with source maps; host.json; a package.json whose `main` is the
 * bundle and which has no dependencies; and the tab's static files (tab/dist, built first).
 * `@azure/functions-core` is the host's own module and stays external. Local-only code is not
 * reachable from the entry (composition.ts gets the embedded store from the local stack), and a
 * test reads the metafile (build/functions-metafile.json) to keep it so.
 */
import { build, type Metafile } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildTab, DIST as TAB_DIST } from '../../tab/build';

export const ROOT = resolve(__dirname, '../..');
/** The package's root (what build/functions.zip holds). */
export const STAGE = join(ROOT, 'build', 'functions');
/** Which source files went into the bundle (not deployed). */
export const BUNDLE_METAFILE = join(ROOT, 'build', 'functions-metafile.json');

/** Only the host provides it (the local host resolves it to its shim). */
export const EXTERNAL = [
  '@azure/functions-core',
  // NOTE: thread-pool.ts resolves tsx only when it runs from TypeScript sources, never in the bundle.
  'tsx/cjs/api',
  // NOTE: `debug` tries `require('supports-color')` and goes on without it; only dev tools install it.
  'supports-color',
];

export interface BundleOptions {
  /** Where to stage the package (default build/functions). */
  outDir?: string;
  /** Build the tab into tab/dist first (default true); false copies tab/dist when it exists. */
  tab?: boolean;
}

export async function bundleFunctions(options: BundleOptions = {}): Promise<{ stage: string; metafile: Metafile }> {
  const stage = options.outDir ?? STAGE;
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: {
      index: 'functions/src/index.ts',
      // NOTE: thread-pool.ts starts its helpers from `row-worker.js` beside the running file.
      'row-worker': 'functions/src/adapters/parallel-matching/row-worker.ts',
    },
    outdir: join(stage, 'dist'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    minify: true,
    // Error names and class names stay readable in logs and stack traces.
    keepNames: true,
    external: EXTERNAL,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'linked',
  });
  if (!options.outDir) writeFileSync(BUNDLE_METAFILE, JSON.stringify(result.metafile));

  cpSync(join(ROOT, 'host.json'), join(stage, 'host.json'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    engines?: unknown;
  };
  // version.ts reads name and version; the host reads main. Nothing to install: all is in the bundle.
  const deployed = { name: pkg.name, version: pkg.version, private: true, main: 'dist/index.js', engines: pkg.engines };
  writeFileSync(join(stage, 'package.json'), JSON.stringify(deployed, null, 2) + '\n');

  if (options.tab ?? true) await buildTab();
  if (existsSync(TAB_DIST)) cpSync(TAB_DIST, join(stage, 'tab', 'dist'), { recursive: true });
  return { stage, metafile: result.metafile };
}

if (require.main === module) {
  const started = Date.now();
  bundleFunctions().then(
    ({ stage }) => console.log(`Built ${relative(process.cwd(), stage)} in ${Date.now() - started} ms`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
