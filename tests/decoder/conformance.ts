// The README's floor for each ZXing subset (/work/shared/barcodes/README.md): how many
// images ZXing itself must read in "try harder" mode at 0° and at 180° (1D) / 90° (2D),
// and how many misreads it may make.
export interface Floor {
  images: number;
  read: [number, number];
  misreads: number;
}

export const FLOORS: Record<string, Floor> = {
  'code128-1': { images: 7, read: [7, 7], misreads: 0 },
  'code128-3': { images: 2, read: [2, 2], misreads: 0 },
  'code39-1': { images: 4, read: [4, 4], misreads: 0 },
  'ean8-1': { images: 8, read: [8, 8], misreads: 0 },
  'ean13-3': { images: 55, read: [55, 55], misreads: 0 },
  'upca-2': { images: 52, read: [36, 36], misreads: 2 },
  'upce-1': { images: 3, read: [3, 3], misreads: 0 },
  'itf-1': { images: 14, read: [14, 14], misreads: 0 },
  'datamatrix-1': { images: 23, read: [23, 23], misreads: 0 },
  'datamatrix-3': { images: 18, read: [18, 17], misreads: 0 },
  'qrcode-3': { images: 42, read: [38, 39], misreads: 0 },
  'qrcode-5': { images: 19, read: [19, 19], misreads: 0 },
};

/** At most this many false reads across falsepositives/ at each rotation. */
export const MAX_FALSE_READS = 2;
