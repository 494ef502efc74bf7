import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { launchOptions } from './tests/e2e/support/browser';

// End-to-end tests drive a real headless Chromium against the production build
// (`npm run build` first; scripts/test.mjs does that), served by the same single Node
// process `npm start` runs, on a port of its own and an empty data directory so every
// run starts from a freshly seeded demo warehouse.
const PORT = Number(process.env.E2E_PORT ?? 18080);
const baseURL = `http://127.0.0.1:${PORT}`;

// The config is loaded by the runner and again by each worker: the runner makes the
// directory, hands it on through the environment (workers inherit it) and removes it
// when it exits.
if (!process.env.TOTE_E2E_DATA_DIR) {
  const made = fs.mkdtempSync(path.join(os.tmpdir(), 'tote-e2e-'));
  process.env.TOTE_E2E_DATA_DIR = made;
  process.on('exit', () => fs.rmSync(made, { recursive: true, force: true }));
}
const dataDir = process.env.TOTE_E2E_DATA_DIR;

// The server picks PostgreSQL when DATABASE_URL is set. End-to-end runs use the embedded
// SQLite file unless E2E_DATABASE_URL asks for PostgreSQL explicitly.
const serverEnv: Record<string, string> = { PORT: String(PORT), DATA_DIR: dataDir, NODE_ENV: 'production' };
if (process.env.E2E_DATABASE_URL) serverEnv.DATABASE_URL = process.env.E2E_DATABASE_URL;
else delete process.env.DATABASE_URL; // webServer.env is merged over process.env

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: 'list',
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: launchOptions(),
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: 'node dist/server/main.js',
    url: `${baseURL}/api/health`,
    env: serverEnv,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
