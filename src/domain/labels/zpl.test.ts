import { describe, expect, it } from 'vitest';
import { buildLabelModel } from './label-model';
import { HOSTILE, SAMPLE_LABEL_INPUT } from './label-samples';
import { labelsZpl, labelZpl, zplEscape } from './zpl';

/** Field data as the printer reads it after ^FH_: _XX runs are UTF-8 bytes. */
function zplUnescape(data: string): string {
  return data.replace(/(?:_[0-9A-F]{2})+/g, (run) => {
    const bytes = Uint8Array.from(run.slice(1).split('_'), (h) => parseInt(h, 16));
    return new TextDecoder().decode(bytes);
  });
}

/** Every ^FD..^FS field's data, unescaped. */
function zplFields(zpl: string): string[] {
  return [...zpl.matchAll(/\^FD([^^]*)\^FS/g)].map((m) => zplUnescape(m[1]!));
}

const ALLOWED_COMMANDS = /^(XA|XZ|CI28|PW\d+|LL\d+|LH0,0|FO\d+,\d+|A0N,\d+,\d+|FH_|FD.*|FS|GB\d+,\d+,\d+|BY\d|BCN,\d+,[YN],N,N,[AN])$/s;

/** Splits a job on the command prefix and checks each command is one Tote writes. */
function commandsOf(zpl: string): string[] {
  return zpl
    .split('^')
    .slice(1)
    .map((c) => c.trim());
}

const model = buildLabelModel(SAMPLE_LABEL_INPUT);

describe('labelZpl', () => {
  it('is one 4 x 6 in label at 203 dpi, ^XA to ^XZ, UTF-8', () => {
    const zpl = labelZpl(model);
    expect(zpl.startsWith('^XA')).toBe(true);
    expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
    expect(zpl).toContain('^CI28');
    expect(zpl).toContain('^PW812');
    expect(zpl).toContain('^LL1218');
    for (const c of commandsOf(zpl)) expect(c).toMatch(ALLOWED_COMMANDS);
  });

  it('prints the tracking number as Code 128 with its text line', () => {
    expect(labelZpl(model)).toMatch(/\^BCN,140,Y,N,N,A\^FDRR123456785ES\^FS/);
  });

  it('prints the SSCC as GS1-128: start C, FNC1, AI 00 and the 18 digits, "(00) ..." below', () => {
    const zpl = labelZpl(model);
    expect(zpl).toContain('^FD>;>800003761230000000426^FS');
    expect(zplFields(zpl)).toContain('(00) 003761230000000426');
  });

  it('prints ship-to, ship-from, carrier, service, weight, order, carton and date', () => {
    const fields = zplFields(labelZpl(model));
    for (const want of [
      'José Núñez',
      'Avenida de la Peña 12',
      'Piso 3º B',
      'Logroño, La Rioja 26001',
      'Spain',
      'Tote Fulfilment',
      'Madrid, MD 28013',
      'Correos',
      'Correos Paq 24',
      '2.35 kg / 5.18 lb',
      'Order SO-10042',
      'Carton 1 of 2',
      '2026-11-24',
    ]) {
      expect(fields).toContain(want);
    }
  });

  it('writes non-ASCII as UTF-8 hex escapes, never raw', () => {
    const zpl = labelZpl(model);
    expect(zpl).toContain('Jos_C3_A9 N_C3_BA_C3_B1ez');
    expect(/[^\x20-\x7e\n]/.test(zpl)).toBe(false);
  });

  it('concatenates labels, one ^XA..^XZ each', () => {
    const two = labelsZpl([model, buildLabelModel({ ...SAMPLE_LABEL_INPUT, cartonNo: 2 })]);
    expect(two.match(/\^XA/g)).toHaveLength(2);
    expect(two.match(/\^XZ/g)).toHaveLength(2);
    expect(zplFields(two)).toContain('Carton 2 of 2');
  });
});

describe('ZPL escaping', () => {
  it('escapes the command prefixes, the escape character itself and controls', () => {
    expect(zplEscape('a^b~c_d')).toBe('a_5Eb_7Ec_5Fd');
    expect(zplEscape('ñ')).toBe('_C3_B1');
    expect(zplEscape('📦')).toBe('_F0_9F_93_A6');
    expect(zplEscape('\\(x)')).toBe('\\(x)');
  });

  it('keeps hostile ship-to text as printed text: no command leaks, every field reads back', () => {
    const hostile = buildLabelModel({ ...SAMPLE_LABEL_INPUT, shipTo: HOSTILE, orderRef: '^FO0,0^FDpwn~JA', carrierService: '~JA ^XZ Ground' });
    const zpl = labelZpl(hostile);
    expect(zpl.match(/\^XA/g)).toHaveLength(1);
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(zpl).not.toContain('~');
    for (const c of commandsOf(zpl)) expect(c).toMatch(ALLOWED_COMMANDS);
    const fields = zplFields(zpl);
    expect(fields).toContain(`O'Brien"); DROP TABLE x;--`);
    expect(fields).toContain('<img src=x onerror=alert(1)>');
    expect(fields).toContain('C:\\ (x)) \\) ^XZ~JA _5E');
    expect(fields).toContain('Order ^FO0,0^FDpwn~JA');
    expect(fields.some((f) => f.startsWith('Zürich 📦 東京,'))).toBe(true);
    // Control characters never reach the printer.
    expect([...fields.join('')].filter((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)).toEqual([]);
  });
});
