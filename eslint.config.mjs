// ESLint flat config: typescript-eslint recommended rules for all TypeScript, Prettier owns formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  {
    files: ['functions/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@azure/*',
                '@microsoft/*',
                '@vercel/*',
                'botbuilder*',
                'adaptivecards*',
                'node:*',
                'fs',
                'http',
                'https',
                'net',
                'path',
              ],
              message: 'core/ is pure: no SDK or I/O imports (use a port).',
            },
            {
              group: ['**/adapters/**', '**/http/**', '**/timers/**', '**/local/**'],
              message: 'core/ must not depend on edges.',
            },
          ],
        },
      ],
    },
  },
);
