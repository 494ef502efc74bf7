// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ScaleControl } from './scale-control';
import { lineSplitter, readLines } from './serial-lines';
import { useScale } from './use-scale';

const bytes = (s: string) => new TextEncoder().encode(s);

/** A stream the test writes into, as a serial port's readable is. */
function pipe() {
  let ctl!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (ctl = c) });
  return { stream, write: (s: string) => ctl.enqueue(bytes(s)), end: () => ctl.close(), fail: () => ctl.error(new Error('unplugged')) };
}

describe('serial lines', () => {
  it('splits CR, LF and CRLF across reads that stop mid-line and mid-CRLF, skipping blank lines', () => {
    const lines: string[] = [];
    const s = lineSplitter((l) => lines.push(l));
    for (const chunk of ['ST,GS,+  1.2', '34kg\r', '\nUS,GS,+  0.9', '00kg\n\n', 'S S     2.500 kg\r1', '20 g']) s.push(bytes(chunk));
    expect(lines).toEqual(['ST,GS,+  1.234kg', 'US,GS,+  0.900kg', 'S S     2.500 kg']);
    s.end();
    expect(lines.at(-1)).toBe('120 g');
  });

  it('keeps an endless line (wrong baud rate) bounded', () => {
    const lines: string[] = [];
    const s = lineSplitter((l) => lines.push(l));
    for (let i = 0; i < 100; i++) s.push(bytes('x'.repeat(50)));
    s.push(bytes('\n'));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.length).toBeLessThanOrEqual(256);
  });

  it('reads a stream to its end', async () => {
    const p = pipe();
    const lines: string[] = [];
    const done = readLines(p.stream.getReader(), (l) => lines.push(l));
    p.write('1 kg\r\n2 kg');
    p.end();
    await done;
    expect(lines).toEqual(['1 kg', '2 kg']);
  });
});

/** Web Serial as Chromium offers it, with one scale port whose output the test writes. */
function installSerial(opts: { openFails?: boolean } = {}) {
  const p = pipe();
  const opened: unknown[] = [];
  let closed = 0;
  const port = {
    readable: p.stream,
    open: async (o: unknown) => {
      if (opts.openFails) throw new DOMException('busy', 'NetworkError');
      opened.push(o);
    },
    close: async () => void closed++,
  };
  Object.defineProperty(navigator, 'serial', { configurable: true, value: { requestPort: async () => port } });
  return { ...p, opened, closed: () => closed };
}

function Bench() {
  const scale = useScale();
  const [used, setUsed] = useState<number | null>(null);
  return (
    <>
      <ScaleControl scale={scale} onUse={setUsed} />
      <p data-testid="used">{used ?? ''}</p>
    </>
  );
}

describe('useScale and ScaleControl', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });
  afterEach(() => {
    cleanup();
    delete (navigator as { serial?: unknown }).serial;
  });

  it('shows nothing where the browser has no Web Serial', () => {
    render(<Bench />);
    expect(screen.queryByRole('button', { name: 'Connect scale' })).toBeNull();
  });

  it('opens the port at 9600 8N1, shows the weight, lets the packer use it only once stable, and closes the port', async () => {
    const s = installSerial();
    render(<Bench />);
    await userEvent.click(screen.getByRole('button', { name: 'Connect scale' }));
    await screen.findByText('Waiting for the scale…');
    expect(s.opened).toEqual([{ baudRate: 9600, dataBits: 8, stopBits: 1, parity: 'none' }]);
    const use = screen.getByRole('button', { name: 'Use scale weight' }) as HTMLButtonElement;
    act(() => s.write('US,GS,+  1.180kg\r\n'));
    await screen.findByText('1180 g (settling…)');
    expect(use.disabled).toBe(true);
    act(() => s.write('ST,GS,+  1.234kg\r\n'));
    await screen.findByText('1234 g');
    await userEvent.click(use);
    expect(screen.getByTestId('used').textContent).toBe('1234');
    await userEvent.click(screen.getByRole('button', { name: 'Disconnect scale' }));
    await screen.findByRole('button', { name: 'Connect scale' });
    expect(s.closed()).toBe(1);
  });

  it('says the scale is unreadable after lines that are not weights, and unavailable when unplugged', async () => {
    const s = installSerial();
    render(<Bench />);
    await userEvent.click(screen.getByRole('button', { name: 'Connect scale' }));
    await screen.findByText('Waiting for the scale…');
    act(() => s.write('\u00ff\u00fe garbage\n'.repeat(5)));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not a weight/);
    act(() => s.fail());
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/unplugged/));
    expect(screen.getByRole('button', { name: 'Connect scale' })).toBeTruthy();
  });

  it('says so when the port cannot be opened', async () => {
    installSerial({ openFails: true });
    render(<Bench />);
    await userEvent.click(screen.getByRole('button', { name: 'Connect scale' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be opened/);
  });
});
