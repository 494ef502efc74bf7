import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { startServer } from '../../bench/server-process';

/**
 * A test whose pages and requests go to a server of its own, on a fresh demo database
 * (`own.dir` holds its SQLite file), for specs that change the demo data others rely on
 * or read the database directly.
 */
export function testOnOwnServer(prefix: string) {
  return base.extend<object, { own: { url: string; dir: string } }>({
    own: [
      // eslint-disable-next-line no-empty-pattern
      async ({}, use) => {
        const dir = mkdtempSync(path.join(os.tmpdir(), `tote-e2e-${prefix}-`));
        const server = await startServer({ DATA_DIR: dir, NODE_ENV: 'production' });
        try {
          await use({ url: server.url, dir });
        } finally {
          await server.stop();
          rmSync(dir, { recursive: true, force: true });
        }
      },
      { scope: 'worker' },
    ],
    baseURL: async ({ own }, use) => use(own.url),
  });
}
