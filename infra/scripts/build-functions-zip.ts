/**
 * `npm run package:functions`: builds build/functions.zip, the Functions app's deployment package
 * for Flex Consumption (`az functionapp deployment source config-zip --src build/functions.zip`):
 * what `npm run build` stages in build/functions (the esbuild bundle with its source maps, host.json,
 * package.json and the tab). No node_modules: everything that runs is in the bundle.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  const entries: ZipEntry[] = files(STAGE).map((file) => ({
    name: relative(STAGE, file).split(sep).join('/'),
    data: readFileSync(file),
  }));
  writeFileSync(OUT, createZip(entries));
  const size = entries.reduce((sum, e) => sum + e.data.length, 0);
  console.log(
    `Wrote ${relative(process.cwd(), OUT)} (${entries.length} files, ${(size / 1048576).toFixed(1)} MB unpacked)`,
  );
}

main();
