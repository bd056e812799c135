/**
 * `npm run build:tsc` makes the path aliases (`@tandem/app`, `@tandem/core/*`, `@tandem/ports/*`)
 * relative requires in dist/, because plain tsc output keeps them and Node cannot resolve them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  aliasesOf,
  rewriteAliases,
  rewriteOutput,
  targetOf,
  type Alias,
} from '../../../scripts/package/rewrite-aliases';

const ROOT = resolve(__dirname, '../../..');
const ALIASES: Alias[] = [
  { pattern: '@tandem/app', target: 'functions/src/app/api' },
  { pattern: '@tandem/core/*', target: 'functions/src/core/*' },
  { pattern: '@tandem/ports/*', target: 'functions/src/ports/*' },
];

function write(root: string, path: string, code: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), code);
}

describe('the path aliases in the plain tsc build', () => {
  it('takes the aliases from tsconfig.base.json, relative to the repository root', () => {
    expect(aliasesOf(join(ROOT, 'tsconfig.base.json'), ROOT)).toEqual(ALIASES);
  });

  it('maps the public API exactly and core/ports by their wildcard', () => {
    expect(targetOf('@tandem/app', ALIASES)).toBe('functions/src/app/api');
    expect(targetOf('@tandem/core/model/topic-names', ALIASES)).toBe('functions/src/core/model/topic-names');
    expect(targetOf('@tandem/ports/store', ALIASES)).toBe('functions/src/ports/store');
    expect(targetOf('@tandem/app/support/access', ALIASES)).toBeUndefined();
    expect(targetOf('@tandem/corex', ALIASES)).toBeUndefined();
  });

  it('rewrites each alias require to the relative path from the compiled file, and nothing else', () => {
    const code = [
      'const a = require("@tandem/app");',
      "const b = require('@tandem/core/model');",
      'const c = require("zod");',
      'const d = require("./words");',
      '// a comment that names @tandem/app stays',
    ].join('\n');
    expect(rewriteAliases(code, 'bot/src/actions/views.js', ALIASES)).toBe(
      [
        'const a = require("../../../functions/src/app/api");',
        "const b = require('../../../functions/src/core/model');",
        'const c = require("zod");',
        'const d = require("./words");',
        '// a comment that names @tandem/app stays',
      ].join('\n'),
    );
    expect(rewriteAliases('require("@tandem/core/errors")', 'functions/src/http/x.js', ALIASES)).toBe(
      'require("../core/errors")',
    );
  });

  it('fails the build on a @tandem require that no alias matches', () => {
    expect(() => rewriteAliases('require("@tandem/app/support/access")', 'bot/src/x.js', ALIASES)).toThrow(
      'bot/src/x.js: require("@tandem/app/support/access") matches no path alias.',
    );
  });

  it('leaves an output tree that Node runs: the bot requires app, core and ports through the rewritten paths', () => {
    const out = mkdtempSync(join(tmpdir(), 'tandem-aliases-'));
    write(out, 'functions/src/app/api.js', 'exports.useCase = () => "use case";\n');
    write(out, 'functions/src/core/model/index.js', 'exports.model = "model";\n');
    write(out, 'functions/src/ports/store.js', 'exports.store = "store";\n');
    write(
      out,
      'bot/src/actions/probe.js',
      [
        'const app_1 = require("@tandem/app");',
        'const model_1 = require("@tandem/core/model");',
        'const store_1 = require("@tandem/ports/store");',
        'module.exports = [app_1.useCase(), model_1.model, store_1.store];',
      ].join('\n'),
    );
    expect(rewriteOutput(out, ALIASES)).toEqual([join(out, 'bot/src/actions/probe.js')]);
    expect(readFileSync(join(out, 'bot/src/actions/probe.js'), 'utf8')).not.toContain('@tandem/');
    const run = execFileSync(
      process.execPath,
      ['-e', `console.log(JSON.stringify(require(${JSON.stringify(join(out, 'bot/src/actions/probe.js'))})))`],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(run)).toEqual(['use case', 'model', 'store']);
  });
});
