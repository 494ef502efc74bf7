/**
 * Set when a camera button is pressed; the first decode measures from it
 * (`tote:camera-first-decode`, read by `tests/bench/camera.ts`). Kept out of the lazy
 * chunk: the mark must be set before the chunk starts loading.
 */
export const CAMERA_OPEN_MARK = 'tote:camera-open';

export function markCameraOpen(): void {
  try {
    performance.clearMarks(CAMERA_OPEN_MARK);
    performance.mark(CAMERA_OPEN_MARK);
  } catch {
    // no User Timing: nothing measured
  }
}
