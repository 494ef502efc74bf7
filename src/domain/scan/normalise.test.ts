import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors';
import { normaliseScan, sameCode, scanMatchesSku, type Gs1Data, type NormaliseOptions, type ScanResult, type ScanWarning } from './normalise';

type Expected =
  | { kind: 'gtin'; gtin14: string; gs1?: Partial<Gs1Data>; warnings?: ScanWarning[] }
  | { kind: 'sscc'; sscc: string; gs1?: Partial<Gs1Data>; warnings?: ScanWarning[] }
  | { kind: 'gs1'; gs1: Partial<Gs1Data>; warnings?: ScanWarning[] }
  | { kind: 'code'; text: string }
  | { kind: 'invalid'; code: ErrorCode }
  | { kind: 'empty' };

const TODAY = new Date(Date.UTC(2026, 10, 24));
const G = '09501101530003'; // GTIN-14 of EAN-13 9501101530003
const SSCC = '106141411234567897';
const GS = '\u001d';
const lost = (ai: string, value: string, suspectAi: string): ScanWarning => ({ code: ErrorCode.GS1_SEPARATOR_MAYBE_LOST, ai, value, suspectAi });
const gtin = (gtin14: string, gs1?: Partial<Gs1Data>, warnings?: ScanWarning[]): Expected => ({ kind: 'gtin', gtin14, ...(gs1 ? { gs1 } : {}), ...(warnings ? { warnings } : {}) });
const code = (text: string): Expected => ({ kind: 'code', text });
const bad = (c: ErrorCode): Expected => ({ kind: 'invalid', code: c });
const el = (ai: string, raw: string, value: number | string, unit?: string) => expect.arrayContaining([{ ai, raw, value, ...(unit ? { unit } : {}) }]);

type Row = [name: string, raw: string, symbologyId: string | undefined, opts: NormaliseOptions, expected: Expected];
const none = {};

