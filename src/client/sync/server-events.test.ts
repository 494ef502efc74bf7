import { describe, expect, it } from 'vitest';
import { watchServerEvents, type ServerEventsEnv } from './server-events';

/** A stand-in network: each fetch gets a stream the test writes to and closes, or a failure. */
function fakeNet() {
  let online = true;
  const onlineWaiters: (() => void)[] = [];
  const sleeps: number[] = [];
  const sleepers: (() => void)[] = [];
  const streams: ReadableStreamDefaultController<Uint8Array>[] = [];
  let failNext = 0;
  const env: ServerEventsEnv = {
    fetch: (() => {
      if (!online || failNext > 0) {
        failNext = Math.max(0, failNext - 1);
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      const body = new ReadableStream<Uint8Array>({ start: (c) => void streams.push(c) });
      return Promise.resolve(new Response(body, { status: 200 }));
    }) as typeof fetch,
    isOnline: () => online,
    onlineAgain: (signal) =>
      new Promise((resolve) => {
        onlineWaiters.push(resolve);
        signal.addEventListener('abort', () => resolve());
      }),
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        sleeps.push(ms);
        sleepers.push(resolve);
        signal.addEventListener('abort', () => resolve());
      }),
  };
  const enc = new TextEncoder();
  return {
    env,
    sleeps,
    streams,
    send: (i: number, text: string) => streams[i]!.enqueue(enc.encode(text)),
    close: (i: number) => streams[i]!.close(),
    breakStream: (i: number) => streams[i]!.error(new TypeError('network changed')),
    failNextFetches: (n: number) => void (failNext = n),
    setOnline: (v: boolean) => {
      online = v;
      if (v) for (const w of onlineWaiters.splice(0)) w();
    },
    wakeSleepers: () => {
      for (const s of sleepers.splice(0)) s();
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
async function until(cond: () => boolean) {
  for (let i = 0; i < 100 && !cond(); i++) await settle();
  expect(cond()).toBe(true);
}

describe('server events', () => {
  it('pokes for data and event blocks, not for keep-alive comments', async () => {
    const net = fakeNet();
    let pokes = 0;
    const stop = watchServerEvents({ token: async () => 't', onPoke: () => pokes++ }, net.env);
    await until(() => net.streams.length === 1);
    net.send(0, ': ping\n\n');
    net.send(0, 'event: poke\ndata: {}\n\n');
    net.send(0, 'data: {"a":1}\r\n\r\n');
    await until(() => pokes === 2);
    await settle();
    expect(pokes).toBe(2);
    stop();
  });

  it('reconnects the moment the network is back after a cut, with no backoff, and pokes to catch up', async () => {
    const net = fakeNet();
    let pokes = 0;
    const stop = watchServerEvents({ token: async () => 't', onPoke: () => pokes++ }, net.env);
    await until(() => net.streams.length === 1);
    // The cut: the stream breaks and the device reports offline while it waits.
    net.setOnline(false);
    net.breakStream(0);
    await until(() => net.sleeps.length === 1);
    // However long the cut lasts, no further attempts pile up a longer wait.
    for (let i = 0; i < 5; i++) await settle();
    expect(net.sleeps).toEqual([2_000]);
    net.setOnline(true);
    await until(() => net.streams.length === 2);
    await until(() => pokes === 1);
    expect(net.sleeps).toEqual([2_000]);
    stop();
  });

  it('backs off while online and the server does not answer, and the first good connection pokes once', async () => {
    const net = fakeNet();
    let pokes = 0;
    net.failNextFetches(3);
    const stop = watchServerEvents({ token: async () => 't', onPoke: () => pokes++ }, net.env);
    for (const n of [1, 2, 3]) {
      await until(() => net.sleeps.length === n);
      net.wakeSleepers();
    }
    await until(() => net.streams.length === 1);
    expect(net.sleeps).toEqual([2_000, 4_000, 8_000]);
    await until(() => pokes === 1);
    // A stream that was never broken does not poke on its own.
    net.close(0);
    await until(() => net.sleeps.length === 4);
    expect(pokes).toBe(1);
    stop();
  });

  it('stops for good when signed out (no token) or when the server says 401', async () => {
    const net = fakeNet();
    let calls = 0;
    const env = { ...net.env, fetch: (() => (calls++, Promise.resolve(new Response(null, { status: 401 })))) as typeof fetch };
    watchServerEvents({ token: async () => 't', onPoke: () => {} }, env);
    await until(() => calls === 1);
    for (let i = 0; i < 5; i++) await settle();
    expect(calls).toBe(1);
    expect(net.sleeps).toEqual([]);
  });
});
