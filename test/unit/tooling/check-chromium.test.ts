/**
 * `npm test` checks for Chromium before anything else: without it the browser tests would fail one by
 * one after minutes, so the check stops the run at once with the sentence that says what to install.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_NEEDED, chromiumPath, DEFAULT_CHROMIUM, missingChromium } from '../../../scripts/lib/chromium-path';

const ROOT = resolve(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'tandem-chromium-check-'));

function file(name: string, mode: number): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, mode);
  return path;
}

describe('the Chromium check before the tests', () => {
  it('looks where the browser tests launch Chromium: CHROMIUM_PATH, else /usr/bin/chromium', () => {
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
    expect(DEFAULT_CHROMIUM).toBe('/usr/bin/chromium');
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/chromium/chrome' })).toBe('/opt/chromium/chrome');
  });

  it('passes when CHROMIUM_PATH names an executable file', () => {
    expect(missingChromium({ CHROMIUM_PATH: file('chromium', 0o755) })).toBeUndefined();
  });

  it('names what to install when there is no file, a folder or a file that cannot run', () => {
    for (const path of [join(dir, 'absent'), dir, file('not-executable', 0o644)]) {
      const why = missingChromium({ CHROMIUM_PATH: path });
      expect(why).toContain(CHROMIUM_NEEDED);
      expect(why).toContain(`CHROMIUM_PATH=${path}`);
    }
    expect(CHROMIUM_NEEDED).toMatch(/Debian's `chromium`.*CHROMIUM_PATH/);
  });

  it('stops `npm test` at once with that sentence (exit 1) when Chromium is missing, and is silent when it is there', () => {
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const script = join(ROOT, 'scripts/test/check-chromium.ts');
    const missing = spawnSync(tsx, [script], {
      cwd: ROOT,
      env: { ...process.env, CHROMIUM_PATH: join(dir, 'absent') },
      encoding: 'utf8',
    });
    expect([missing.status, missing.stdout]).toEqual([1, '']);
    expect(missing.stderr).toContain(CHROMIUM_NEEDED);
    const present = spawnSync(tsx, [script], {
      cwd: ROOT,
      env: { ...process.env, CHROMIUM_PATH: file('chromium-ok', 0o755) },
      encoding: 'utf8',
    });
    expect([present.status, present.stdout, present.stderr]).toEqual([0, '', '']);
  });

  it('runs first in `npm test` and `npm run test:e2e`, which the README names with what it needs', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.test).toMatch(/^tsx scripts\/test\/check-chromium\.ts && /);
    expect(scripts.test).toMatch(/ && jest$/);
    expect(scripts['test:e2e']).toMatch(/^tsx scripts\/test\/check-chromium\.ts && jest test\/e2e\/$/);
    expect(scripts['test:unit']).toBe('jest test/unit/');
    expect(scripts['test:integration']).toBe('jest test/integration/');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const testCommand = readme.split('\n').find((line) => line.startsWith('npm test '));
    expect(testCommand).toMatch(/Debian's chromium \(or CHROMIUM_PATH\)/);
  });
});
