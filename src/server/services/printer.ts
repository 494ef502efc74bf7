import { connect, isIP, type Socket } from 'node:net';
import { ErrorCode } from '../../domain/errors';
import { ApiError } from './api-error';

/** Zebra printers (and most thermal label printers) take raw ZPL on this port. */
export const RAW_PRINT_PORT = 9100;
export const DEFAULT_PRINT_TIMEOUT_MS = 5000;

export interface PrinterAddress {
  host: string;
  port: number;
}

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function parsePort(text: string | undefined): number | null {
  if (text === undefined) return RAW_PRINT_PORT;
  if (!/^\d{1,5}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : null;
}

/**
 * `host[:port]` as a lead types it: a hostname, an IPv4 address or a bracketed IPv6
 * address, port 1-65535 (9100 when omitted). Null for anything else, so a typo or a
 * hostile string never reaches a socket.
 */
export function parsePrinterHost(value: string): PrinterAddress | null {
  if (value.length === 0 || value.length > 270 || /\s/.test(value)) return null;
  const v6 = /^\[([0-9A-Fa-f:.]+)\](?::(\d+))?$/.exec(value);
  if (v6) {
    const port = parsePort(v6[2]);
    return isIP(v6[1]!) === 6 && port !== null ? { host: v6[1]!, port } : null;
  }
  const m = /^([^:[\]]+)(?::([^:]*))?$/.exec(value);
  if (!m) return null;
  const host = m[1]!;
  const port = parsePort(m[2]);
  if (port === null) return null;
  if (/^[\d.]+$/.test(host)) return isIP(host) === 4 ? { host, port } : null;
  return HOSTNAME.test(host) ? { host, port } : null;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE', 'EADDRNOTAVAIL']);

/**
 * Sends ZPL to a network printer over raw TCP. It resolves once our bytes are out and
 * the printer has closed its side: a peer only sees our FIN after reading everything
 * before it, so its close means the label arrived (Zebra printers close on EOF). The
 * timeout covers the whole exchange; a printer that never accepts, or accepts and never
 * reads or closes, answers PRINTER_TIMEOUT and the socket is destroyed, not left open.
 */
export function sendZpl(hostPort: string, zpl: string, opts: { timeoutMs: number }): Promise<void> {
  const addr = parsePrinterHost(hostPort);
  if (!addr) return Promise.reject(new ApiError(400, ErrorCode.VALIDATION_FAILED, 'printer host is not host[:port]'));
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let flushed = false;
    const socket: Socket = connect({ host: addr.host, port: addr.port });
    const finish = (err: ApiError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    const unreachable = (detail: string) =>
      finish(new ApiError(424, ErrorCode.PRINTER_UNREACHABLE, `printer ${hostPort} unreachable (${detail})`));
    const timer = setTimeout(() => {
      finish(new ApiError(424, ErrorCode.PRINTER_TIMEOUT, `printer ${hostPort} did not take the label within ${opts.timeoutMs} ms`));
    }, opts.timeoutMs);
    socket.setNoDelay(true);
    socket.on('error', (err: NodeJS.ErrnoException) => unreachable(UNREACHABLE.has(err.code ?? '') ? err.code! : 'connection failed'));
    // end() flushes the queued bytes, then sends FIN.
    socket.on('connect', () => socket.end(zpl, 'utf8'));
    socket.on('finish', () => {
      flushed = true;
    });
    // Printers answer nothing on 9100; read anything they send so it cannot stall us.
    socket.on('data', () => undefined);
    socket.on('close', (hadError) => {
      if (hadError) return; // 'error' already answered
      if (flushed) finish(null);
      else unreachable('closed before the label was sent');
    });
  });
}

/** PRINT_TIMEOUT_MS from the environment when it is a sane number of milliseconds (1 ms to 60 s). */
export function printTimeoutFromEnv(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 60_000 ? n : DEFAULT_PRINT_TIMEOUT_MS;
}
