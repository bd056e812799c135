/**
 * `npm run package:functions`: builds build/functions.zip, the Functions app's deployment package
 * for Flex Consumption (`az functionapp deployment source config-zip --src build/functions.zip`):
 * compiled code (dist/), host.json, package.json, production node_modules and, when built,
 * the tab (tab/dist), which the app serves at /api/tab.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { createZip, type ZipEntry } from '../../scripts/package/zip-writer';

const ROOT = resolve(__dirname, '../..');
const STAGE = join(ROOT, 'build', 'functions');
const OUT = join(ROOT, 'build', 'functions.zip');

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}.`);
}

/** Regular files under `dir` (symbolic links such as node_modules/.bin are left out). */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return [];
    return stat.isDirectory() ? files(path) : [path];
  });
}

function main(): void {
  run('npm', ['run', '-s', 'build'], ROOT);
  rmSync(STAGE, { recursive: true, force: true });
  mkdirSync(STAGE, { recursive: true });
  for (const item of ['dist', 'host.json', 'package.json', 'package-lock.json'])
    cpSync(join(ROOT, item), join(STAGE, item), { recursive: true });
  if (existsSync(join(ROOT, 'tab', 'dist')))
    cpSync(join(ROOT, 'tab', 'dist'), join(STAGE, 'tab', 'dist'), { recursive: true });
  else console.warn('tab/dist does not exist: the package has no tab (build the tab first).');
  run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], STAGE);
  const entries: ZipEntry[] = files(STAGE).map((file) => ({
    name: relative(STAGE, file).split(sep).join('/'),
    data: readFileSync(file),
  }));
  writeFileSync(OUT, createZip(entries));
  console.log(`Wrote ${relative(process.cwd(), OUT)} (${entries.length} files)`);
}

main();
