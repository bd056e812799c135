/**
 * npm run bench:coldstart — what a cold start pays for the Functions app: the deployment package
 * (build/functions.zip: size, files) and loading its entry in fresh processes (median time, files
 * read), for the esbuild bundle and, for comparison, the unbundled tsc output (dist/ with the
 * production dependencies in node_modules, as the package held them before the bundle).
 *
 *   npm run bench:coldstart [-- --runs=7 --no-build]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { measureEntryLoad } from './lib/entry-load';

const ROOT = join(__dirname, '..', '..');
const args = new Set(process.argv.slice(2));
const runs = Number([...args].find((a) => a.startsWith('--runs='))?.slice(7) ?? 7);

function npm(script: string): void {
  execFileSync('npm', ['run', '-s', script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Regular files under `dir` (symbolic links left out, as the packager does). */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return [];
    return stat.isDirectory() ? files(path) : [path];
  });
}

/** The production dependency closure as package-lock.json records it (what `npm ci --omit=dev` installs). */
function productionPackages(): string[] {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; optional?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([path, p]) => path.startsWith('node_modules/') && !p.dev && existsSync(join(ROOT, path)))
    .map(([path]) => path);
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const sum = (list: string[]) => list.reduce((total, f) => total + statSync(f).size, 0);

function main(): void {
  if (!args.has('--no-build')) {
    console.error('Building: npm run package:functions (bundle + zip), npm run build:tsc (dist/) ...');
    npm('package:functions');
    npm('build:tsc');
  }
  const stage = join(ROOT, 'build', 'functions');
  const zip = join(ROOT, 'build', 'functions.zip');
  const bundled = files(stage);
  const bundleLoad = measureEntryLoad(join(stage, 'dist', 'index.js'), stage, runs);

  // NOTE: nested node_modules of production packages are inside their folders, so each folder counts once.
  const packages = productionPackages().filter((p, _, all) => !all.some((q) => q !== p && p.startsWith(q + '/')));
  const unbundled = [
    ...files(join(ROOT, 'dist')),
    ...packages.flatMap((p) => files(join(ROOT, p))),
    ...(existsSync(join(stage, 'tab')) ? files(join(stage, 'tab')) : []),
  ];
  const distLoad = measureEntryLoad(join(ROOT, 'dist', 'functions', 'src', 'index.js'), ROOT, runs);

  const rows = [
    ['', 'package', 'files', 'unpacked', 'entry load (median)', 'files read', 'runs (ms)'],
    [
      'bundle',
      `build/functions.zip ${mb(statSync(zip).size)}`,
      String(bundled.length),
      mb(sum(bundled)),
      `${bundleLoad.ms.toFixed(0)} ms`,
      String(bundleLoad.files),
      bundleLoad.runs.map((r) => r.toFixed(0)).join(' '),
    ],
    [
      'unbundled dist/',
      '(not zipped)',
      String(unbundled.length),
      mb(sum(unbundled)),
      `${distLoad.ms.toFixed(0)} ms`,
      String(distLoad.files),
      distLoad.runs.map((r) => r.toFixed(0)).join(' '),
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
  console.log(`(median of ${runs} fresh Node ${process.version} processes, @azure/functions-core stubbed)`);
}

main();
