// Type-aware and React rules (issue #25), kept apart from the boundary rules in eslint.config.mjs.
import reactHooks from 'eslint-plugin-react-hooks';

export const typedRules = [
  {
    // Every TypeScript file belongs to one project of the solution tsconfig.json (node, tab, tests;
    // test/unit/tooling/tsconfig-projects.test.ts); the project service finds it through the references.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise is awaited, returned, or marked fire-and-forget with `void` (and a catch if it can reject).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['tab/**/*.ts', 'tab/**/*.tsx', 'test/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
];

/**
 * For linting text that is no file of the program (the boundary probes in test/unit/boundaries):
 * no type information, so no type-aware rules.
 */
export const withoutTypes = {
  files: ['**/*.ts', '**/*.tsx'],
  languageOptions: { parserOptions: { projectService: false } },
  rules: {
    '@typescript-eslint/no-floating-promises': 'off',
    '@typescript-eslint/no-misused-promises': 'off',
  },
};
