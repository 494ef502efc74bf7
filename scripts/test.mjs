#!/usr/bin/env node
// The one test command (`npm test`). Runs, in order, streaming each tool's output and
// stopping at the first failure:
//   lint -> typecheck (server, client, service worker) -> unit -> decoder -> server integration
//   (SQLite always; PostgreSQL too when TEST_DATABASE_URL is set) -> build -> end to end
//   (Playwright in a real headless Chromium against the production build).
// Then a summary table and a closing line "N passed, N failed[, N skipped]" (stages).
//
// Environment:
//   TEST_DATABASE_URL   PostgreSQL for the server suite (probed first, 5 s timeout).
//   REQUIRE_PG=1        fail unless TEST_DATABASE_URL is set and PostgreSQL answers.
//   CHROMIUM_PATH       the Chromium to drive (else /usr/bin/chromium, chromium-browser,
//                       else Playwright's own if one is installed).
//   REQUIRE_BROWSER=1   fail when no Chromium is found instead of skipping end to end.
//   TOTE_BARCODE_SAMPLES       folder of ZXing-style barcode subsets for the decoder
//                              conformance test (docs/decoding.md); unset: fixtures only.
//   REQUIRE_BARCODE_SAMPLES=1  fail when that folder is missing or empty.
//   TEST_STAGE_TIMEOUT_SCALE  multiply every stage's time limit (default 1).
// Options: --only <stage>[,<stage>...]  run just those stages (prefix match, e.g.
//          "typecheck"); the others show as skipped.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, formatDuration, formatSummary, probePostgres, redactUrl } from './lib/test-env.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const scale = Number(process.env.TEST_STAGE_TIMEOUT_SCALE ?? 1) || 1;
// CI's budget for the whole run; exceeding it is reported, each stage also has its own
// time limit so a hang fails clearly instead of eating the budget.
const BUDGET_MS = 15 * 60_000;
const truthy = (v) => v === '1' || v === 'true' || v === 'yes';

const args = process.argv.slice(2);
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? (args[onlyIdx + 1] ?? '').split(',').filter(Boolean) : null;
const selected = (name) => !only || only.some((o) => name === o || name.startsWith(`${o}:`));

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);
const banner = (s) => console.log(`\n${paint('1;36', `=== ${s} ===`)}`);
const plain = (s) => console.log(paint('1;33', s));

let current = null; // the running child, so a signal can stop its whole group
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (current) killGroup(current, 'SIGTERM');
    process.exit(128 + (sig === 'SIGINT' ? 2 : 15));
  });
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Runs one command in its own process group, output streamed; resolves {ok, note}. */
function run(cmd, cmdArgs, { env = process.env, timeoutS }) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    current = child;
    let timedOut = false;
    const limitMs = Math.round(timeoutS * scale * 1000);
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(paint('1;31', `\n${cmd} ${cmdArgs.join(' ')}: still running after ${formatDuration(limitMs)}; stopping it.`));
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 10_000).unref();
    }, limitMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      current = null;
      resolve({ ok: false, note: `could not start ${cmd}: ${err.message}` });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = null;
      if (timedOut) resolve({ ok: false, note: `timed out after ${formatDuration(limitMs)}` });
      else if (code === 0) resolve({ ok: true });
      else resolve({ ok: false, note: signal ? `killed by ${signal}` : `exit code ${code}` });
    });
  });
}

const bin = (name) => path.join(BIN, name);

// ---------------------------------------------------------------------------------------
// Stages. Each `prepare` may decide the stage is skipped, fails up front, or adjusts the
// command's environment and arguments; `notices` are repeated at the very end.
const notices = [];

