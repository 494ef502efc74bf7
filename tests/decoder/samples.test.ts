// Conformance on real photographs: the shipped engine, in try-harder mode, must read at
// least what ZXing's own suite demands of each subset at both rotations, misread no more
// than it allows, and stay within the false-read limit on falsepositives/. Runs over
// $TOTE_BARCODE_SAMPLES (ZXing-style subsets); without it there is nothing to run.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, SHIPPED_ENGINE } from '../../src/client/scan/decoder/index';
import { FLOORS, MAX_FALSE_READS } from './conformance';
import { classify, evaluate, findSubsets, loadSubset, mean, rotationsFor, type Outcome } from './samples';

const dir = process.env.TOTE_BARCODE_SAMPLES;
const required = process.env.REQUIRE_BARCODE_SAMPLES === '1';
const subsets = dir ? findSubsets(dir) : [];

describe.skipIf(!dir && !required)(`barcode samples (${SHIPPED_ENGINE}, try harder)`, () => {
  it('has samples to run on', () => {
    expect(dir, 'REQUIRE_BARCODE_SAMPLES=1 but TOTE_BARCODE_SAMPLES is not set').toBeTruthy();
    expect(subsets.length, `no ZXing-style subsets under ${dir}`).toBeGreaterThan(0);
  });

  const rows: Outcome[] = [];
  for (const subsetDir of subsets) {
    const name = path.basename(subsetDir);
    const isFalsePositives = name === 'falsepositives';
    for (const rotation of isFalsePositives ? [0, 90, 180] : rotationsFor(classify(name).kind)) {
      it(`${name} at ${rotation}°`, async () => {
        const engine = await createEngine(SHIPPED_ENGINE);
        const subset = loadSubset(subsetDir);
        const o = await evaluate(engine, subset, rotation, { tryHarder: true });
        rows.push(o);
        const floor = FLOORS[name];
        const detail = o.wrong.join('; ');
        if (isFalsePositives) {
          expect(o.falseReads, detail).toBeLessThanOrEqual(MAX_FALSE_READS);
        } else if (floor) {
          expect(o.images, 'image count differs from the README table').toBe(floor.images);
          const need = floor.read[rotation === 0 ? 0 : 1];
          expect(o.read, `${name} at ${rotation}°: read ${o.read}, ZXing's floor is ${need}`).toBeGreaterThanOrEqual(need);
          expect(o.misread, detail).toBeLessThanOrEqual(floor.misreads);
          expect(o.falseReads, detail).toBe(0);
        } else {
          // Not in the table: reported, and nothing it reads may be wrong.
          expect(o.misread + o.falseReads, detail).toBe(0);
        }
      });
    }
  }

  it('prints the per-subset table', () => {
    const head = `${'subset'.padEnd(16)} rot  images  read  floor  misread  false  mean ms`;
    const lines = rows.map((o) => {
      const f = FLOORS[o.subset];
      const floor = f ? `${f.read[o.rotation === 0 ? 0 : 1]}` : o.subset === 'falsepositives' ? `<=${MAX_FALSE_READS}f` : '-';
      return `${o.subset.padEnd(16)} ${String(o.rotation).padStart(3)}  ${String(o.images).padStart(6)}  ${String(o.read).padStart(4)}  ${floor.padStart(5)}  ${String(o.misread).padStart(7)}  ${String(o.falseReads).padStart(5)}  ${mean(o.ms).toFixed(1).padStart(7)}`;
    });
    console.log([`decoder conformance: ${SHIPPED_ENGINE}, try harder, ${dir}`, head, ...lines].join('\n'));
    expect(rows.length).toBeGreaterThan(0);
  });
});
