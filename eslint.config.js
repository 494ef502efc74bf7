// ESLint flat config for Tote. Fast (no type-aware rules: `tsc` runs separately in
// `npm test`). The architecture boundaries live in scripts/lib/eslint-boundaries.mjs and
// are proven by tests/lint/boundaries.test.ts.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { totePlugin } from './scripts/lib/eslint-boundaries.mjs';

const root = import.meta.dirname;

const TEST_FILES = ['**/*.test.{ts,tsx,js,mjs}', '**/*.spec.{ts,tsx,js,mjs}', 'tests/**/*.{ts,tsx,js,mjs}'];

export default defineConfig([
  {
    ignores: ['dist/', 'dev-dist/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/', 'coverage/', '.tmp/'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  // Everything: JS and TS recommended.
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx,mts,cts}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { tote: totePlugin },
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'tote/boundaries': ['error', { root }],
    },
  },

  // Where code runs decides its globals.
  {
    files: ['src/server/**', 'scripts/**', 'tests/**', '*.config.{js,mjs,ts}', '*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/client/sw.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },

  // The domain runs on both sides: no host globals (crypto, URL, TextEncoder are fine).
  {
    files: ['src/domain/**'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'XMLHttpRequest', 'WebSocket'].map(
          (name) => ({ name, message: 'src/domain is pure: no browser APIs (pass what you need in as arguments).' }),
        ),
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({
          name,
          message: 'src/domain is pure: no Node APIs (pass what you need in as arguments).',
        })),
      ],
    },
  },

  // React hooks rules (including the React Compiler checks the plugin recommends).
  {
    files: ['src/client/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },

  // No focused or skipped tests may be committed.
  {
    files: TEST_FILES,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(only|skip)$/][object.name=/^(it|test|describe|suite|bench)$/]',
          message: 'No .only/.skip in committed tests (use skipIf/runIf with a stated condition if a test truly depends on the environment).',
        },
        {
          selector: 'MemberExpression[property.name=/^(only|skip)$/][object.property.name=/^(describe|concurrent|sequential|step)$/]',
          message: 'No .only/.skip in committed tests.',
        },
        {
          selector: 'CallExpression[callee.name=/^(fit|fdescribe|xit|xtest|xdescribe)$/]',
          message: 'No focused or skipped tests in committed code.',
        },
      ],
    },
  },
]);
