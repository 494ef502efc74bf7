import { describe, expect, it } from 'vitest';
import { normaliseScan, type ScanResult } from '../../../domain/scan/normalise';
import type { Terminator } from '../../scan/burst-detector';
import { diagnose, type AdviceCode, type DiagnosisInput, type SeenScan } from './scanner-diagnosis';

const GS = '\u001d';
const FAST = [8, 9, 7, 8, 10, 8];
/** Bluetooth HID pacing: most keys quick, many over the USB limit, none over Bluetooth's. */
const BT = [20, 65, 70, 30, 72, 60, 25];

function wedge(raw: string, terminator: Terminator = 'enter', gaps = FAST): SeenScan {
  return { raw, result: normaliseScan({ source: 'wedge', raw, at: 0 }), info: { terminator, gaps } };
}
function camera(raw: string): SeenScan {
  return { raw, result: normaliseScan({ source: 'camera', raw, at: 0 }) };
}
const codes = (input: Partial<DiagnosisInput>): AdviceCode[] => diagnose({ scans: [], slowLines: [], profile: 'usb', ...input }).map((a) => a.code);

const GOOD_GS1 = `]C10109501101530003${GS}10ABC${GS}21X`;

describe('diagnose', () => {
  it.each<[string, Partial<DiagnosisInput>, AdviceCode[]]>([
    ['nothing scanned yet: no advice', {}, []],
    ['a well set-up scanner: no advice', { scans: [wedge(GOOD_GS1), wedge(']C0T0042')] }, []],
    ['Tab suffix', { scans: [wedge(']C0T0042', 'tab')] }, ['WRONG_TERMINATOR']],
    ['no suffix', { scans: [wedge(']C0T0042', 'none')] }, ['WRONG_TERMINATOR']],
    ['CR+LF is tolerated but still advised', { scans: [wedge(']C0T0042', 'crlf')] }, ['WRONG_TERMINATOR']],
    ['no AIM prefix', { scans: [wedge('T0042')] }, ['NO_AIM_PREFIX']],
    ['Tab and no AIM prefix together', { scans: [wedge('T0042', 'tab')] }, ['WRONG_TERMINATOR', 'NO_AIM_PREFIX']],
    ['the latest scan decides: fixed after a rescan', { scans: [wedge('T0042', 'tab'), wedge(']C0T0042')] }, []],
    ['camera scans say nothing about the wedge settings', { scans: [camera('T0042')] }, []],
    ['separator lost: the parser warns (lot swallowed the expiry)', { scans: [wedge(']C1010950110153000310ABC17261231')] }, ['SEPARATOR_LOST']],
    ['separator lost: lot swallowed the serial', { scans: [wedge(']C1010950110153000310ABC21XYZ')] }, ['SEPARATOR_LOST']],
    ['an unconfigured substitute character is refused as a bad character', { scans: [wedge(']C1010950110153000310ABC~21X')] }, ['SEPARATOR_LOST']],
    ['GS1 with only predefined-length fields needs no GS', { scans: [wedge(']C1010950110153000317261231')] }, []],
    ['a plain code after a bad GS1 scan keeps the GS1 advice', { scans: [wedge(']C1010950110153000310ABC21XYZ'), wedge(']C0T0042')] }, ['SEPARATOR_LOST']],
    ['a good GS1 rescan clears the GS1 advice', { scans: [wedge(']C1010950110153000310ABC21XYZ'), wedge(GOOD_GS1)] }, []],
    ['Bluetooth pacing on the USB profile', { scans: [wedge(']C0T0042', 'enter', BT)] }, ['SLOW_KEYS']],
    ['Bluetooth pacing on the Bluetooth profile is fine', { scans: [wedge(']C0T0042', 'enter', BT)], profile: 'bluetooth' }, []],
    ['one stalled key is not Bluetooth', { scans: [wedge(']C0T0042', 'enter', [8, 8, 8, 300, 8, 8, 8, 8])] }, []],
    ['lines too slow for USB that Bluetooth timing would take', { slowLines: [{ keys: 8, gaps: [70, 60, 75, 65, 70, 60, 68, 72] }] }, ['SLOW_KEYS']],
    ['a person typing is not a slow scanner', { slowLines: [{ keys: 5, gaps: [140, 180, 160, 150, 200] }] }, []],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('says which terminator is wrong', () => {
    const [a] = diagnose({ scans: [wedge(']C0T0042', 'crlf')], slowLines: [], profile: 'usb' });
    expect(a).toEqual({ code: 'WRONG_TERMINATOR', terminator: 'crlf' });
  });

  it('GS1 data read from its human-readable brackets needs no GS', () => {
    const scan = wedge(']C0(01)09501101530003(10)ABC(21)X');
    expect((scan.result as Extract<ScanResult, { kind: 'gtin' }>).gs1?.elements.map((e) => e.ai)).toEqual(['01', '10', '21']);
    expect(codes({ scans: [scan] })).not.toContain('SEPARATOR_LOST');
  });
});
