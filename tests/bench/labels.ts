import { performance } from 'node:perf_hooks';
import { buildLabelModel, labelsPdf, labelsZpl, SAMPLE_LABEL_INPUT } from '../../src/domain/labels';
import { sscc, trackingNumber } from '../../src/domain/packing/numbers';
import { figure, percentile, type Figure } from './figures';

const RUNS = 400;
const WARMUP = 50;

/** One order's labels (1 to 4 cartons), the way a pack confirmation makes them. */
function order(n: number, cartons: number) {
  const c = SAMPLE_LABEL_INPUT.config;
  return Array.from({ length: cartons }, (_, i) =>
    buildLabelModel({
      ...SAMPLE_LABEL_INPUT,
      orderRef: `SO-${100000 + n}`,
      trackingNumber: trackingNumber(c, n * 4 + i),
      sscc: sscc(c, n * 4 + i),
      cartonNo: i + 1,
      cartonCount: cartons,
    }),
  );
}

/** Milliseconds per call of `make`, which builds the models and renders them. */
function time(make: (n: number) => unknown): number[] {
  const out: number[] = [];
  for (let n = 0; n < WARMUP + RUNS; n++) {
    const t0 = performance.now();
    make(n);
    const dt = performance.now() - t0;
    if (n >= WARMUP) out.push(dt);
  }
  return out;
}

/**
 * Label generation from one label model, as the device (PDF, offline) and the API (ZPL
 * for the bench printer) do it at pack confirmation: per order of one carton and of four.
 */
export function labelFigures(): Figure[] {
  const figures: Figure[] = [];
  for (const cartons of [1, 4]) {
    const zpl = time((n) => labelsZpl(order(n, cartons)));
    const pdf = time((n) => labelsPdf(order(n, cartons)));
    const note = `${RUNS} orders of ${cartons} carton${cartons > 1 ? 's' : ''}, model included, Node`;
    figures.push(figure(`ZPL labels, ${cartons}-carton order, p95`, percentile(zpl, 95), 'ms', '<=', 5, note));
    figures.push(figure(`PDF labels, ${cartons}-carton order, p95`, percentile(pdf, 95), 'ms', '<=', 50, note));
  }
  return figures;
}
