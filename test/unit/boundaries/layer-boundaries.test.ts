/**
 * The layer rules of ../shared/CONVENTIONS.md as eslint.config.mjs enforces them: for each layer, a
 * wrong-way import fails `npm run lint` and a right-way import passes.
 */
import { lintMessages, type Probe } from './lint-messages';

/** Lints every probe in one ESLint run; the boundary errors per probe, in order. */
function lintProbes(probes: Probe[]): string[][] {
  return lintMessages(probes).map((messages) =>
    messages
      .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-properties')
      .map((m) => m.message),
  );
}

/** A probe that imports `what` and uses it (so only boundary rules can complain). */
const use = (what: string, from: string) =>
  `import { ${what} } from '${from}';\nexport const ${what}Probe = ${what};\n`;
const useType = (what: string, from: string) =>
  `import type { ${what} } from '${from}';\nexport type Probe = ${what};\n`;

interface Case {
  layer: string;
  file: string;
  wrong: { why: string; code: string }[];
  right: string;
}

const cases: Case[] = [
  {
    layer: 'core/',
    file: 'functions/src/core/model/probe.ts',
    wrong: [
      { why: 'an SDK', code: use('CosmosClient', '@azure/cosmos') },
      { why: 'I/O', code: use('readFileSync', 'node:fs') },
      { why: 'a port', code: use('systemClock', '../../ports/clock') },
      { why: 'a use case', code: use('isManager', '../../app/caller') },
      { why: "app's public API through the alias", code: use('getPair', '@tandem/app') },
      { why: 'a port through the alias', code: use('systemClock', '@tandem/ports/clock') },
    ],
    right: use('ConflictError', '../errors'),
  },
  {
    layer: 'ports/',
    file: 'functions/src/ports/probe.ts',
    wrong: [
      { why: 'an adapter', code: use('openCosmosStore', '../adapters/cosmos/store') },
      { why: 'a use case', code: use('isManager', '../app/caller') },
      { why: 'an SDK', code: use('CosmosClient', '@azure/cosmos') },
    ],
    right: use('ConflictError', '../core/errors'),
  },
  {
    layer: 'adapters/',
    file: 'functions/src/adapters/graph/probe.ts',
    wrong: [
      { why: 'a use case', code: use('isManager', '../../app/caller') },
      { why: 'an inbound edge', code: use('problem', '../../http/problem') },
      { why: 'a local stand-in', code: use('openEmbeddedStore', '../../local/embedded-store') },
      { why: "app's public API through the alias", code: use('getPair', '@tandem/app') },
    ],
    right: use('systemClock', '../../ports/clock'),
  },
  {
    layer: 'app/',
    file: 'functions/src/app/matching/probe.ts',
    wrong: [
      { why: 'a concrete adapter', code: use('solveMatchingInParallel', '../../adapters/parallel-matching') },
      { why: 'worker threads', code: use('Worker', 'node:worker_threads') },
      { why: 'an inbound edge', code: use('problem', '../../http/problem') },
      { why: 'a local stand-in', code: use('DEMO_ACCOUNTS_STATE_ID', '../../local/demo/accounts') },
      { why: 'process.env', code: 'export const tenantProbe = process.env.TENANT_ID;\n' },
      { why: 'its own public API (an import cycle)', code: use('getPair', '@tandem/app') },
    ],
    right: use('systemClock', '../../ports/clock') + use('isManager', '../caller'),
  },
  {
    layer: 'http/',
    file: 'functions/src/http/routes/probe.ts',
    wrong: [
      { why: 'another inbound edge', code: use('purgeIdempotency', '../../timers/daily') },
      { why: 'the bot', code: use('createBotRuntime', '../../../../bot/src') },
      { why: 'an adapter', code: use('openCosmosStore', '../../adapters/cosmos/store') },
      { why: 'app/ internals', code: use('loadProgramme', '../../app/support/access') },
      { why: 'a local stand-in', code: use('openEmbeddedStore', '../../local/embedded-store') },
      {
        why: "an app/ module instead of app's public API",
        code: use('runMatching', '../../app/matching/run-matching'),
      },
      { why: 'an app/ module through the alias', code: use('runMatching', '@tandem/app/matching/run-matching') },
    ],
    right: use('runMatching', '@tandem/app'),
  },
  {
    layer: 'timers/',
    file: 'functions/src/timers/probe.ts',
    wrong: [
      { why: 'another inbound edge', code: use('botRuntime', '../http/messages') },
      { why: 'the bot', code: use('fanoutSettings', '../../../bot/src/fanout/settings') },
      { why: 'an adapter', code: use('DirectorySnapshots', '../adapters/graph/directory-store') },
      { why: 'a local stand-in', code: use('openEmbeddedStore', '../local/embedded-store') },
      {
        why: "an app/ module instead of app's public API",
        code: use('purgeIdempotency', '../app/jobs/purge-idempotency'),
      },
    ],
    right: use('purgeIdempotency', '@tandem/app'),
  },
  {
    layer: 'cli/',
    file: 'functions/src/cli/commands/probe.ts',
    wrong: [
      { why: 'a local stand-in', code: use('graphStandInComponent', '../../local/graph-stand-in/component') },
      { why: 'another inbound edge', code: use('messages', '../../http/messages') },
      { why: "an app/ module instead of app's public API", code: use('syncDirectory', '../../app/directory-sync') },
    ],
    right: use('syncDirectory', '@tandem/app'),
  },
  {
    layer: 'bot/',
    file: 'bot/src/actions/probe.ts',
    wrong: [
      { why: 'an adapter', code: use('openCosmosStore', '../../../functions/src/adapters/cosmos/store') },
      { why: 'a local stand-in', code: use('DEMO_ACCOUNTS_STATE_ID', '../../../functions/src/local/demo/accounts') },
      { why: 'another inbound edge', code: use('messages', '../../../functions/src/http/messages') },
      { why: 'app/ internals', code: use('loadProgramme', '../../../functions/src/app/support/access') },
      { why: 'app/ internals through the alias', code: use('loadProgramme', '@tandem/app/support/access') },
      { why: 'an input schema module', code: use('optInSchema', '@tandem/app/schemas/enrollment') },
      { why: 'a use case by a relative path', code: use('getPair', '../../../functions/src/app/pairs') },
      { why: 'core by a relative path', code: use('partnerOf', '../../../functions/src/core/model') },
      {
        why: 'app/ internals by walking up from an alias',
        code: use('loadProgramme', '@tandem/core/../app/support/access'),
      },
    ],
    right:
      use('getPair', '@tandem/app') +
      use('optInSchema', '@tandem/app') +
      use('partnerOf', '@tandem/core/model') +
      use('toArray', '@tandem/ports/store'),
  },
  {
    layer: 'the tab',
    file: 'tab/src/auth/probe.ts',
    wrong: [
      { why: 'local/ (even a type)', code: useType('DemoAccount', '../../../functions/src/local/demo/accounts') },
      { why: 'a use case at run time', code: use('isManager', '../../../functions/src/app/caller') },
      { why: 'an adapter', code: use('openCosmosStore', '../../../functions/src/adapters/cosmos/store') },
      { why: "a value of app's public API", code: use('getPair', '@tandem/app') },
      { why: 'a value of a port', code: use('toArray', '@tandem/ports/store') },
      { why: 'a type by a relative path', code: useType('Caller', '../../../functions/src/app/caller') },
      { why: 'core by a relative path', code: use('topicName', '../../../functions/src/core/model/topic-names') },
      { why: 'app/ internals through the alias (even a type)', code: useType('Caller', '@tandem/app/caller') },
      {
        why: 'a local type by walking up from an alias',
        code: useType('DemoAccount', '@tandem/ports/../local/demo/accounts'),
      },
    ],
    right:
      useType('Caller', '@tandem/app') +
      useType('JobRecord', '@tandem/ports/records') +
      use('topicName', '@tandem/core/model/topic-names'),
  },
  {
    layer: 'the composition root',
    file: 'functions/src/probe.ts',
    wrong: [{ why: 'a local stand-in', code: use('openEmbeddedStore', './local/embedded-store') }],
    right: use('openCosmosStore', './adapters/cosmos/store'),
  },
];

