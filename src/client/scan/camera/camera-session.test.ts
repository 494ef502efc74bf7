import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CameraSessionHooks, CameraStatus } from './camera-session';
import type { FromWorker, ToWorker } from './camera-protocol';

/** A stand-in for the decoding worker: records what it is sent, answers when told. */
class FakeWorker {
  static last: FakeWorker | null = null;
  sent: { msg: ToWorker; transfer: Transferable[] }[] = [];
  private listeners = new Map<string, Set<(e: unknown) => void>>();
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(msg: ToWorker, transfer: Transferable[] = []) {
    this.sent.push({ msg, transfer });
  }
  addEventListener(type: string, fn: (e: unknown) => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(fn);
  }
  removeEventListener(type: string, fn: (e: unknown) => void) {
    this.listeners.get(type)?.delete(fn);
  }
  terminate() {}
  answer(msg: FromWorker) {
    this.listeners.get('message')?.forEach((fn) => fn({ data: msg }));
  }
  decodes() {
    return this.sent.filter((s) => s.msg.type === 'decode').map((s) => s.msg as Extract<ToWorker, { type: 'decode' }>);
  }
}

class FakeCanvas {
  drawn: number[][] = [];
  constructor(
    public width: number,
    public height: number,
  ) {}
  getContext() {
    return {
      drawImage: (_v: unknown, ...r: number[]) => this.drawn.push(r),
      getImageData: (_x: number, _y: number, w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) }),
    };
  }
}

function fakeTrack(torch: boolean) {
  return {
    stopped: false,
    constraints: [] as unknown[],
    stop() {
      this.stopped = true;
    },
    getCapabilities: () => (torch ? { torch: true } : {}),
    async applyConstraints(c: unknown) {
      this.constraints.push(c);
    },
  };
}

function fakeVideo() {
  const frames: (() => void)[] = [];
  return {
    frames,
    readyState: 4,
    videoWidth: 1280,
    videoHeight: 720,
    srcObject: null as unknown,
    muted: false,
    playsInline: false,
    play: async () => {},
    requestVideoFrameCallback: (cb: () => void) => frames.push(cb) && 1,
    /** Presents a new camera frame. */
    present() {
      frames.splice(0).forEach((cb) => cb());
    },
  };
}

let track: ReturnType<typeof fakeTrack>;
let getUserMedia: ReturnType<typeof vi.fn>;
let canvas: FakeCanvas | null;

