import { describe, expect, it } from 'vitest';
import { createNativeEngine, type BarcodeDetectorClass } from './native-engine';
import type { Frame } from './types';

// ImageData is a browser global; the engine only hands it to the detector.
class FakeImageData {
  constructor(
    readonly data: Uint8ClampedArray,
    readonly width: number,
    readonly height: number,
  ) {}
}
(globalThis as { ImageData?: unknown }).ImageData ??= FakeImageData;

function standIn(supported: string[], detections: { rawValue: string; format: string }[]) {
  const constructed: string[][] = [];
  class StandIn {
    static async getSupportedFormats() {
      return supported;
    }
    constructor(opts: { formats: string[] }) {
      constructed.push(opts.formats);
    }
    async detect() {
      return detections.map((d) => ({ ...d, cornerPoints: [{ x: 1, y: 2 }] }));
    }
  }
  return { Detector: StandIn as unknown as BarcodeDetectorClass, constructed };
}

const frame: Frame = { data: new Uint8ClampedArray(4 * 4 * 4), width: 4, height: 4 };

describe('native BarcodeDetector engine', () => {
  it('is not offered without BarcodeDetector', async () => {
    expect(await createNativeEngine(['qr_code'], undefined)).toBeNull();
  });

  it('is not offered when a needed format is unsupported', async () => {
    const { Detector } = standIn(['qr_code', 'ean_13'], []);
    expect(await createNativeEngine(['qr_code', 'data_matrix'], Detector)).toBeNull();
    expect(await createNativeEngine(['qr_code'], Detector)).not.toBeNull();
  });

  it('asks the detector only for the requested formats and maps results', async () => {
    const { Detector, constructed } = standIn(['qr_code', 'ean_13', 'code_128'], [
      { rawValue: '4006381333931', format: 'ean_13' },
      { rawValue: 'x', format: 'aztec' },
    ]);
    const engine = (await createNativeEngine(['ean_13'], Detector))!;
    const found = await engine.decode(frame, { formats: ['ean_13'] });
    expect(constructed).toEqual([['ean_13']]);
    expect(found).toEqual([{ text: '4006381333931', format: 'ean_13', symbologyId: ']E0', corners: [{ x: 1, y: 2 }] }]);
  });

  it('reports GS1 data as GS1 with no leading GS', async () => {
    const { Detector } = standIn(['code_128', 'data_matrix'], [{ rawValue: '\x1d0109501101530003\x1d10LOT', format: 'data_matrix' }]);
    const engine = (await createNativeEngine(['data_matrix'], Detector))!;
    const [d] = await engine.decode(frame, { formats: ['data_matrix'] });
    expect(d).toMatchObject({ text: '0109501101530003\x1d10LOT', symbologyId: ']d2' });
  });
});
