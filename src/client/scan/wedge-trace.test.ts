// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawScan } from '../../domain/scan/normalise';
import { useScannerSettings } from '../local/scanner-settings-store';
import type { BurstInfo } from './burst-detector';
import { subscribeScans } from './scan-bus';
import { installWedge } from './wedge-capture';
import { amendLastTerminator, clearTraces, getTraces, recordTrace, subscribeTraces, traceFor, TRACE_LIMIT } from './wedge-trace';

const INFO: BurstInfo = { terminator: 'enter', gaps: [5, 6], totalMs: 11, maxGapMs: 6, keys: 3, altNumpad: false, ctrlBracket: false, gsSubstitute: false };

beforeEach(() => clearTraces());

describe('wedge trace store', () => {
  it('keeps the last N traces, oldest first, and tells subscribers', () => {
    let calls = 0;
    const off = subscribeTraces(() => calls++);
    for (let i = 0; i < TRACE_LIMIT + 5; i++) recordTrace(`T${i}`, i, INFO);
    off();
    const list = getTraces();
    expect(list).toHaveLength(TRACE_LIMIT);
    expect(list[0]!.raw).toBe('T5');
    expect(list[list.length - 1]!.raw).toBe(`T${TRACE_LIMIT + 4}`);
    expect(calls).toBe(TRACE_LIMIT + 5);
  });

  it('gives a new snapshot on every change (React compares by identity)', () => {
    recordTrace('A', 1, INFO);
    const before = getTraces();
    amendLastTerminator('crlf');
    expect(getTraces()).not.toBe(before);
    expect(getTraces()[0]!.terminator).toBe('crlf');
    expect(before[0]!.terminator).toBe('enter');
  });

  it('finds the trace of a scan from the bus; rejected lines and camera scans have none', () => {
    recordTrace('T1', 10, INFO, false);
    const t = recordTrace('T1', 20, INFO);
    expect(traceFor({ source: 'wedge', raw: 'T1', at: 20 })?.id).toBe(t.id);
    expect(traceFor({ source: 'wedge', raw: 'T1', at: 10 })).toBeUndefined();
    expect(traceFor({ source: 'camera', raw: 'T1', at: 20 })).toBeUndefined();
  });
});

describe('installWedge (document listener)', () => {
  let off: () => void = () => undefined;
  let unsub: () => void = () => undefined;
  const got: RawScan[] = [];

  beforeEach(() => {
    got.length = 0;
    useScannerSettings.getState().update({ wedgeProfile: 'usb', gsSubstitute: null });
    off = installWedge();
    unsub = subscribeScans((s) => got.push(s));
  });
  afterEach(() => {
    unsub();
    off();
  });

  const key = (init: KeyboardEventInit, type: 'keydown' | 'keyup' = 'keydown') => {
    const ev = new KeyboardEvent(type, { bubbles: true, cancelable: true, ...init });
    document.body.dispatchEvent(ev);
    return ev;
  };
  const typeText = (text: string) => [...text].forEach((k) => key({ key: k }));

  it('publishes the scan with its AIM prefix and records a trace first', () => {
    typeText(']C101095011015300031');
    key({ key: ']', code: 'BracketRight', ctrlKey: true });
    typeText('10AB');
    const end = key({ key: 'Enter' });
    expect(end.defaultPrevented).toBe(true);
    expect(got.map((s) => s.raw)).toEqual([']C101095011015300031\u001d10AB']);
    const trace = traceFor(got[0]!);
    expect(trace).toMatchObject({ terminator: 'enter', ctrlBracket: true, keys: 25, source: 'wedge' });
  });

  it('marks CR+LF on the trace and swallows the LF', () => {
    typeText('T0042');
    key({ key: 'Enter' });
    const lf = key({ key: 'Enter' });
    expect(lf.defaultPrevented).toBe(true);
    expect(got).toHaveLength(1);
    expect(getTraces().at(-1)!.terminator).toBe('crlf');
  });

  it('rebuilds Alt+numpad codes on the Alt release', () => {
    typeText('0109501101530003');
    key({ key: 'Alt', code: 'AltLeft', altKey: true });
    for (const d of '0029') key({ key: d, code: `Numpad${d}`, altKey: true });
    key({ key: 'Alt', code: 'AltLeft' }, 'keyup');
    typeText('10A');
    key({ key: 'Tab' });
    expect(got.map((s) => s.raw)).toEqual(['0109501101530003\u001d10A']);
    expect(getTraces().at(-1)).toMatchObject({ terminator: 'tab', altNumpad: true });
  });

  it('applies a changed GS substitute at once, without reinstalling', () => {
    useScannerSettings.getState().update({ gsSubstitute: '~' });
    typeText('01095011015300~21');
    key({ key: 'Enter' });
    expect(got.map((s) => s.raw)).toEqual(['01095011015300\u001d21']);
  });

  it('leaves keys typed into a real text field alone', () => {
    const input = document.createElement('input');
    document.body.append(input);
    for (const k of 'T0042') input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    const ev = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    input.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(false);
    expect(got).toEqual([]);
    input.remove();
  });
});
