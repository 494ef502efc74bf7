import { ErrorCode } from '../../../domain/errors';

export type CameraErrorCode =
  | typeof ErrorCode.CAMERA_PERMISSION_DENIED
  | typeof ErrorCode.CAMERA_NOT_FOUND
  | typeof ErrorCode.CAMERA_UNAVAILABLE
  | typeof ErrorCode.CAMERA_ENGINE_FAILED;

/** What a getUserMedia failure means to the worker holding the device. */
export function cameraErrorCode(err: unknown): CameraErrorCode {
  const name = typeof err === 'object' && err !== null && 'name' in err ? String((err as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError': // older Chrome
    case 'SecurityError':
      return ErrorCode.CAMERA_PERMISSION_DENIED;
    case 'NotFoundError':
    case 'DevicesNotFoundError': // older Chrome
    case 'OverconstrainedError':
      return ErrorCode.CAMERA_NOT_FOUND;
    default:
      // NotReadableError (another app holds the camera), AbortError, no mediaDevices (http)...
      return ErrorCode.CAMERA_UNAVAILABLE;
  }
}
