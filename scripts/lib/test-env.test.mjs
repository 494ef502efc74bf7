import { describe, expect, it } from 'vitest';
import { findChromium, formatSummary, probePostgres, redactUrl } from './test-env.mjs';

describe('findChromium', () => {
  const existing = (...paths) => (p) => paths.includes(p);

  it('prefers CHROMIUM_PATH', async () => {
    const found = await findChromium({ env: { CHROMIUM_PATH: '/opt/c' }, exists: existing('/opt/c', '/usr/bin/chromium'), playwrightPath: null });
    expect(found).toMatchObject({ path: '/opt/c', source: 'CHROMIUM_PATH' });
  });

  it('falls back to the system build and says why CHROMIUM_PATH was passed over', async () => {
    const found = await findChromium({ env: { CHROMIUM_PATH: '/nope' }, exists: existing('/usr/bin/chromium-browser'), playwrightPath: null });
    expect(found.path).toBe('/usr/bin/chromium-browser');
    expect(found.notes[0]).toMatch(/CHROMIUM_PATH=\/nope/);
  });

  it("uses Playwright's own build last, and reports none when there is none", async () => {
    expect((await findChromium({ env: {}, exists: existing('/pw/chrome'), playwrightPath: '/pw/chrome' })).source).toBe("Playwright's own");
    expect((await findChromium({ env: {}, exists: existing(), playwrightPath: '/pw/chrome' })).path).toBeNull();
  });
});

describe('probePostgres', () => {
  it('reports a refused connection as an answer, not a throw', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const r = await probePostgres('postgres://nobody@127.0.0.1:1/none', 2000);
    expect(r.ok).toBe(false);
    expect(r.error).toBeTruthy();
  });
});

describe('summary', () => {
  it('hides passwords', () => {
    expect(redactUrl('postgres://u:secret@h:5432/db')).not.toContain('secret');
  });

  it('counts stages and ends with the plain counts line', () => {
    const s = formatSummary(
      [
        { name: 'lint', status: 'passed', ms: 1200 },
        { name: 'unit', status: 'failed', ms: 65_000, note: 'exit code 1' },
        { name: 'e2e', status: 'not run', ms: null },
      ],
      70_000,
    );
    expect(s.counts).toBe('1 passed, 1 failed, 1 skipped');
    expect(s.table).toContain('1 min 05 s');
    expect(formatSummary([{ name: 'lint', status: 'passed', ms: 1 }], 1).counts).toBe('1 passed, 0 failed');
  });
});
