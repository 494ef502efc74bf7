// Helpers for scripts/test.mjs: finding Chromium, probing PostgreSQL, the summary table.
import fs from 'node:fs';

/** The system Chromium builds we look for, in order, after CHROMIUM_PATH. */
export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds a Chromium to drive: CHROMIUM_PATH, then the system's, then Playwright's own
 * download if one happens to be installed. Returns {path, source} or {path: null};
 * `notes` says what was wrong with candidates that were named but unusable.
 */
export async function findChromium({ env = process.env, exists = isExecutable, playwrightPath } = {}) {
  const notes = [];
  if (env.CHROMIUM_PATH) {
    if (exists(env.CHROMIUM_PATH)) return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH', notes };
    notes.push(`CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file`);
  }
  for (const candidate of SYSTEM_CHROMIUM) {
    if (exists(candidate)) return { path: candidate, source: 'system', notes };
  }
  let bundled = playwrightPath;
  if (bundled === undefined) {
    try {
      const { chromium } = await import('playwright-core');
      bundled = chromium.executablePath();
    } catch {
      bundled = null;
    }
  }
  if (bundled && exists(bundled)) return { path: bundled, source: "Playwright's own", notes };
  return { path: null, source: null, notes };
}

/** A database URL fit to print: the password hidden. */
export function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Connects to PostgreSQL and runs SELECT 1 within `timeoutMs`.
 * Resolves {ok: true} or {ok: false, error}; never rejects.
 */
export async function probePostgres(url, timeoutMs = 5000) {
  let client;
  let timer;
  try {
    const { default: pg } = await import('pg');
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
    const attempt = (async () => {
      await client.connect();
      await client.query('SELECT 1');
    })();
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs + 500);
    });
    await Promise.race([attempt, deadline]);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message || err.name : String(err) };
  } finally {
    clearTimeout(timer);
    if (client) await client.end().catch(() => {});
  }
}

export function formatDuration(ms) {
  if (ms === null || ms === undefined) return '-';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return `${m} min ${String(s).padStart(2, '0')} s`;
}

/**
 * The closing table and counts. `stages` is [{name, status, ms, note}] with status one of
 * passed, failed, skipped, not run. "not run" (after an earlier failure) counts as skipped.
 */
export function formatSummary(stages, totalMs) {
  const rows = stages.map((s) => [s.name, s.status, formatDuration(s.ms), s.note ?? '']);
  const head = ['stage', 'result', 'time', 'note'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => ('| ' + r.map((c, i) => c.padEnd(width[i])).join(' | ') + ' |').trimEnd();
  const rule = '|' + width.map((w) => '-'.repeat(w + 2)).join('|') + '|';
  const passed = stages.filter((s) => s.status === 'passed').length;
  const failed = stages.filter((s) => s.status === 'failed').length;
  const skipped = stages.length - passed - failed;
  const counts = `${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
  return {
    table: [line(head), rule, ...rows.map(line), `total ${formatDuration(totalMs)}`].join('\n'),
    counts,
    passed,
    failed,
    skipped,
  };
}
