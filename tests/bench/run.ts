import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { boardFigures } from './board';
import { bundleSize } from './bundle-size';
import { table, type Figure } from './figures';
import { browserFigures } from './browser';
import { cameraFigures } from './camera';
import { catalogueFigures } from './catalogue';
import { decodeFrameFigures } from './decode-frame';
import { labelFigures } from './labels';
import { packFigures } from './pack';
import { pokeFigures } from './poke-latency';
import { pushFigures } from './push-throughput';

// `npm run bench [-- --json] [--no-build] [--only=bundle,push,browser,decode,camera,labels,pack,catalogue,poke,board]`: every figure against its budget.
const json = process.argv.includes('--json');
const log = (s: string) => (json ? process.stderr.write(s + '\n') : console.log(s));

if (!process.argv.includes('--no-build') || !existsSync('dist/server/main.js')) {
  log('building...');
  execSync('npm run build', { stdio: json ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
}

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const figures: Figure[] = [];
const steps: [string, () => Promise<Figure[]> | Figure[]][] = [
  ['bundle', () => bundleSize()],
  ['push', () => pushFigures(pgUrl)],
  ['browser', () => browserFigures()],
  ['decode', () => decodeFrameFigures()],
  ['camera', () => cameraFigures()],
  ['labels', () => labelFigures()],
  ['pack', () => packFigures()],
  ['catalogue', () => catalogueFigures()],
  ['poke', () => pokeFigures()],
  ['board', () => boardFigures()],
];

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
for (const [name, run] of steps) {
  if (only && !only.includes(name)) continue;
  log(`measuring ${name}...`);
  try {
    figures.push(...(await run()));
  } catch (err) {
    log(`${name} failed: ${err instanceof Error ? err.stack : String(err)}`);
    figures.push({ name, value: null, unit: '', budget: '', ok: false, note: `failed: ${String(err).slice(0, 80)}` });
  }
}

if (json) console.log(JSON.stringify({ figures }));
else console.log('\n' + table(figures));
