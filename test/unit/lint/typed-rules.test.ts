import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

/** The severity of each rule for each file under the project's ESLint configuration (a separate
 * process: ESLint loads eslint.config.mjs with a dynamic import, which jest's sandbox does not allow). */
function severities(files: string[], rules: string[]): Record<string, Record<string, unknown>> {
  const script = `
    import { ESLint } from 'eslint';
    const [files, rules] = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = {};
    for (const file of files) {
      const config = await eslint.calculateConfigForFile(file);
      out[file] = Object.fromEntries(rules.map((r) => [r, [config.rules?.[r]].flat()[0] ?? 'off']));
      out[file].projectService = config.languageOptions?.parserOptions?.projectService ?? false;
    }
    process.stdout.write(JSON.stringify(out));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify([files, rules])], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, Record<string, unknown>>;
}

const PROMISES = ['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises'];
const HOOKS = ['react-hooks/rules-of-hooks', 'react-hooks/exhaustive-deps'];
const ERROR = [2, 'error'];

describe('the lint configuration', () => {
  const files = [
    'functions/src/app/directory-sync.ts',
    'bot/src/index.ts',
    'tab/src/app/app.tsx',
    'test/unit/lint/x.test.ts',
  ];
  const config = severities(files, [...PROMISES, ...HOOKS]);

  it('checks promises with type information in every TypeScript file', () => {
    for (const file of files) {
      expect([file, config[file]?.projectService]).toEqual([file, true]);
      for (const rule of PROMISES)
        expect([file, rule, ERROR.includes(config[file]?.[rule] as never)]).toEqual([file, rule, true]);
    }
  });

  it('applies the React hooks rules to the tab', () => {
    for (const rule of HOOKS)
      expect([rule, ERROR.includes(config['tab/src/app/app.tsx']?.[rule] as never)]).toEqual([rule, true]);
  });
});
