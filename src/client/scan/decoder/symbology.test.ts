import { describe, expect, it } from 'vitest';
import { aimIdentifier, normaliseGs1Text } from './symbology';
import { upcText } from './zxing-wasm-engine';

describe('symbology', () => {
  it('gives AIM identifiers, GS1 modifiers where asked', () => {
    expect(aimIdentifier('code_128', true)).toBe(']C1');
    expect(aimIdentifier('code_128')).toBe(']C0');
    expect(aimIdentifier('ean_8')).toBe(']E4');
    expect(aimIdentifier('upc_a')).toBe(']E0');
    expect(aimIdentifier('data_matrix', true)).toBe(']d2');
    expect(aimIdentifier('qr_code', true)).toBe(']Q3');
  });

  it('drops a leading FNC1 however an engine spelled it, keeps inner GS', () => {
    expect(normaliseGs1Text('\x1d0109501101530003\x1d10A')).toBe('0109501101530003\x1d10A');
    expect(normaliseGs1Text(']C10109501101530003')).toBe('0109501101530003');
    expect(normaliseGs1Text('0109501101530003')).toBe('0109501101530003');
  });

  it('turns zxing-cpp 13-digit UPC back into UPC-A and UPC-E', () => {
    expect(upcText('upc_a', '0036000291452')).toBe('036000291452');
    expect(upcText('upc_e', '0012345000065')).toBe('01234565'); // last-digit rule (5-9)
    expect(upcText('upc_e', '0012300000451')).toBe('01234531'); // manufacturer ends 00
    expect(upcText('upc_e', '0001234000057')).toBe('00123457');
    expect(upcText('upc_e', '0012000003456')).toBe('01234506'); // manufacturer ends 000/100/200
    expect(upcText('upc_a', '4006381333931')).toBe('4006381333931'); // a real EAN-13 stays
  });
});
