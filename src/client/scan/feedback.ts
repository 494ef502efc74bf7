import { useFeedbackStore } from './feedback-store';

/**
 * A worker looking at a shelf must know the result of a scan without reading: a tone,
 * a full-screen flash and a buzz, each distinct for success and error.
 */
let audio: AudioContext | null = null;

function tone(kind: 'success' | 'error' | 'warning'): void {
  try {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return;
    audio ??= new Ctor();
    if (audio.state === 'suspended') void audio.resume();
    const t0 = audio.currentTime;
    // Success: one short high beep. Error: two low buzzes, unmistakable over floor noise.
    // Warning (confirm before accepting): two rising mid beeps, neither success nor error.
    const beeps =
      kind === 'success'
        ? [{ f: 1760, at: 0, len: 0.09 }]
        : kind === 'warning'
          ? [{ f: 660, at: 0, len: 0.1 }, { f: 990, at: 0.14, len: 0.12 }]
          : [{ f: 220, at: 0, len: 0.15 }, { f: 180, at: 0.2, len: 0.2 }];
    for (const b of beeps) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = kind === 'error' ? 'square' : 'sine';
      osc.frequency.value = b.f;
      gain.gain.setValueAtTime(0.25, t0 + b.at);
      gain.gain.exponentialRampToValueAtTime(0.001, t0 + b.at + b.len);
      osc.connect(gain).connect(audio.destination);
      osc.start(t0 + b.at);
      osc.stop(t0 + b.at + b.len + 0.02);
    }
  } catch {
    // No audio output (or blocked): the flash and vibration still tell the worker.
  }
}

export function signal(kind: 'success' | 'error', message: string): void {
  tone(kind);
  try {
    navigator.vibrate?.(kind === 'success' ? 60 : [120, 80, 120]);
  } catch {
    // vibrate is missing or refused outside a user gesture on some browsers
  }
  useFeedbackStore.getState().show({ kind, message });
}

/** A scan held for confirmation: the dialog is the visual, this is the sound and the buzz. */
export function signalWarning(): void {
  tone('warning');
  try {
    navigator.vibrate?.([60, 60, 60, 60, 60]);
  } catch {
    // as above
  }
}