const ROWS: Row[] = [
  // GTIN in every print form
  ['EAN-13, no prefix', '9501101530003', undefined, none, gtin(G)],
  ['EAN-13, ]E0 in content', ']E09501101530003', undefined, none, gtin(G)],
  ['EAN-13, ]E0 from the camera', '9501101530003', ']E0', none, gtin(G)],
  ['UPC-E', ']E004252614', undefined, none, gtin('00042100005264')],
  ['UPC-A', '042100005264', undefined, none, gtin('00042100005264')],
  ['EAN-8, ]E4', ']E495012346', undefined, none, gtin('00000095012346')],
  ['EAN-8, no prefix', '95012346', undefined, none, gtin('00000095012346')],
  ['ITF-14', ']I119501101530000', undefined, none, gtin('19501101530000')],
  ['GTIN-14 typed', '19501101530000', undefined, none, gtin('19501101530000')],
  ['EAN-13 with 2-digit add-on', ']E3950110153000312', undefined, none, gtin(G)],
  ['EAN-13 starting 400 is never AI 400', '4006381333931', undefined, none, gtin('04006381333931')],
  [']E0 EAN-13 starting 400', ']E04006381333931', undefined, none, gtin('04006381333931')],
  ['GTIN in a plain Code 128', ']C09501101530003', undefined, none, gtin(G)],
  ['EAN-13 bad check digit, ]E0', ']E09501101530004', undefined, none, bad(ErrorCode.BAD_CHECK_DIGIT)],
  ['EAN-13 bad check digit, no prefix', '9501101530004', undefined, none, bad(ErrorCode.BAD_CHECK_DIGIT)],
  ['ITF-14 bad check digit', ']I119501101530001', undefined, none, bad(ErrorCode.BAD_CHECK_DIGIT)],
  ['digits in a plain Code 128 with a bad check are a code', ']C09501101530004', undefined, none, code('9501101530004')],
  ['8 digits with a bad check are a badge number', '12345678', undefined, none, code('12345678')],
  // GS1 symbologies
  ['GS1-128 AI 01', ']C10109501101530003', undefined, none, gtin(G, { gtin14: G })],
  ['GS1-128 01 17 10', `]C10109501101530003172612311${'0'}ABC`, undefined, none, gtin(G, { expiry: '2026-12-31', lot: 'ABC' })],
  ['GS1 DataMatrix, GS after lot', `]d20109501101530003${'10'}ABC${GS}17261231`, undefined, none, gtin(G, { lot: 'ABC', expiry: '2026-12-31' })],
  ['zxing DataMatrix leading FNC1, no AIM', `${GS}01095011015300031726123110${'12345'}${GS}21SN9`, undefined, none, gtin(G, { lot: '12345', serial: 'SN9', expiry: '2026-12-31' })],
  ['GS1 DataMatrix, symbology from the camera', `${GS}0109501101530003`, ']d2', none, gtin(G)],
  ['DataBar with net kg', ']e001095011015300033103001250', undefined, none, gtin(G, { netWeightKg: 1.25, elements: el('3103', '001250', 1.25, 'kg') })],
  ['GS1 QR with net lb', ']Q301095011015300033202012345', undefined, none, gtin(G, { netWeightLb: 123.45 })],
  ['plain Data Matrix with a bin label', ']d1A-03-2-B', undefined, none, code('A-03-2-B')],
  ['plain Data Matrix holding unmistakable GS1', `]d101${G}17261231`, undefined, none, gtin(G, { expiry: '2026-12-31' })],
  ['plain Code 128 from a camera without identifiers', `01${G}10AB`, ']C0', none, gtin(G, { lot: 'AB' })],
  ['plain QR with 01 and a bad check digit is a code', ']Q10109501101530004', undefined, none, code('0109501101530004')],
  ['plain QR tote label', ']Q1T0001', undefined, none, code('T0001')],
  ['plain Code 128 bin label', ']C0A-03-2-B', undefined, none, code('A-03-2-B')],
  ['redundant GS after a fixed field', `]C10109501101530003${GS}10ABC`, undefined, none, gtin(G, { lot: 'ABC' })],
  // GS substitute characters
  ['~ as GS', ']C1010950110153000310ABC~17261231', undefined, { gsSubstitute: '~' }, gtin(G, { lot: 'ABC', expiry: '2026-12-31' })],
  ['| as GS without AIM', '010950110153000310ABC|21XYZ', undefined, { gsSubstitute: '|' }, gtin(G, { lot: 'ABC', serial: 'XYZ' })],
  ['~ as leading FNC1', '~010950110153000310ABC', undefined, { gsSubstitute: '~' }, gtin(G, { lot: 'ABC' })],
  ['substitute - leaves a bin label alone', 'A-03-2-B', undefined, { gsSubstitute: '-' }, code('A-03-2-B')],
  ['substitute - leaves a numeric bin alone', '10-03-2', undefined, { gsSubstitute: '-' }, code('10-03-2')],
  ['substitute not configured: ~ is a bad character', ']C1010950110153000310ABC~17261231', undefined, none, bad(ErrorCode.GS1_BAD_CHARACTER)],
  // human-readable
  ['HRI 01 17 10', `(01)${G}(17)261231(10)ABC`, undefined, none, gtin(G, { expiry: '2026-12-31', lot: 'ABC' })],
  ['HRI SSCC with content and count', `(00)${SSCC}(02)${G}(37)24`, undefined, none, { kind: 'sscc', sscc: SSCC, gs1: { contentGtin14: G, count: 24 } }],
  ['HRI ship-to only', '(410)0614141000012(420)28108', undefined, none, { kind: 'gs1', gs1: { shipToGln: '0614141000012' } }],
  ['HRI with blanks', `(01) ${G} (10) ABC`, undefined, none, gtin(G, { lot: 'ABC' })],
  // plain Code 128 holding GS1 (no AIM prefix)
  ['01 + GTIN without AIM', `01${G}`, undefined, none, gtin(G)],
  ['01 + GTIN + lot without AIM', `01${G}10ABC`, undefined, none, gtin(G, { lot: 'ABC' })],
  ['SSCC without AIM', `00${SSCC}`, undefined, none, { kind: 'sscc', sscc: SSCC }],
  ['01 + bad check without AIM is a code', '0109501101530004' + '10A', undefined, none, code('010950110153000410A')],
  ['01 + GTIN + impossible date without AIM', `01${G}17261332`, undefined, none, bad(ErrorCode.GS1_BAD_DATE)],
  ['GS-separated lot first, no AIM', `10ABC${GS}17261231`, undefined, none, { kind: 'gs1', gs1: { lot: 'ABC', expiry: '2026-12-31' } }],
  ['tote', 'T0001', undefined, none, code('T0001')],
  ['bin with CRLF', 'A01-03-2\r\n', undefined, none, code('A01-03-2')],
  ['bin with letters', 'A-03-2-B', undefined, none, code('A-03-2-B')],
  // SSCC
  ['GS1-128 SSCC', `]C100${SSCC}`, undefined, none, { kind: 'sscc', sscc: SSCC, gs1: { sscc: SSCC } }],
  ['SSCC bad check digit', ']C100106141411234567898', undefined, none, bad(ErrorCode.GS1_BAD_CHECK_DIGIT)],
  ['SSCC + content + count', `]C100${SSCC}02${G}3724`, undefined, none, { kind: 'sscc', sscc: SSCC, gs1: { contentGtin14: G, count: 24 } }],
  // dates (today 2026-11-24)
  ['day 00 is the end of February', `(01)${G}(17)260200`, undefined, none, gtin(G, { expiry: '2026-02-28', elements: expect.arrayContaining([{ ai: '17', raw: '260200', value: { year: 2026, month: 2, day: null, iso: '2026-02-28' } }]) })],
  ['day 00 in a leap February', `(01)${G}(17)280200`, undefined, none, gtin(G, { expiry: '2028-02-29' })],
  ['29 February in a leap year', `(01)${G}(17)280229`, undefined, none, gtin(G, { expiry: '2028-02-29' })],
  ['day 00 of December', `(01)${G}(17)261200`, undefined, none, gtin(G, { expiry: '2026-12-31' })],
  ['29 February in a common year', `(01)${G}(17)270229`, undefined, none, bad(ErrorCode.GS1_BAD_DATE)],
  ['month 13', `(01)${G}(17)261301`, undefined, none, bad(ErrorCode.GS1_BAD_DATE)],
  ['day 32', `(01)${G}(17)261232`, undefined, none, bad(ErrorCode.GS1_BAD_DATE)],
  ['30 February', `(01)${G}(11)260230`, undefined, none, bad(ErrorCode.GS1_BAD_DATE)],
  ['month 00', `(01)${G}(15)260001`, undefined, none, bad(ErrorCode.GS1_BAD_DATE)],
  ['50 years ahead is this century', `(01)${G}(17)760101`, undefined, none, gtin(G, { expiry: '2076-01-01' })],
  ['51 years ahead is last century', `(01)${G}(17)770101`, undefined, none, gtin(G, { expiry: '1977-01-01' })],
  ['the window follows today', `(01)${G}(17)100101`, undefined, { today: new Date(Date.UTC(2060, 0, 1)) }, gtin(G, { expiry: '2110-01-01' })],
  ['best before, production, pack', `(01)${G}(15)270315(11)260101(13)260102`, undefined, none, gtin(G, { bestBefore: '2027-03-15', productionDate: '2026-01-01', packDate: '2026-01-02' })],
  // decimals, counts, price
  ['3105: five decimals', `(01)${G}(3105)123456`, undefined, none, gtin(G, { netWeightKg: 1.23456 })],
  ['3110: length in m', `(01)${G}(3110)000120`, undefined, none, gtin(G, { elements: el('3110', '000120', 120, 'm') })],
  ['3142: area in m2', `(01)${G}(3142)000150`, undefined, none, gtin(G, { elements: el('3142', '000150', 1.5, 'm2') })],
  ['3151: volume in l', `(01)${G}(3151)000015`, undefined, none, gtin(G, { elements: el('3151', '000015', 1.5, 'l') })],
  ['3163: volume in m3', `(01)${G}(3163)002500`, undefined, none, gtin(G, { elements: el('3163', '002500', 2.5, 'm3') })],
  ['3106 does not exist', `(01)${G}(3106)000001`, undefined, none, bad(ErrorCode.GS1_UNKNOWN_AI)],
  ['AI 30 count', `(01)${G}(30)12`, undefined, none, gtin(G, { count: 12 })],
  ['AI 8005 price per unit stays text', `(01)${G}(8005)000365`, undefined, none, gtin(G, { elements: el('8005', '000365', '000365') })],
  ['AI 400 customer order', ']C1400PO-12345', undefined, none, { kind: 'gs1', gs1: { elements: el('400', 'PO-12345', 'PO-12345') } }],
  ['AI 02 alone is not an item', `]C102${G}`, undefined, none, { kind: 'gs1', gs1: { contentGtin14: G } }],
  // refusals
  ['unknown AI', ']C123ABC', undefined, none, bad(ErrorCode.GS1_UNKNOWN_AI)],
  ['GTIN cut short', ']C1010950110153', undefined, none, bad(ErrorCode.GS1_TRUNCATED)],
  ['AI with no value at the end', `]C101${G}10`, undefined, none, bad(ErrorCode.GS1_TRUNCATED)],
  ['GS inside a fixed field', `]C101095011015300${GS}10A`, undefined, none, bad(ErrorCode.GS1_BAD_LENGTH)],
  ['HRI GTIN one digit short', '(01)0950110153000', undefined, none, bad(ErrorCode.GS1_BAD_LENGTH)],
  ['lot longer than 20', `]C101${G}10ABCDEFGHIJKLMNOPQRSTU`, undefined, none, bad(ErrorCode.GS1_BAD_LENGTH)],
  ['empty lot between separators', `]C101${G}10${GS}21X`, undefined, none, bad(ErrorCode.GS1_BAD_LENGTH)],
  ['same AI twice, different values', `(01)${G}(10)A(01)19501101530000`, undefined, none, bad(ErrorCode.GS1_DUPLICATE_AI)],
  ['same AI twice, same value', `(01)${G}(10)A(01)${G}`, undefined, none, gtin(G, { lot: 'A' })],
  ['GTIN bad check digit in GS1', ']C10109501101530004', undefined, none, bad(ErrorCode.GS1_BAD_CHECK_DIGIT)],
  ['GLN bad check digit', '(410)0614141000013', undefined, none, bad(ErrorCode.GS1_BAD_CHECK_DIGIT)],
  ['letter in a count', `(01)${G}(30)12A`, undefined, none, bad(ErrorCode.GS1_BAD_CHARACTER)],
  ['blank inside a lot', `]C101${G}10AB C`, undefined, none, bad(ErrorCode.GS1_BAD_CHARACTER)],
  // lost separators
  ['lot swallowed an expiry', `]C101${G}10ABC1717250101`, undefined, none, gtin(G, { lot: 'ABC1717250101' }, [lost('10', 'ABC1717250101', '17')])],
  ['serial swallowed a lot', `]d2${GS}01${G}211234510LOT7`, undefined, none, gtin(G, { serial: '1234510LOT7' }, [lost('21', '1234510LOT7', '10')])],
  ['order number swallowed a GTIN', `]C100${SSCC}400PO123${'01'}${G}`, undefined, none, { kind: 'sscc', sscc: SSCC, warnings: [lost('400', `PO12301${G}`, '01')] }],
  ['no warning when the AI was read elsewhere', `]C101${G}1726123110X17250101`, undefined, none, gtin(G, { lot: 'X17250101' }, [])],
  ['no warning for an incomplete tail', `]C101${G}21ABC10`, undefined, none, gtin(G, { serial: 'ABC10' }, [])],
  ['no warning in human-readable form', `(01)${G}(10)ABC1717250101`, undefined, none, gtin(G, { lot: 'ABC1717250101' }, [])],
  // nothing
  ['blanks', '   ', undefined, none, { kind: 'empty' }],
  ['AIM prefix alone', ']C1', undefined, none, { kind: 'empty' }],
  ['terminator alone', '\r\n', undefined, none, { kind: 'empty' }],
];

