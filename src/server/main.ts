import { DEMO_PIN, DEMO_USERS } from './db/seed-catalogue';
import { readEnv, startApp } from './start';
import { APP_VERSION } from './version';

const env = readEnv();
const { app, db, migrated, seeded } = await startApp(env, {
  staticDir: env.staticDir,
  logger: { level: process.env.LOG_LEVEL ?? 'warn' },
});

await app.listen({ port: env.port, host: env.host });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : env.port;

const lines = [
  `Tote ${APP_VERSION} listening on http://localhost:${port}`,
  `database: ${db.kind} (${db.describe})${migrated.length ? `, migrated ${migrated.join(', ')}` : ''}${seeded ? ', seeded the demo warehouse' : ''}`,
  `printable demo barcodes: http://localhost:${port}/demo/barcodes`,
  '',
  'Demo logins (PIN for all: ' + DEMO_PIN + ')',
  ...DEMO_USERS.map((u) => `  ${u.badge}  ${u.name.padEnd(18)} ${u.roles.join(', ')} (${u.language})`),
];
console.log(lines.join('\n'));

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing`);
    // Hard stop if a connection refuses to finish; the outboxes will resend.
    setTimeout(() => process.exit(1), 10_000).unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
