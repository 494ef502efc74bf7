// `npm run bench:decode -- [--json] [--normal] DIR...`: every image of each ZXing-style
// subset (DIR itself or its sub-folders) through the shipped engine and the other ZXing
// engine, at the rotations the conformance test uses, in try-harder mode unless --normal.
import { createEngine, SHIPPED_ENGINE } from '../../src/client/scan/decoder/index';
import type { EngineName, Frame } from '../../src/client/scan/decoder/types';
import { classify, evaluate, findSubsets, loadSubset, mean, p95, rotationsFor } from '../decoder/samples';

export interface DecodeRow {
  subset: string;
  engine: EngineName;
  shipped: boolean;
  rotation: number;
  images: number;
  read: number;
  misread: number;
  falseReads: number;
  meanMs: number;
  p95Ms: number;
}

const ENGINES: EngineName[] = ['zxing-js', 'zxing-wasm'];

export async function benchDecode(dirs: string[], opts: { tryHarder: boolean; onRow?: (row: DecodeRow) => void }): Promise<DecodeRow[]> {
  const engines = await Promise.all(ENGINES.map((n) => createEngine(n)));
  const rows: DecodeRow[] = [];
  const warmed = new Set<EngineName>();
  for (const dir of dirs) {
    const found = findSubsets(dir);
    if (found.length === 0) throw new Error(`${dir}: no images (expected N.png + N.txt, or folders of them)`);
    for (const subsetDir of found) {
      const subset = loadSubset(subsetDir);
      if (subset.unreadable.length > 0) console.error(`${subset.name}: ${subset.unreadable.length} non-PNG images skipped`);
      const frames = new Map<string, Frame>(); // each rotated frame loaded once, shared by both engines
      for (const rotation of rotationsFor(classify(subset.name).kind)) {
        for (const engine of engines) {
          // One untimed pass first so JIT / wasm warm-up does not land on the first images.
          if (!warmed.has(engine.name)) await evaluate(engine, subset, rotation, { tryHarder: opts.tryHarder, frames });
          warmed.add(engine.name);
          const o = await evaluate(engine, subset, rotation, { tryHarder: opts.tryHarder, frames });
          const row: DecodeRow = {
            subset: subset.name,
            engine: engine.name,
            shipped: engine.name === SHIPPED_ENGINE,
            rotation,
            images: o.images,
            read: o.read,
            misread: o.misread,
            falseReads: o.falseReads,
            meanMs: Math.round(mean(o.ms) * 10) / 10,
            p95Ms: Math.round(p95(o.ms) * 10) / 10,
          };
          rows.push(row);
          opts.onRow?.(row);
        }
        frames.clear();
      }
    }
  }
  for (const e of engines) e.dispose?.();
  return rows;
}

export function formatRows(rows: DecodeRow[]): string {
  const head = ['subset', 'engine', 'rot', 'images', 'read', 'misread', 'false', 'mean ms', 'p95 ms'];
  const cells = rows.map((r) => [r.subset, r.engine + (r.shipped ? ' *' : ''), `${r.rotation}`, `${r.images}`, `${r.read}`, `${r.misread}`, `${r.falseReads}`, r.meanMs.toFixed(1), r.p95Ms.toFixed(1)]);
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => '| ' + c.map((v, i) => (i < 2 ? v.padEnd(w[i]!) : v.padStart(w[i]!))).join(' | ') + ' |';
  return [line(head), '|' + w.map((n) => '-'.repeat(n + 2)).join('|') + '|', ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const dirs = args.filter((a) => !a.startsWith('--'));
  if (dirs.length === 0) {
    console.error('usage: npm run bench:decode -- [--json] [--normal] DIR...');
    process.exit(2);
  }
  const tryHarder = !args.includes('--normal');
  const rows = await benchDecode(dirs, { tryHarder, onRow: json ? (r) => console.log(JSON.stringify(r)) : undefined });
  if (!json) {
    console.log(`try harder: ${tryHarder}; shipped engine marked *`);
    console.log(formatRows(rows));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