function read(raw: string, symbologyId?: string, opts: NormaliseOptions = {}): ScanResult {
  return normaliseScan({ source: 'wedge', raw, at: 0, ...(symbologyId ? { symbologyId } : {}) }, { today: TODAY, ...opts });
}

describe('normaliseScan', () => {
  it('has a case for every tricky form', () => expect(ROWS.length).toBeGreaterThanOrEqual(60));

  it.each(ROWS)('%s: %j', (_name, raw, sym, opts, expected) => {
    const r = read(raw, sym, opts);
    const { warnings, ...shape } = expected as Expected & { warnings?: ScanWarning[] };
    expect(r).toMatchObject(shape);
    if (r.kind === 'gtin' || r.kind === 'sscc' || r.kind === 'gs1') expect(r.warnings).toEqual(warnings ?? []);
  });

  // UPC-A 042100005264 in every way a label, a scanner or a person can present it.
  const FORMS: [string, string?][] = [
    [']E004252614'], ['04252614', ']E0'], ['042100005264'], [']E0042100005264'], ['0042100005264'], ['00042100005264'],
    [']I100042100005264'], [']C10100042100005264'], [`]d2${GS}0100042100005264${GS}10AB`], [`${GS}0100042100005264`],
    ['(01)00042100005264(10)AB'], ['0100042100005264'], [']e00100042100005264'], [']Q30100042100005264'], [']C00042100005264'],
  ];
  it.each(FORMS)('every print form of one product is GTIN-14 00042100005264: %j', (raw, sym) => {
    expect(read(raw, sym)).toMatchObject({ kind: 'gtin', gtin14: '00042100005264' });
  });

  it('keeps the bracketed text of GS1 data and the AIM identifier', () => {
    expect(read(`]C101${G}10ABC${GS}17261231`)).toMatchObject({ text: `(01)${G}(10)ABC(17)261231`, symbologyId: ']C1' });
  });

  it('reports the AI of a refusal', () => {
    expect(read(`(01)${G}(17)261332`)).toMatchObject({ kind: 'invalid', code: ErrorCode.GS1_BAD_DATE, detail: '17: 261332' });
  });
});

describe('scanMatchesSku', () => {
  const sku = {
    code: 'LUMA-0007',
    barcodes: [
      { value: '04006381333931', kind: 'gtin', packQty: 1 },
      { value: '14006381333938', kind: 'case', packQty: 12 },
    ],
  };
  it.each([
    ['4006381333931', 1],
    ['04006381333931', 1],
    ['14006381333938', 12],
    [']C10104006381333931', 1],
    ['(01)14006381333938(10)L1', 12],
    ['luma-0007', 1],
    ['LUMA-0008', null],
    ['4006381333948', null],
    [']C10204006381333931', null], // content of a logistic unit is not the item
    [`]C100${SSCC}`, null],
    ['4006381333932', null], // bad check digit
  ])('%s matches with pack %s', (raw, pack) => {
    expect(scanMatchesSku(read(raw), sku)?.packQty ?? null).toBe(pack);
  });

  it('compares bin codes without case or blanks', () => {
    expect(sameCode(' a01-03-2 ', 'A01-03-2')).toBe(true);
    expect(sameCode('A01-03-3', 'A01-03-2')).toBe(false);
  });
});
