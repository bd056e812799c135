// ESLint flat config: typescript-eslint recommended rules for all TypeScript, Prettier owns formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { typedRules } from './eslint.typed.mjs';

// Layer boundaries (../shared/CONVENTIONS.md, issue #25): one `no-restricted-imports` rule per
// layer, each file in exactly one layer (a later block would replace, not merge, an earlier one).
// test/boundaries tests each layer against a wrong-way import.
/** A relative import that reaches the named folder (or file) of functions/src, at any depth. */
const into = (...names) => `^\\.{1,2}/(?:.*/)?(?:${names.join('|')})(?:/|\\.ts|$)`;
/** An import of functions/src by its path (from bot/ or tab/, which use the aliases instead). */
const FUNCTIONS_BY_PATH = '(?:^|/)functions/src(?:/|$)';
/** An import through the path aliases of tsconfig.base.json (`@tandem/app`, `@tandem/core/*`, `@tandem/ports/*`). */
const alias = (...names) => `^@tandem/(?:${names.join('|')})(?:/|$)`;
/** `@tandem/core/../app/support/access` would resolve: an alias is never followed by `..`. */
const ALIAS_WALKING_UP = {
  regex: '^@tandem/(?:.*/)?\\.\\.(?:/|$)',
  message: 'A path alias leads into its own folder only: no `..` after @tandem/.',
};
const SDKS = ['@azure/*', '@microsoft/*', '@vercel/*', 'botbuilder*', 'adaptivecards*', 'jose', 'zod'];
const IO = ['node:*', 'fs', 'http', 'https', 'net', 'path', 'worker_threads', 'child_process'];
const NOT_LOCAL = {
  regex: into('local'),
  message: 'local/ (stand-ins, demo, dev host) is for the local entry points only.',
};
const NOT_APP_INTERNALS = {
  regex: into('app'),
  message:
    "Inbound adapters call app's public API: import from '@tandem/app' (functions/src/app/api.ts), not app/ modules.",
};
const NOT_APP_DEEP_ALIAS = {
  regex: '^@tandem/app/',
  message:
    "Inbound adapters call app's public API: import from '@tandem/app' (functions/src/app/api.ts), not app/ modules.",
};
const NOT_BOT = {
  regex: '(?:^|/)bot/src(?:/|$)',
  message:
    'Inbound adapters (http, timers, bot, cli) do not import each other; the bot is reached through bot-runtime.ts.',
};
const NOT_OTHER_BUNDLES = {
  regex: '(?:^|/)(?:bot|tab)/src(?:/|$)',
  message: 'functions/ core layers do not depend on the bot or the tab.',
};
const layer = (files, patterns, extra = {}) => ({
  files,
  ignores: extra.ignores ?? [],
  rules: { 'no-restricted-imports': ['error', { patterns }], ...(extra.rules ?? {}) },
});
const boundaries = [
  layer(
    ['functions/src/core/**/*.ts'],
    [
      {
        group: [...SDKS.filter((g) => g !== 'zod'), ...IO],
        message: 'core/ is pure: no SDK or I/O imports (use a port).',
      },
      {
        regex: into('ports', 'app', 'adapters', 'http', 'timers', 'cli', 'local', 'composition', 'config'),
        message: 'core/ imports only itself.',
      },
      { regex: alias('app', 'ports'), message: 'core/ imports only itself.' },
      NOT_OTHER_BUNDLES,
    ],
  ),
  layer(
    ['functions/src/ports/**/*.ts'],
    [
      {
        regex: into('app', 'adapters', 'http', 'timers', 'cli', 'local', 'composition', 'config'),
        message: 'ports/ may import core/ only.',
      },
      { regex: alias('app'), message: 'ports/ may import core/ only.' },
      { group: [...SDKS, ...IO], message: 'ports/ are interfaces over core/ types: no SDK or I/O imports.' },
      NOT_OTHER_BUNDLES,
    ],
  ),
  layer(
    ['functions/src/adapters/**/*.ts'],
    [
      {
        regex: into('app', 'http', 'timers', 'cli', 'composition'),
        message: 'adapters/ implement ports: they import core/, ports/ and SDKs, never app/ or the inbound edges.',
      },
      { regex: alias('app'), message: 'adapters/ implement ports: they never import app/.' },
      NOT_LOCAL,
      NOT_OTHER_BUNDLES,
    ],
  ),
  layer(
    ['functions/src/app/**/*.ts'],
    [
      { regex: into('adapters'), message: 'app/ uses ports only: inject the adapter from the composition root.' },
      {
        regex: alias('app'),
        message:
          "app/ imports its own modules by relative path; @tandem/app is the inbound adapters' entry (an import cycle here).",
      },
      {
        regex: into('http', 'timers', 'cli', 'composition'),
        message: 'app/ (use cases) must not depend on the inbound edges or the wiring.',
      },
      {
        regex: into('config'),
        allowTypeImports: true,
        message: 'app/ gets its settings through its deps (configuration types only).',
      },
      {
        group: ['worker_threads', 'node:worker_threads'],
        message: 'app/ uses ports only: threads belong in an adapter.',
      },
      NOT_LOCAL,
      NOT_OTHER_BUNDLES,
    ],
    {
      rules: {
        'no-restricted-properties': [
          'error',
          { object: 'process', property: 'env', message: 'app/ gets its settings through its deps, not process.env.' },
        ],
      },
    },
  ),
  layer(
    ['functions/src/http/**/*.ts'],
    [
      { regex: into('adapters'), message: 'http/ calls the use cases; adapters are wired in the composition root.' },
      { regex: into('timers', 'cli'), message: 'Inbound adapters (http, timers, bot, cli) do not import each other.' },
      NOT_BOT,
      NOT_APP_INTERNALS,
      NOT_APP_DEEP_ALIAS,
      NOT_LOCAL,
    ],
  ),
  layer(
    ['functions/src/timers/**/*.ts'],
    [
      { regex: into('adapters'), message: 'timers/ call the use cases; adapters are wired in the composition root.' },
      { regex: into('http', 'cli'), message: 'Inbound adapters (http, timers, bot, cli) do not import each other.' },
      NOT_BOT,
      NOT_APP_INTERNALS,
      NOT_APP_DEEP_ALIAS,
      NOT_LOCAL,
    ],
  ),
  layer(
    ['functions/src/cli/**/*.ts'],
    [
      // NOTE: cli/ may open adapters itself: `tandem doctor` probes the real Cosmos DB and Graph, and
      // `tandem match` runs the matcher on helper threads without the rest of the app.
      { regex: into('http', 'timers'), message: 'Inbound adapters (http, timers, bot, cli) do not import each other.' },
      NOT_BOT,
      NOT_APP_INTERNALS,
      NOT_APP_DEEP_ALIAS,
      NOT_LOCAL,
    ],
    { ignores: ['functions/src/cli/main.ts'] },
  ),
  layer(
    ['functions/src/cli/main.ts'],
    [{ regex: into('http', 'timers'), message: 'Inbound adapters (http, timers, bot, cli) do not import each other.' }],
  ),
  layer(['functions/src/*.ts'], [NOT_LOCAL]),
  layer(
    ['bot/src/**/*.ts', 'bot/src/**/*.tsx'],
    [
      {
        regex: FUNCTIONS_BY_PATH,
        message:
          "The bot reaches functions/ only through the aliases: @tandem/app (app's public API, app/api.ts), @tandem/core/*, @tandem/ports/*.",
      },
      {
        regex: '^@tandem/app/',
        message:
          "The bot calls app's public API (@tandem/app), not app/ internals (app/support, app/schemas, use-case modules).",
      },
      ALIAS_WALKING_UP,
      { regex: into('local'), message: 'local/ (stand-ins, demo, dev host) is for the local entry points only.' },
    ],
    { ignores: ['bot/src/local/**'] },
  ),
  layer(
    ['tab/src/**/*.ts', 'tab/src/**/*.tsx'],
    [
      {
        regex: FUNCTIONS_BY_PATH,
        message:
          'The tab talks to the backend over HTTP; it shares only types (@tandem/app, @tandem/ports/*) and pure code (@tandem/core/*), through the aliases.',
      },
      {
        regex: alias('app', 'ports'),
        allowTypeImports: true,
        message: 'The tab imports only request/response types from @tandem/app and @tandem/ports/*.',
      },
      { regex: '^@tandem/app/', message: "The tab imports app's public API (@tandem/app), not app/ internals." },
      ALIAS_WALKING_UP,
      { regex: '(?:^|/)bot/src(?:/|$)', message: 'The tab does not import the bot.' },
    ],
  ),
];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'build/**', '.tandem/**', 'test-results/**', 'tab/dist/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...typedRules,
  ...boundaries,
  // Settings come from the checked configuration (functions/src/config.ts) only: no product code
  // writes process.env (the local stack hands its stand-ins' settings to loadConfig instead).
  {
    files: ['functions/src/**/*.ts', 'bot/src/**/*.ts', 'bot/src/**/*.tsx', 'tab/src/**/*.ts', 'tab/src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "AssignmentExpression > MemberExpression.left[object.object.name='process'][object.property.name='env']",
          "AssignmentExpression > MemberExpression.left[object.name='process'][property.name='env']",
          "UnaryExpression[operator='delete'] > MemberExpression[object.object.name='process'][object.property.name='env']",
          "CallExpression[callee.object.name='Object'][callee.property.name='assign'][arguments.0.object.name='process'][arguments.0.property.name='env']",
        ].map((selector) => ({
          selector,
          message: 'Do not write process.env: pass settings to loadConfig (functions/src/config.ts) instead.',
        })),
      ],
    },
  },
);
