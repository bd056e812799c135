/** Jest: TypeScript through @swc/jest; unit, integration and e2e tests live under test/. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // As under the Functions host, `app.http` / `app.timer` registrations reach a functions-core module.
  moduleNameMapper: {
    '^@azure/functions-core$': '<rootDir>/functions/src/local/functions-core-shim.ts',
    // The path aliases of tsconfig.base.json (`paths`): app's public API, core and ports.
    '^@tandem/app$': '<rootDir>/functions/src/app/api.ts',
    '^@tandem/core/(.*)$': '<rootDir>/functions/src/core/$1',
    '^@tandem/ports/(.*)$': '<rootDir>/functions/src/ports/$1',
  },
  testTimeout: 30000,
};
