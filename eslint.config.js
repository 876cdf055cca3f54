// Lint rules for the whole tree: ESLint's and typescript-eslint's recommended sets. Layout is
// Prettier's job (npm run format), so no rule here is about layout.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-service/',
      'dist-bench/',
      'test-results/',
      '.test-data/',
      'data/',
      'static/',
      'node_modules/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // Unused arguments keep a callback's shape readable when named with a leading underscore.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Error's `cause` option is ES2022; the whole tree is typed against ES2020, the box's library.
      'preserve-caught-error': 'off',
      // Full-width spaces are ordinary in Chinese comments and text.
      'no-irregular-whitespace': ['error', { skipComments: true, skipTemplates: true }],
    },
  },
  {
    files: ['tests/**'],
    rules: {
      // Playwright's fixtures are destructured: a test that needs only testInfo writes ({}, testInfo).
      'no-empty-pattern': 'off',
      // Tests read the service's JSON answers as the operator's tools do, without a type per answer.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
