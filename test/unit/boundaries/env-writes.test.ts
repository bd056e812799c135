/**
 * Settings come from the checked configuration only (issue #25, one composition root): product code
 * never writes process.env, so `npm run lint` fails on each way of writing it, in every layer.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function envWriteErrors(probes: { path: string; code: string }[]): string[][] {
  const out = execFileSync(process.execPath, [join(__dirname, 'lint-probes.mjs'), ROOT], {
    cwd: ROOT,
    input: JSON.stringify(probes),
    encoding: 'utf8',
  });
  const results = JSON.parse(out) as { ruleId: string | null; message: string }[][];
  const fatal = results.flat().find((m) => m.ruleId === null);
  if (fatal) throw new Error(`ESLint could not lint a probe: ${fatal.message}`);
  return results.map((messages) => messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message));
}

const WRITES = [
  "process.env.GRAPH_BASE_URL = 'https://localhost:1';\n",
  "process.env['AUTH_ISSUER'] = 'x';\n",
  'delete process.env.TEAMS_APP_ID;\n',
  "Object.assign(process.env, { GRAPH_ACCESS_TOKEN: 't' });\n",
  'process.env = {};\n',
];
const FILES = [
  'functions/src/local/probe.ts',
  'functions/src/composition-probe.ts',
  'functions/src/cli/commands/probe.ts',
  'bot/src/actions/probe.ts',
  'tab/src/probe.ts',
];

describe('process.env is written by no product code', () => {
  it('fails lint on every way of writing it, in every layer, and passes a read', () => {
    const probes = FILES.flatMap((path) => [
      ...WRITES.map((code) => ({ path, code: `export {};\n${code}` })),
      { path, code: 'export const probe = process.env.PORT;\n' },
    ]);
    const errors = envWriteErrors(probes);
    FILES.forEach((path, f) => {
      const perFile = errors.slice(f * (WRITES.length + 1), (f + 1) * (WRITES.length + 1));
      WRITES.forEach((code, w) => {
        expect({ path, code, errors: perFile[w] }).toEqual({
          path,
          code,
          errors: ['Do not write process.env: pass settings to loadConfig (functions/src/config.ts) instead.'],
        });
      });
      expect({ path, read: perFile[WRITES.length] }).toEqual({ path, read: [] });
    });
  });
});
