import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Lints small snippets as if they lived at virtual paths inside src/, through the real
// eslint.config.js, and checks the architecture rules fire (and only where they should).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function lint(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  if (!result) throw new Error(`no lint result for ${file}`);
  return result.messages;
}

const BOUNDARY_RULES = new Set(['tote/boundaries', 'no-restricted-globals', 'no-restricted-syntax']);

async function ruleErrors(file: string, code: string) {
  const messages = await lint(file, code);
  // A parse error or a config problem has no ruleId: never let that pass as "allowed".
  const fatal = messages.filter((m) => m.fatal || m.ruleId === null);
  expect(fatal, `fatal lint problem in ${file}`).toEqual([]);
  return messages.filter((m) => m.severity === 2 && BOUNDARY_RULES.has(m.ruleId ?? ''));
}

type Case = [name: string, file: string, code: string];

const forbidden: Case[] = [
  ['domain -> client', 'src/domain/commands/x.ts', "import { db } from '../../client/local/db';\nexport const y = db;"],
  ['domain -> server', 'src/domain/x.ts', "import { buildApp } from '../server/app';\nexport const y = buildApp;"],
  ['domain -> type from server', 'src/domain/x.ts', "import type { App } from '../server/app';\nexport type Y = App;"],
  ['domain -> node:fs', 'src/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;"],
  ['domain -> crypto (bare built-in)', 'src/domain/x.ts', "import { randomUUID } from 'crypto';\nexport const y = randomUUID;"],
  ['domain -> react', 'src/domain/x.ts', "import { useState } from 'react';\nexport const y = useState;"],
  ['domain -> dexie', 'src/domain/x.ts', "import Dexie from 'dexie';\nexport const y = Dexie;"],
  ['domain re-export from client', 'src/domain/x.ts', "export * from '../client/ui/button';"],
  ['domain dynamic import of server', 'src/domain/x.ts', "export const y = () => import('../server/app');"],
  ['domain uses window', 'src/domain/x.ts', 'export const y = () => window.location.href;'],
  ['domain uses process', 'src/domain/x.ts', 'export const y = () => process.env.X;'],
  ['client -> server', 'src/client/sync/engine.ts', "import { buildApp } from '../../server/app';\nexport const y = buildApp;"],
  ['client -> server (root path)', 'src/client/app.tsx', "import { buildApp } from '/src/server/app';\nexport const y = buildApp;"],
  ['client -> node:path', 'src/client/ui/x.ts', "import path from 'node:path';\nexport const y = path;"],
  ['client -> kysely', 'src/client/local/x.ts', "import { Kysely } from 'kysely';\nexport const y = Kysely;"],
  ['server -> client', 'src/server/routes/x.ts', "import { db } from '../../client/local/db';\nexport const y = db;"],
  ['server -> dexie', 'src/server/x.ts', "import Dexie from 'dexie';\nexport const y = Dexie;"],
  ['feature a -> feature b', 'src/client/features/pick/PickScreen.tsx', "import { PackScreen } from '../pack/PackScreen';\nexport const y = PackScreen;"],
  ['feature a (deep) -> feature b', 'src/client/features/pick/parts/Row.tsx', "export { x } from '../../receive/x';"],
  ['component -> dexie', 'src/client/features/pick/PickScreen.tsx', "import Dexie from 'dexie';\nexport const y = Dexie;"],
  ['ui -> dexie-react-hooks', 'src/client/ui/List.tsx', "import { useLiveQuery } from 'dexie-react-hooks';\nexport const y = useLiveQuery;"],
  ['app shell -> dexie', 'src/client/App.tsx', "import Dexie from 'dexie';\nexport const y = Dexie;"],
  ['focused test', 'src/domain/x.test.ts', "import { it } from 'vitest';\nit.only('x', () => {});"],
  ['skipped describe', 'tests/server/x.test.ts', "import { describe } from 'vitest';\ndescribe.skip('x', () => {});"],
  ['playwright test.describe.only', 'tests/e2e/x.spec.ts', "import { test } from '@playwright/test';\ntest.describe.only('x', () => {});"],
];

const allowed: Case[] = [
  ['domain -> domain', 'src/domain/commands/x.ts', "import { ErrorCode } from '../errors';\nexport const y = ErrorCode;"],
  ['domain -> zod', 'src/domain/x.ts', "import { z } from 'zod';\nexport const y = z.string();"],
  ['domain test -> vitest', 'src/domain/x.test.ts', "import { expect, it } from 'vitest';\nit('x', () => expect(1).toBe(1));"],
  ['client -> domain', 'src/client/features/pick/PickScreen.tsx', "import { ErrorCode } from '../../../domain/errors';\nexport const y = ErrorCode;"],
  ['server -> domain', 'src/server/routes/sync.ts', "import { ErrorCode } from '../../domain/errors';\nexport const y = ErrorCode;"],
  ['server -> node:fs', 'src/server/db/x.ts', "import fs from 'node:fs';\nexport const y = fs;"],
  ['feature -> ui', 'src/client/features/pick/PickScreen.tsx', "import { Button } from '../../ui/Button';\nexport const y = Button;"],
  ['feature -> local', 'src/client/features/pick/PickScreen.tsx', "import { db } from '../../local/db';\nexport const y = db;"],
  ['feature -> sync', 'src/client/features/pick/PickScreen.tsx', "import { pushNow } from '../../sync/engine';\nexport const y = pushNow;"],
  ['feature -> itself', 'src/client/features/pick/parts/Row.tsx', "import { usePick } from '../usePick';\nexport const y = usePick;"],
  ['feature -> react', 'src/client/features/pick/PickScreen.tsx', "import { useState } from 'react';\nexport const y = useState;"],
  ['local -> dexie', 'src/client/local/db.ts', "import Dexie from 'dexie';\nexport const y = Dexie;"],
  ['local -> dexie-react-hooks', 'src/client/local/hooks.ts', "import { useLiveQuery } from 'dexie-react-hooks';\nexport const y = useLiveQuery;"],
  ['sync -> dexie', 'src/client/sync/engine.ts', "import Dexie from 'dexie';\nexport const y = Dexie;"],
  ['client test -> dexie', 'src/client/features/pick/PickScreen.test.tsx', "import Dexie from 'dexie';\nexport const y = Dexie;"],
  ['tests -> server and domain', 'tests/server/x.test.ts', "import { buildApp } from '../../src/server/app';\nexport const y = buildApp;"],
  ['conditional skip', 'tests/server/pg.test.ts', "import { describe } from 'vitest';\ndescribe.skipIf(!process.env.X)('x', () => {});"],
];

describe('architecture boundaries', () => {
  it.each(forbidden)('%s is an error', async (_name, file, code) => {
    const errors = await ruleErrors(file, code);
    expect(errors.length, JSON.stringify(await lint(file, code), null, 2)).toBeGreaterThan(0);
  });

  it.each(allowed)('%s is allowed', async (_name, file, code) => {
    expect(await ruleErrors(file, code)).toEqual([]);
  });

  it('names the rule and the reason', async () => {
    const [error] = await ruleErrors('src/client/features/pick/A.ts', "export { b } from '../pack/b';");
    expect(error?.ruleId).toBe('tote/boundaries');
    expect(error?.message).toMatch(/feature "pick" must not import feature "pack"/);
  });
});