async function preparePostgres() {
  const url = process.env.TEST_DATABASE_URL;
  const required = truthy(process.env.REQUIRE_PG);
  const env = { ...process.env };
  if (!url) {
    if (required) return { fail: 'REQUIRE_PG=1 but TEST_DATABASE_URL is not set: cannot run the PostgreSQL tests' };
    const msg = 'PostgreSQL tests did not run (TEST_DATABASE_URL unset)';
    plain(msg);
    notices.push(msg);
    return { env, note: 'SQLite only; PostgreSQL tests did not run (TEST_DATABASE_URL unset)' };
  }
  console.log(`Probing PostgreSQL at ${redactUrl(url)} ...`);
  const probe = await probePostgres(url, 5000);
  if (probe.ok) {
    console.log('PostgreSQL answers: the server suite runs on SQLite and PostgreSQL.');
    return { env, note: 'SQLite + PostgreSQL' };
  }
  if (required) {
    return { fail: `REQUIRE_PG=1 but PostgreSQL at ${redactUrl(url)} does not answer: ${probe.error}` };
  }
  const msg = `PostgreSQL tests did not run (PostgreSQL at ${redactUrl(url)} does not answer: ${probe.error})`;
  plain(msg);
  notices.push(msg);
  delete env.TEST_DATABASE_URL; // so the suite runs on SQLite instead of failing to connect
  return { env, note: 'SQLite only; PostgreSQL did not answer' };
}

function hasPng(dir) {
  try {
    return fs.readdirSync(dir).some((f) => f.toLowerCase().endsWith('.png'));
  } catch {
    return false;
  }
}

// Decoder: generated fixtures always; ZXing's photographs (tests/decoder/samples.test.ts)
// only when TOTE_BARCODE_SAMPLES names a folder of ZXing-style subsets.
async function prepareDecoder() {
  const dir = process.env.TOTE_BARCODE_SAMPLES;
  const required = truthy(process.env.REQUIRE_BARCODE_SAMPLES);
  let problem = null;
  if (!dir) problem = 'TOTE_BARCODE_SAMPLES not set';
  else if (!fs.existsSync(dir)) problem = `TOTE_BARCODE_SAMPLES=${dir} does not exist`;
  else {
    const subsets = hasPng(dir) ? [dir] : fs.readdirSync(dir).map((d) => path.join(dir, d)).filter(hasPng);
    if (subsets.length === 0) problem = `TOTE_BARCODE_SAMPLES=${dir} holds no images`;
    else console.log(`Barcode samples: ${subsets.length} subset(s) in ${dir}`);
  }
  if (!problem) return { note: `fixtures + samples in ${dir}` };
  if (required) return { fail: `REQUIRE_BARCODE_SAMPLES=1 but ${problem}: cannot run the decoder conformance test` };
  const msg = `Decoder conformance on barcode samples did not run: ${problem}`;
  plain(msg);
  notices.push(msg);
  const env = { ...process.env };
  delete env.TOTE_BARCODE_SAMPLES;
  // samples.test.ts skips itself without the variable; fixtures and engine tests still run.
  return { env, note: `generated fixtures only; samples did not run: ${problem}` };
}

function hasSpecs(dir) {
  if (!fs.existsSync(dir)) return false;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory() ? hasSpecs(p) : /\.spec\.[cm]?[jt]sx?$/.test(entry.name)) return true;
  }
  return false;
}

async function prepareBrowser() {
  const required = truthy(process.env.REQUIRE_BROWSER);
  const found = await findChromium();
  for (const n of found.notes) plain(n);
  if (!found.path) {
    if (required) return { fail: 'REQUIRE_BROWSER=1 but no Chromium was found (set CHROMIUM_PATH)' };
    const msg = 'END-TO-END TESTS DID NOT RUN: no Chromium found (set CHROMIUM_PATH)';
    plain(msg);
    notices.push(msg);
    return { skip: 'no Chromium found (set CHROMIUM_PATH)' };
  }
  console.log(`Chromium: ${found.path} (${found.source})`);
  const extraArgs = [];
  let note = `Chromium: ${found.path}`;
  if (!hasSpecs(path.join(ROOT, 'tests', 'e2e'))) {
    // Until the first spec lands, Playwright still runs so the wiring is proven.
    extraArgs.push('--pass-with-no-tests');
    note += '; no specs yet (--pass-with-no-tests)';
    plain('No end-to-end specs in tests/e2e yet: running Playwright with --pass-with-no-tests.');
  }
  return { env: { ...process.env, CHROMIUM_PATH: found.path }, extraArgs, note };
}