const LOCAL_PROBE: Probe = {
  path: 'functions/src/local/probe.ts',
  code: use('openCosmosStore', '../adapters/cosmos/store'),
};

const probes: Probe[] = [
  ...cases.flatMap(({ file, wrong, right }) => [
    ...wrong.map(({ code }) => ({ path: file, code })),
    { path: file, code: right },
  ]),
  LOCAL_PROBE,
];
let errors: string[][] = [];
/** The boundary errors of this probe, from the one ESLint run. */
const errorsOf = (path: string, code: string): string[] => {
  const at = probes.findIndex((p) => p.path === path && p.code === code);
  return errors[at] ?? ['(probe not linted)'];
};

beforeAll(() => {
  errors = lintProbes(probes);
}, 120_000);

describe('layer boundaries (eslint.config.mjs)', () => {
  for (const { layer, file, wrong, right } of cases) {
    describe(layer, () => {
      for (const { why, code } of wrong)
        it(`fails lint when it imports ${why}`, () => {
          expect(errorsOf(file, code)).not.toEqual([]);
        });
      it('passes lint for an import the layer may make', () => {
        expect(errorsOf(file, right)).toEqual([]);
      });
    });
  }

  it('lets local/ import anything (it is imported by the local entry points only)', () => {
    expect(errorsOf(LOCAL_PROBE.path, LOCAL_PROBE.code)).toEqual([]);
  });
});
