import { describe, expect, it } from 'vitest';
import { BIN_FORMATS, ITEM_FORMATS, TOTE_FORMATS } from './formats';
import { regionOfInterest } from './roi';

describe('region of interest', () => {
  const cases = [
    { name: 'linear codes only: a wide band', w: 1280, h: 720, formats: TOTE_FORMATS.filter((f) => f !== 'qr_code'), roi: { x: 96, y: 198, width: 1088, height: 324 } },
    { name: 'linear plus 2D: a taller band', w: 1280, h: 720, formats: ITEM_FORMATS, roi: { x: 96, y: 144, width: 1088, height: 432 } },
    { name: 'bin step (mixed)', w: 1280, h: 720, formats: BIN_FORMATS, roi: { x: 96, y: 144, width: 1088, height: 432 } },
    { name: '2D only: a square', w: 1280, h: 720, formats: ['qr_code', 'data_matrix'] as const, roi: { x: 388, y: 108, width: 504, height: 504 } },
    { name: 'portrait frame, 2D only', w: 720, h: 1280, formats: ['data_matrix'] as const, roi: { x: 108, y: 388, width: 504, height: 504 } },
    { name: 'portrait frame, linear: a band across the width', w: 720, h: 1280, formats: ['ean_13'] as const, roi: { x: 54, y: 352, width: 612, height: 576 } },
    { name: 'no formats known: the wide band', w: 640, h: 480, formats: [] as const, roi: { x: 48, y: 132, width: 544, height: 216 } },
    { name: 'no frame yet', w: 0, h: 0, formats: ITEM_FORMATS, roi: { x: 0, y: 0, width: 0, height: 0 } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = regionOfInterest(c.w, c.h, c.formats);
      expect(r).toEqual(c.roi);
      expect(r.x + r.width).toBeLessThanOrEqual(c.w);
      expect(r.y + r.height).toBeLessThanOrEqual(c.h);
    });
  }
});
