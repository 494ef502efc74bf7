import { describe, expect, it } from 'vitest';
import { cameraErrorCode } from './camera-errors';

const named = (name: string) => Object.assign(new Error(name), { name });

describe('cameraErrorCode', () => {
  const cases: [unknown, string][] = [
    [named('NotAllowedError'), 'CAMERA_PERMISSION_DENIED'],
    [named('PermissionDeniedError'), 'CAMERA_PERMISSION_DENIED'],
    [named('SecurityError'), 'CAMERA_PERMISSION_DENIED'],
    [named('NotFoundError'), 'CAMERA_NOT_FOUND'],
    [named('DevicesNotFoundError'), 'CAMERA_NOT_FOUND'],
    [named('OverconstrainedError'), 'CAMERA_NOT_FOUND'],
    [named('NotReadableError'), 'CAMERA_UNAVAILABLE'],
    [named('AbortError'), 'CAMERA_UNAVAILABLE'],
    [new TypeError('navigator.mediaDevices is undefined'), 'CAMERA_UNAVAILABLE'],
    [null, 'CAMERA_UNAVAILABLE'],
    ['a string', 'CAMERA_UNAVAILABLE'],
  ];
  for (const [err, code] of cases) {
    it(`${String((err as { name?: string } | null)?.name ?? err)} -> ${code}`, () => {
      expect(cameraErrorCode(err)).toBe(code);
    });
  }
});
