import { ErrorCode } from '../../../domain/errors';
import type { BarcodeFormat, Decoded, EngineName } from '../decoder/types';
import { cameraErrorCode, type CameraErrorCode } from './camera-errors';
import type { FromWorker, ToWorker } from './camera-protocol';
import { regionOfInterest, type Rect } from './roi';

export type CameraStatus = { kind: 'starting' } | { kind: 'running' } | { kind: 'error'; code: CameraErrorCode };

export interface CameraSessionHooks {
  /** The formats wanted right now (the listening step's), read for every frame. */
  formats(): readonly BarcodeFormat[];
  onStatus(status: CameraStatus): void;
  /** Codes found in one frame, with the time the answer arrived (performance.now()). */
  onCodes(codes: Decoded[], at: number): void;
  onFrame(info: { width: number; height: number; roi: Rect; engine: EngineName; decodeMs: number }): void;
  onTorch(torch: { available: boolean; on: boolean }): void;
}

/**
 * The worker outlives one opening of the view: a second scan session starts with the
 * engine already compiled. It is dropped when it fails, so the next opening retries.
 */
let shared: Worker | null = null;
function decoderWorker(): Worker {
  shared ??= new Worker(new URL('./camera-worker.ts', import.meta.url), { type: 'module', name: 'tote-camera' });
  return shared;
}

type TorchConstraint = MediaTrackConstraintSet & { torch?: boolean };

/**
 * One opening of the camera: the stream, the frame loop and the worker conversation.
 * Exactly one frame is in flight: the next crop is grabbed only when the worker has
 * answered the last, so decoding never falls behind the camera.
 */
export class CameraSession {
  private stopped = false;
  private stream: MediaStream | null = null;
  private worker: Worker | null = null;
  private inFlight: number | null = null;
  private seq = 0;
  private canvas: HTMLCanvasElement | OffscreenCanvas | null = null;
  private ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private torchOn = false;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly hooks: CameraSessionHooks,
  ) {}

  async start(opts: { torch: boolean }): Promise<void> {
    this.hooks.onStatus({ kind: 'starting' });
    // The engine loads while the camera starts: the two are the slow parts of opening.
    try {
      this.worker = decoderWorker();
    } catch {
      return this.fail(ErrorCode.CAMERA_ENGINE_FAILED);
    }
    this.worker.addEventListener('message', this.onMessage);
    this.worker.addEventListener('error', this.onWorkerError);
    this.post({ type: 'warm', formats: this.hooks.formats() });

    let stream: MediaStream;
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error('no mediaDevices (insecure context?)');
      stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
      });
    } catch (err) {
      return this.fail(cameraErrorCode(err));
    }
    if (this.stopped) {
      stream.getTracks().forEach((t) => t.stop());
      return;
    }
    this.stream = stream;
    const v = this.video;
    v.muted = true;
    v.playsInline = true;
    v.srcObject = stream;
    try {
      await v.play();
    } catch (err) {
      // play() is interrupted when the view closes while starting: not an error then.
      if (this.stopped) return;
      return this.fail(cameraErrorCode(err));
    }
    if (this.stopped) return;
    await this.initTorch(opts.torch);
    if (this.stopped) return;
    this.hooks.onStatus({ kind: 'running' });
    this.grab();
  }

  /** Stops the tracks (the camera light goes off) and the frame loop. Idempotent. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = null;
    this.video.srcObject = null;
    this.worker?.removeEventListener('message', this.onMessage);
    this.worker?.removeEventListener('error', this.onWorkerError);
    this.inFlight = null;
  }

  async setTorch(on: boolean): Promise<void> {
    const track = this.stream?.getVideoTracks()[0];
    if (!track) return;
    try {
      await track.applyConstraints({ advanced: [{ torch: on } as TorchConstraint] });
      this.torchOn = on;
    } catch {
      // the light refused: leave the switch as it was
    }
    this.hooks.onTorch({ available: true, on: this.torchOn });
  }

  private async initTorch(wanted: boolean) {
    const track = this.stream?.getVideoTracks()[0];
    const caps = (track?.getCapabilities?.() ?? {}) as MediaTrackCapabilities & { torch?: boolean };
    const available = caps.torch === true;
    this.hooks.onTorch({ available, on: false });
    if (available && wanted) await this.setTorch(true);
  }

  private fail(code: CameraErrorCode) {
    this.stop();
    this.hooks.onStatus({ kind: 'error', code });
  }

  private post(msg: ToWorker, transfer: Transferable[] = []) {
    this.worker?.postMessage(msg, transfer);
  }

  private onWorkerError = (e: ErrorEvent) => {
    e.preventDefault();
    if (shared === this.worker) {
      shared?.terminate();
      shared = null;
    }
    this.fail(ErrorCode.CAMERA_ENGINE_FAILED);
  };

  private onMessage = (e: MessageEvent<FromWorker>) => {
    const msg = e.data;
    if (this.stopped) return;
    if (msg.type === 'failed') {
      if (msg.id === null || msg.id === this.inFlight) this.fail(ErrorCode.CAMERA_ENGINE_FAILED);
      return;
    }
    if (msg.type !== 'decoded' || msg.id !== this.inFlight) return;
    this.inFlight = null;
    const v = this.video;
    this.hooks.onFrame({
      width: v.videoWidth,
      height: v.videoHeight,
      roi: regionOfInterest(v.videoWidth, v.videoHeight, this.hooks.formats()),
      engine: msg.engine,
      decodeMs: msg.ms,
    });
    if (msg.codes.length > 0) this.hooks.onCodes(msg.codes, performance.now());
    this.next();
  };

  /** Waits for a new camera frame (not the one just decoded) before the next grab. */
  private next() {
    if (this.stopped) return;
    const v = this.video;
    const frameCallbacks = typeof v.requestVideoFrameCallback === 'function';
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
      this.grab();
    };
    if (frameCallbacks) v.requestVideoFrameCallback(go);
    // Where frame callbacks are missing or stall, a frame's time at 30 fps.
    this.timer = setTimeout(go, frameCallbacks ? 100 : 33);
  }

  private grab() {
    if (this.stopped || this.inFlight !== null) return;
    const v = this.video;
    if (v.readyState < 2 || v.videoWidth === 0) return this.next();
    const formats = this.hooks.formats();
    const roi = regionOfInterest(v.videoWidth, v.videoHeight, formats);
    const ctx = this.context(roi.width, roi.height);
    if (!ctx) return this.fail(ErrorCode.CAMERA_ENGINE_FAILED);
    ctx.drawImage(v, roi.x, roi.y, roi.width, roi.height, 0, 0, roi.width, roi.height);
    const img = ctx.getImageData(0, 0, roi.width, roi.height);
    const id = ++this.seq;
    this.inFlight = id;
    const buffer = img.data.buffer as ArrayBuffer;
    this.post({ type: 'decode', id, width: roi.width, height: roi.height, buffer, formats: [...formats] }, [buffer]);
  }

  private context(width: number, height: number) {
    if (!this.canvas) {
      this.canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : document.createElement('canvas');
      // CPU-backed: every frame is read back with getImageData.
      this.ctx = this.canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    }
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    return this.ctx;
  }
}
