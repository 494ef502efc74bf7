// Synthetic codes (scripts/make-barcode-fixtures.ts): every format Tote reads, GS1 ones
// included, tilted, turned, blurred, noised and washed out. The shipped engine must read
// every one with the generator's expected text and symbology identifier; the other engine
// may miss some but must never disagree about what it reads (same text, same GS1 shape).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CODES, makeFixtures } from '../../scripts/make-barcode-fixtures';
import { createEngine, SHIPPED_ENGINE } from '../../src/client/scan/decoder/index';
import type { EngineName } from '../../src/client/scan/decoder/types';
import { classify, loadSubset, readPng } from './samples';

let out = '';
beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'tote-barcodes-'));
  const n = await makeFixtures(out);
  expect(n).toBeGreaterThanOrEqual(FIXTURE_CODES.length * 4);
}, 120_000);
afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

function symbologyOf(png: string): string {
  const meta = readFileSync(png.replace(/\.png$/, '.metadata.txt'), 'utf8');
  return /SYMBOLOGY_IDENTIFIER=(\S+)/.exec(meta)![1]!;
}

const OTHER: EngineName = SHIPPED_ENGINE === 'zxing-wasm' ? 'zxing-js' : 'zxing-wasm';

for (const engineName of [SHIPPED_ENGINE, OTHER]) {
  const mustRead = engineName === SHIPPED_ENGINE;
  describe(`${engineName} on generated fixtures${mustRead ? ' (shipped: reads all)' : ' (agrees when it reads)'}`, () => {
    for (const code of FIXTURE_CODES) {
      it(code.subset, async () => {
        const engine = await createEngine(engineName);
        const subset = loadSubset(path.join(out, code.subset));
        expect(subset.samples.length).toBeGreaterThan(0);
        const problems: string[] = [];
        let read = 0;
        for (const s of subset.samples) {
          const found = await engine.decode(readPng(s.file), { formats: classify(code.subset).formats, tryHarder: true });
          const name = path.basename(s.file);
          if (found.length === 0) {
            if (mustRead) problems.push(`${name}: nothing read`);
            continue;
          }
          const d = found[0]!;
          if (d.text !== s.expected) problems.push(`${name}: text ${JSON.stringify(d.text)}, expected ${JSON.stringify(s.expected)}`);
          else if (d.symbologyId !== symbologyOf(s.file)) problems.push(`${name}: ${d.symbologyId}, expected ${symbologyOf(s.file)}`);
          else read++;
        }
        expect(problems).toEqual([]);
        if (mustRead) expect(read).toBe(subset.samples.length);
      });
    }
  });
}
