/**
 * Settings come from the checked configuration only (issue #25, one composition root): product code
 * never writes process.env, so `npm run lint` fails on each way of writing it, in every layer.
 */
import { lintMessages, type Probe } from './lint-messages';

function envWriteErrors(probes: Probe[]): string[][] {
  return lintMessages(probes).map((messages) =>
    messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message),
  );
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