const stages = [
  { name: 'lint', cmd: bin('eslint'), args: ['.'], timeoutS: 240 },
  { name: 'typecheck:server', cmd: bin('tsc'), args: ['-p', 'tsconfig.server.json'], timeoutS: 240 },
  { name: 'typecheck:client', cmd: bin('tsc'), args: ['-p', 'tsconfig.client.json'], timeoutS: 240 },
  { name: 'typecheck:sw', cmd: bin('tsc'), args: ['-p', 'tsconfig.sw.json'], timeoutS: 120 },
  { name: 'typecheck:e2e', cmd: bin('tsc'), args: ['-p', 'tsconfig.e2e.json'], timeoutS: 120 },
  { name: 'unit', cmd: bin('vitest'), args: ['run', '--project', 'unit'], timeoutS: 300 },
  { name: 'decoder', cmd: bin('vitest'), args: ['run', '--project', 'decoder'], timeoutS: 180, prepare: prepareDecoder },
  { name: 'server', cmd: bin('vitest'), args: ['run', '--project', 'server'], timeoutS: 480, prepare: preparePostgres },
  { name: 'build', cmd: NPM, args: ['run', 'build'], timeoutS: 300 },
  { name: 'e2e', cmd: bin('playwright'), args: ['test'], timeoutS: 600, prepare: prepareBrowser },
];

// ---------------------------------------------------------------------------------------
const results = [];
const started = Date.now();
let failedAt = null;

for (const stage of stages) {
  const result = { name: stage.name, status: 'not run', ms: null, note: '' };
  results.push(result);
  if (failedAt) {
    result.note = `after ${failedAt} failed`;
    continue;
  }
  if (!selected(stage.name)) {
    result.status = 'skipped';
    result.note = '--only';
    continue;
  }
  const t0 = Date.now();
  banner(`${stage.name}: ${path.basename(stage.cmd)} ${stage.args.join(' ')}`);
  const prep = stage.prepare ? await stage.prepare() : {};
  if (prep.fail) {
    console.error(paint('1;31', prep.fail));
    Object.assign(result, { status: 'failed', ms: Date.now() - t0, note: prep.fail });
    failedAt = stage.name;
    continue;
  }
  if (prep.skip) {
    Object.assign(result, { status: 'skipped', ms: Date.now() - t0, note: prep.skip });
    continue;
  }
  const out = await run(stage.cmd, [...stage.args, ...(prep.extraArgs ?? [])], { env: prep.env ?? process.env, timeoutS: stage.timeoutS });
  result.ms = Date.now() - t0;
  result.status = out.ok ? 'passed' : 'failed';
  result.note = [prep.note, out.note].filter(Boolean).join('; ');
  console.log(paint(out.ok ? '32' : '1;31', `--- ${stage.name} ${result.status} in ${formatDuration(result.ms)}`));
  if (!out.ok) failedAt = stage.name;
}

const totalMs = Date.now() - started;
const summary = formatSummary(results, totalMs);
banner('Summary');
console.log(summary.table);
if (totalMs > BUDGET_MS) plain(`WARNING: the run took ${formatDuration(totalMs)}, over CI's ${formatDuration(BUDGET_MS)} budget.`);
for (const n of notices) plain(n);
if (failedAt) console.log(paint('1;31', `FAILED at stage "${failedAt}".`));
console.log(summary.counts);
process.exitCode = summary.failed > 0 ? 1 : 0;
