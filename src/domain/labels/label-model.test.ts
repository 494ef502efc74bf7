import { describe, expect, it } from 'vitest';
import { addressLines, buildLabelModel, cartonText, printable, ssccText, weightText } from './label-model';
import { SAMPLE_CONFIG, SAMPLE_LABEL_INPUT } from './label-samples';

describe('buildLabelModel', () => {
  it('takes the carrier from the service and everything else from the input', () => {
    const m = buildLabelModel(SAMPLE_LABEL_INPUT);
    expect(m).toEqual({
      shipFrom: SAMPLE_CONFIG.shipFrom,
      shipTo: SAMPLE_LABEL_INPUT.shipTo,
      carrier: 'Correos',
      service: 'Correos Paq 24',
      orderRef: 'SO-10042',
      weightG: 2350,
      trackingNumber: 'RR123456785ES',
      sscc: '003761230000000426',
      cartonNo: 1,
      cartonCount: 2,
      date: '2026-11-24',
    });
  });

  it('strips control characters and keeps barcode data to what the symbols carry', () => {
    const m = buildLabelModel({
      ...SAMPLE_LABEL_INPUT,
      shipTo: { ...SAMPLE_LABEL_INPUT.shipTo, name: 'Ana\u0000\u001b[2J  Ruiz\r\n', line2: '\t ' },
      orderRef: 'SO\u0007-1\u2028',
      trackingNumber: 'RR 123456785 ES\n',
      sscc: '0037 6123 0000 0004 26',
      weightG: 1234.6,
    });
    expect(m.shipTo.name).toBe('Ana [2J Ruiz');
    expect(m.shipTo.line2).toBeUndefined();
    expect(m.orderRef).toBe('SO -1');
    expect(m.trackingNumber).toBe('RR123456785ES');
    expect(m.sscc).toBe('003761230000000426');
    expect(m.weightG).toBe(1235);
  });

  it('cuts overlong text with an ellipsis', () => {
    expect(printable('x'.repeat(200), 10)).toBe('x'.repeat(9) + '…');
    expect(buildLabelModel({ ...SAMPLE_LABEL_INPUT, orderRef: 'R'.repeat(100) }).orderRef).toHaveLength(40);
  });
});

describe('label text', () => {
  it('formats weight in kg and lb, carton n of m, and the SSCC with its AI', () => {
    expect(weightText(2350)).toBe('2.35 kg / 5.18 lb');
    expect(weightText(0)).toBe('0.00 kg / 0.00 lb');
    expect(cartonText({ cartonNo: 3, cartonCount: 4 })).toBe('Carton 3 of 4');
    expect(ssccText('003761230000000426')).toBe('(00) 003761230000000426');
  });

  it('prints an address without empty lines', () => {
    expect(addressLines({ name: 'A', line1: 'B', city: 'C', region: '', postalCode: '1', country: 'ES' })).toEqual(['A', 'B', 'C, 1', 'ES']);
  });
});
