/**
 * `npm run build:tsc` (the unbundled dist/ of `func start` in the root and of the cold-start
 * comparison) runs under plain Node: the path aliases are relative requires in its output.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

jest.setTimeout(300_000);

const ROOT = join(__dirname, '..', '..', '..');

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

describe('npm run build:tsc', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', '-s', 'build:tsc'], { cwd: ROOT, stdio: 'pipe' });
  });

  it('leaves no require of a path alias in dist/', () => {
    const left = jsFiles(join(ROOT, 'dist'))
      .filter((path) => /\brequire\(["']@tandem\//.test(readFileSync(path, 'utf8')))
      .map((path) => relative(ROOT, path));
    expect(left).toEqual([]);
  });

  it("loads the package's main and the bot under Node, with the bot reaching app's public API", () => {
    const main = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string }).main;
    const script = [
      `require(${JSON.stringify(join(ROOT, main))});`,
      `const bot = require(${JSON.stringify(join(ROOT, 'dist/bot/src/index.js'))});`,
      `const api = require(${JSON.stringify(join(ROOT, 'dist/functions/src/app/api.js'))});`,
      `const views = require(${JSON.stringify(join(ROOT, 'dist/bot/src/actions/views.js'))});`,
      'console.log(JSON.stringify([typeof bot.createBotRuntime, typeof api.getProgramme, typeof views.announcementView]));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    expect(JSON.parse(out.trim().split('\n').pop() ?? '')).toEqual(['function', 'function', 'function']);
  });
});
