/**
 * Bytes from a serial port, split into lines. Scales end a reading with CR, LF or CRLF,
 * and a read may stop anywhere (mid-line, mid-character), so text is carried across reads.
 */

/** Keeps a runaway line (wrong baud rate: no line ends ever arrive) from growing forever. */
const MAX_LINE = 256;

export function lineSplitter(onLine: (line: string) => void): { push: (bytes: Uint8Array) => void; end: () => void } {
  const decoder = new TextDecoder('latin1');
  let carry = '';
  const flush = (final: boolean) => {
    const parts = carry.split(/\r\n|\r|\n/);
    // The last part is an unfinished line unless the stream is over. A CRLF split across
    // two reads only yields an empty line, and empty lines are skipped.
    carry = final ? '' : parts.pop()!;
    for (const p of parts) if (p.trim() !== '') onLine(p);
    if (carry.length > MAX_LINE) carry = carry.slice(-MAX_LINE);
  };
  return {
    push: (bytes) => {
      carry += decoder.decode(bytes, { stream: true });
      flush(false);
    },
    end: () => {
      carry += decoder.decode();
      flush(true);
    },
  };
}

/** Reads until the stream ends or the reader is cancelled, one call per non-empty line. */
export async function readLines(reader: ReadableStreamDefaultReader<Uint8Array>, onLine: (line: string) => void): Promise<void> {
  const split = lineSplitter(onLine);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value) split.push(value);
  }
  split.end();
}
