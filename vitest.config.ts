import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests next to the code, and API integration tests that cross
// the HTTP boundary against a real database (SQLite always, PostgreSQL when
// TEST_DATABASE_URL is set; see scripts/test.mjs).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          setupFiles: ['tests/fixtures/testing-library.ts'],
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.{ts,mjs}'],
          environment: 'node',
        },
      },
      {
        // Barcode decoding: generated fixtures always, ZXing's photographs when
        // TOTE_BARCODE_SAMPLES points at them (scripts/test.mjs, docs/decoding.md).
        test: {
          name: 'decoder',
          include: ['tests/decoder/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts', 'tests/lint/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