beforeEach(() => {
  vi.resetModules(); // a fresh shared worker per test
  track = fakeTrack(false);
  getUserMedia = vi.fn(async () => ({ getTracks: () => [track], getVideoTracks: () => [track] }));
  canvas = null;
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('navigator', { mediaDevices: { getUserMedia } });
  vi.stubGlobal(
    'OffscreenCanvas',
    class extends FakeCanvas {
      constructor(w: number, h: number) {
        super(w, h);
        // eslint-disable-next-line @typescript-eslint/no-this-alias
        canvas = this;
      }
    },
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

async function open(formats: CameraSessionHooks['formats'] = () => ['ean_13']) {
  const { CameraSession } = await import('./camera-session');
  const video = fakeVideo();
  const statuses: CameraStatus[] = [];
  const codes: string[] = [];
  const torch: { available: boolean; on: boolean }[] = [];
  const session = new CameraSession(video as unknown as HTMLVideoElement, {
    formats,
    onStatus: (s) => statuses.push(s),
    onCodes: (c) => codes.push(...c.map((x) => x.text)),
    onFrame: () => {},
    onTorch: (t) => torch.push(t),
  });
  await session.start({ torch: false });
  return { session, video, statuses, codes, torch, worker: FakeWorker.last! };
}

const decoded = (id: number, texts: string[] = []): FromWorker => ({
  type: 'decoded',
  id,
  engine: 'zxing-wasm',
  ms: 5,
  codes: texts.map((text) => ({ text, format: 'ean_13', symbologyId: ']E0' })),
});

describe('CameraSession', () => {
  it('asks for the rear camera at about 1280x720 and warms the engine for the formats', async () => {
    const { worker, statuses } = await open();
    expect(getUserMedia).toHaveBeenCalledWith({
      audio: false,
      video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
    });
    expect(worker.sent[0]!.msg).toEqual({ type: 'warm', formats: ['ean_13'] });
    expect(statuses.map((s) => s.kind)).toEqual(['starting', 'running']);
  });

  it('keeps exactly one frame in flight, transferring its buffer', async () => {
    const { worker, video, codes } = await open();
    expect(worker.decodes()).toHaveLength(1);
    const first = worker.sent.find((s) => s.msg.type === 'decode')!;
    expect(first.transfer).toEqual([(first.msg as Extract<ToWorker, { type: 'decode' }>).buffer]);
    // New camera frames arrive while the worker is busy: none is grabbed.
    video.present();
    video.present();
    expect(worker.decodes()).toHaveLength(1);
    worker.answer(decoded(worker.decodes()[0]!.id, ['4006381333931']));
    expect(codes).toEqual(['4006381333931']);
    expect(worker.decodes()).toHaveLength(1); // waits for a new frame, not the one just decoded
    video.present();
    expect(worker.decodes()).toHaveLength(2);
    // A stale or unknown answer does not release a second frame.
    worker.answer(decoded(999));
    video.present();
    expect(worker.decodes()).toHaveLength(2);
  });

  it('decodes only the region of interest for the requested formats', async () => {
    let formats: ('ean_13' | 'qr_code')[] = ['ean_13'];
    const { worker, video } = await open(() => formats);
    expect(worker.decodes()[0]).toMatchObject({ width: 1088, height: 324, formats: ['ean_13'] });
    expect(canvas!.drawn[0]).toEqual([96, 198, 1088, 324, 0, 0, 1088, 324]);
    formats = ['qr_code'];
    worker.answer(decoded(worker.decodes()[0]!.id));
    video.present();
    expect(worker.decodes()[1]).toMatchObject({ width: 504, height: 504, formats: ['qr_code'] });
  });

  it('stop() stops the tracks and no frame follows a late answer', async () => {
    const { session, worker, video } = await open();
    session.stop();
    expect(track.stopped).toBe(true);
    expect(video.srcObject).toBeNull();
    worker.answer(decoded(worker.decodes()[0]!.id, ['x']));
    video.present();
    expect(worker.decodes()).toHaveLength(1);
  });

  it('a camera refused by the user is CAMERA_PERMISSION_DENIED', async () => {
    getUserMedia.mockRejectedValueOnce(Object.assign(new Error('denied'), { name: 'NotAllowedError' }));
    const { statuses } = await open();
    expect(statuses.at(-1)).toEqual({ kind: 'error', code: 'CAMERA_PERMISSION_DENIED' });
  });

  it('an engine that cannot start is CAMERA_ENGINE_FAILED and gives the camera back', async () => {
    const { worker, statuses } = await open();
    worker.answer({ type: 'failed', id: null, message: 'wasm' });
    expect(statuses.at(-1)).toEqual({ kind: 'error', code: 'CAMERA_ENGINE_FAILED' });
    expect(track.stopped).toBe(true);
  });

  it('closing while the camera is starting still stops the stream once it arrives', async () => {
    const { CameraSession } = await import('./camera-session');
    let resolve!: (s: unknown) => void;
    getUserMedia.mockReturnValueOnce(new Promise((r) => (resolve = r)));
    const video = fakeVideo();
    const hooks = { formats: () => ['ean_13'] as const, onStatus() {}, onCodes() {}, onFrame() {}, onTorch() {} };
    const session = new CameraSession(video as unknown as HTMLVideoElement, hooks);
    const started = session.start({ torch: false });
    session.stop();
    resolve({ getTracks: () => [track], getVideoTracks: () => [track] });
    await started;
    expect(track.stopped).toBe(true);
    expect(video.srcObject).toBeNull();
  });

  it('offers the torch only where the track supports it, and switches it', async () => {
    expect((await open()).torch.at(-1)).toEqual({ available: false, on: false });
    track = fakeTrack(true);
    const { session, torch } = await open();
    expect(torch.at(-1)).toEqual({ available: true, on: false });
    await session.setTorch(true);
    expect(track.constraints).toEqual([{ advanced: [{ torch: true }] }]);
    expect(torch.at(-1)).toEqual({ available: true, on: true });
  });
});
