/**
 * Reads GET /api/sync/events with fetch streaming (EventSource cannot send a bearer
 * header). Every event is only a poke: the data itself always comes through a pull.
 *
 * A stream that was down may have missed pokes, so each reconnection after a break is
 * itself a poke (the screens and the sync engine catch up). While the device is offline
 * the loop does not count failures: it waits for the `online` event and reconnects at
 * once, so a dock screen follows a second clerk again as soon as the network is back,
 * not after a backoff that grew while the network was cut.
 */
export interface ServerEventsEnv {
  fetch: typeof fetch;
  isOnline: () => boolean;
  /** Resolves when the device reports it is online again (or on abort). */
  onlineAgain: (signal: AbortSignal) => Promise<void>;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

const browserEnv = (): ServerEventsEnv => ({
  fetch: (...a) => fetch(...a),
  isOnline: () => navigator.onLine,
  onlineAgain: (signal) =>
    new Promise((resolve) => {
      const done = () => {
        window.removeEventListener('online', done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      window.addEventListener('online', done);
      signal.addEventListener('abort', done);
    }),
  sleep,
});

/** The longest wait between attempts while the device believes it is online. */
export const MAX_RETRY_MS = 30_000;

export function watchServerEvents(
  opts: { token: () => Promise<string | null>; onPoke: () => void },
  env: ServerEventsEnv = browserEnv(),
): () => void {
  const ctrl = new AbortController();
  let failures = 0;
  let broken = false;
  const loop = async () => {
    while (!ctrl.signal.aborted) {
      const token = await opts.token();
      if (!token || ctrl.signal.aborted) return;
      if (!env.isOnline()) {
        broken = true;
        failures = 0;
        await env.onlineAgain(ctrl.signal);
        continue;
      }
      try {
        const res = await env.fetch('/api/sync/events', {
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
          signal: ctrl.signal,
          cache: 'no-store',
        });
        if (res.status === 401) return;
        if (res.ok && res.body) {
          failures = 0;
          if (broken) {
            broken = false;
            opts.onPoke();
          }
          await readEvents(res.body, opts.onPoke);
        }
      } catch {
        // offline or aborted: wait below and try again
      }
      if (ctrl.signal.aborted) return;
      broken = true;
      failures++;
      // Whichever comes first: the backoff, or the network coming back after a cut.
      const wake = new AbortController();
      const stop = () => wake.abort();
      ctrl.signal.addEventListener('abort', stop);
      const wait = [env.sleep(Math.min(MAX_RETRY_MS, 1_000 * 2 ** Math.min(failures, 5)), wake.signal)];
      if (!env.isOnline()) wait.push(env.onlineAgain(wake.signal));
      await Promise.race(wait);
      wake.abort();
      ctrl.signal.removeEventListener('abort', stop);
    }
  };
  void loop();
  return () => ctrl.abort();
}

async function readEvents(body: ReadableStream<Uint8Array>, onPoke: () => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      // Comment lines (": ping") keep the connection alive and are not pokes.
      if (block.split('\n').some((l) => l.startsWith('data:') || l.startsWith('event:'))) onPoke();
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}
