import { buildApp, type AppOptions } from './app';
import { openDatabase, type Db } from './db/connect';
import { migrate } from './db/migrate';
import { seedIfEmpty } from './db/seed';
import { seedClusterDemoIfMissing } from './db/seed-cluster';
import { seedInboundDemoIfMissing } from './db/seed-inbound';
import { seedReturnsDemoIfMissing } from './db/seed-returns';
import { seedPackDemoIfMissing } from './db/seed-pack';
import { seedPlanningDemoIfMissing } from './db/seed-planning';
import { seedReplenishDemoIfMissing } from './db/seed-replenish';

export interface ServerEnv {
  databaseUrl: string | undefined;
  dataDir: string;
}

/** Environment the server reads; see README "Configuration". */
export function readEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv & { port: number; host: string; staticDir: string } {
  const port = Number(env.PORT ?? 8080);
  return {
    port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 8080,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? './data',
    staticDir: env.STATIC_DIR ?? 'dist/client',
  };
}

/** Opens, migrates and (only when empty) seeds the database. */
export async function prepareDatabase(env: ServerEnv): Promise<{ db: Db; migrated: string[]; seeded: boolean }> {
  const db = openDatabase(env.databaseUrl, env.dataDir);
  try {
    const migrated = await migrate(db.db, db.kind);
    const seeded = await seedIfEmpty(db.db);
    if (!seeded) await seedClusterDemoIfMissing(db.db);
    if (!seeded) await seedPackDemoIfMissing(db.db);
    if (!seeded) await seedInboundDemoIfMissing(db.db);
    await seedReturnsDemoIfMissing(db.db);
    await seedPlanningDemoIfMissing(db.db);
    await seedReplenishDemoIfMissing(db.db);
    return { db, migrated, seeded };
  } catch (err) {
    await db.close();
    throw err;
  }
}

export async function startApp(env: ServerEnv, opts: Omit<AppOptions, 'db'> = {}) {
  const prepared = await prepareDatabase(env);
  const app = await buildApp({ ...opts, db: prepared.db });
  app.addHook('onClose', async () => prepared.db.close());
  return { app, ...prepared };
}
