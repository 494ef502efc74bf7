/**
 * Reads GET /api/sync/events with fetch streaming (EventSource cannot send a bearer
 * header). Every event is only a poke: the data itself always comes through a pull.
 */
export function watchServerEvents(opts: { token: () => Promise<string | null>; onPoke: () => void }): () => void {
  const ctrl = new AbortController();
  let failures = 0;
  const loop = async () => {
    while (!ctrl.signal.aborted) {
      const token = await opts.token();
      if (!token) return;
      if (navigator.onLine) {
        try {
          const res = await fetch('/api/sync/events', {
            headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
            signal: ctrl.signal,
            cache: 'no-store',
          });
          if (res.status === 401) return;
          if (res.ok && res.body) {
            failures = 0;
            await readEvents(res.body, opts.onPoke);
          }
        } catch {
          // offline or aborted: wait below and try again
        }
      }
      if (ctrl.signal.aborted) return;
      failures++;
      await sleep(Math.min(60_000, 2_000 * 2 ** Math.min(failures, 5)), ctrl.signal);
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
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}
