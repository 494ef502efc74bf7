import { useCallback, useEffect, useRef, useState } from 'react';
import { parseScaleLine } from '../../domain/packing/scale';
import { readLines } from './serial-lines';

// The part of Web Serial we use (Chromium only; not in TypeScript's DOM types).
interface SerialPortLike {
  open(options: { baudRate: number; dataBits?: number; stopBits?: number; parity?: 'none' | 'even' | 'odd' }): Promise<void>;
  close(): Promise<void>;
  readonly readable: ReadableStream<Uint8Array> | null;
}
interface SerialLike {
  requestPort(options?: { filters?: unknown[] }): Promise<SerialPortLike>;
}

export function serialApi(): SerialLike | null {
  if (typeof navigator === 'undefined') return null;
  return (navigator as Navigator & { serial?: SerialLike }).serial ?? null;
}

export interface ScaleOptions {
  /** Most bench scales talk 9600 8N1; some ship set to 2400 or 4800. */
  baudRate?: number;
  dataBits?: 7 | 8;
  stopBits?: 1 | 2;
  parity?: 'none' | 'even' | 'odd';
}

export interface ScaleState {
  /** The browser has Web Serial; without it the screen hides the scale button and the weight is typed. */
  supported: boolean;
  connected: boolean;
  grams: number | null;
  stable: boolean;
  /** SCALE_UNAVAILABLE (could not open or lost the port) or SCALE_UNREADABLE (lines that are not weights). */
  error: 'SCALE_UNAVAILABLE' | 'SCALE_UNREADABLE' | null;
  /** Must run from a tap: the browser asks the user which port. */
  connect: () => Promise<void>;
  disconnect: () => Promise<void>;
}

/** Lines in a row that are not a weight before the screen says the scale is unreadable (wrong speed or format). */
const UNREADABLE_AFTER = 5;

/** Reads a bench scale over Web Serial: the latest weight and whether the scale says it is stable. */
export function useScale(options: ScaleOptions = {}): ScaleState {
  const { baudRate = 9600, dataBits = 8, stopBits = 1, parity = 'none' } = options;
  const supported = serialApi() !== null;
  const [connected, setConnected] = useState(false);
  const [reading, setReading] = useState<{ grams: number | null; stable: boolean }>({ grams: null, stable: false });
  const [error, setError] = useState<ScaleState['error']>(null);
  const live = useRef<{ port: SerialPortLike; reader: ReadableStreamDefaultReader<Uint8Array>; closing: boolean } | null>(null);
  const mounted = useRef(true);

  const stop = useCallback(async () => {
    const cur = live.current;
    if (!cur) return;
    cur.closing = true;
    // Cancelling ends the read loop, which then releases the port (see connect).
    await cur.reader.cancel().catch(() => undefined);
  }, []);

  const connect = useCallback(async () => {
    const serial = serialApi();
    if (!serial || live.current) return;
    let port: SerialPortLike;
    try {
      port = await serial.requestPort();
    } catch {
      // The worker closed the chooser without picking a port: nothing to say.
      return;
    }
    try {
      await port.open({ baudRate, dataBits, stopBits, parity });
    } catch {
      if (mounted.current) setError('SCALE_UNAVAILABLE');
      return;
    }
    const reader = port.readable?.getReader();
    if (!reader) {
      await port.close().catch(() => undefined);
      if (mounted.current) setError('SCALE_UNAVAILABLE');
      return;
    }
    const cur = { port, reader, closing: false };
    live.current = cur;
    setConnected(true);
    setError(null);
    let bad = 0;
    try {
      await readLines(reader, (line) => {
        if (!mounted.current) return;
        const r = parseScaleLine(line);
        if (r) {
          bad = 0;
          setError(null);
          setReading({ grams: r.grams, stable: r.stable });
        } else if (++bad >= UNREADABLE_AFTER) {
          setError('SCALE_UNREADABLE');
          setReading({ grams: null, stable: false });
        }
      });
    } catch {
      // Unplugged or a line error: the weight can still be typed.
      if (!cur.closing && mounted.current) setError('SCALE_UNAVAILABLE');
    } finally {
      reader.releaseLock();
      await port.close().catch(() => undefined);
      live.current = null;
      if (mounted.current) {
        setConnected(false);
        setReading({ grams: null, stable: false });
      }
    }
  }, [baudRate, dataBits, stopBits, parity]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      void stop();
    };
  }, [stop]);

  return { supported, connected, grams: reading.grams, stable: reading.stable, error, connect, disconnect: stop };
}
