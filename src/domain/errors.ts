/**
 * Every error Tote reports is a code from this map. The API sends the code with an
 * English message for logs; the UI translates the code (see client i18n `errors.*`).
 */
export const ErrorCode = {
  // request shape
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  MALFORMED_JSON: 'MALFORMED_JSON',
  BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  RATE_LIMITED: 'RATE_LIMITED',
  // auth
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  BADGE_LOCKED: 'BADGE_LOCKED',
  FORBIDDEN: 'FORBIDDEN',
  DEVICE_MISMATCH: 'DEVICE_MISMATCH',
  // sync protocol
  SEQ_GAP: 'SEQ_GAP',
  UNKNOWN_COMMAND: 'UNKNOWN_COMMAND',
  UNSUPPORTED_ARGS_VERSION: 'UNSUPPORTED_ARGS_VERSION',
  TRANSIENT: 'TRANSIENT',
  // business refusals (results, not HTTP errors)
  TASK_NOT_FOUND: 'TASK_NOT_FOUND',
  WAVE_NOT_FOUND: 'WAVE_NOT_FOUND',
  USER_NOT_FOUND: 'USER_NOT_FOUND',
  LINE_ALREADY_PICKED: 'LINE_ALREADY_PICKED',
  WAVE_CLOSED: 'WAVE_CLOSED',
  TOTE_IN_USE: 'TOTE_IN_USE',
  UNKNOWN_TOTE: 'UNKNOWN_TOTE',
  OVER_PICK: 'OVER_PICK',
  NOT_A_PICKER: 'NOT_A_PICKER',
  // cluster cart and typed quantities (picking)
  TOTE_ALREADY_ON_CART: 'TOTE_ALREADY_ON_CART',
  QTY_NOT_A_NUMBER: 'QTY_NOT_A_NUMBER',
  QTY_ZERO: 'QTY_ZERO',
  // undo and conflicts (picking)
  UNDO_NOT_FOUND: 'UNDO_NOT_FOUND',
  ALREADY_UNDONE: 'ALREADY_UNDONE',
  TOTE_LEFT_CART: 'TOTE_LEFT_CART',
  UNDO_QTY_MISMATCH: 'UNDO_QTY_MISMATCH',
  UNDO_NOT_YOURS: 'UNDO_NOT_YOURS',
  WAVE_REASSIGNED: 'WAVE_REASSIGNED',
  NEGATIVE_STOCK: 'NEGATIVE_STOCK',
  // wave drop-off at a pack bench (picking)
  WAVE_NOT_DONE: 'WAVE_NOT_DONE',
  NOT_A_PACK_BENCH: 'NOT_A_PACK_BENCH',
  // lots and expiry (picking)
  LOT_MISMATCH: 'LOT_MISMATCH',
  LOT_EXPIRES_LATER: 'LOT_EXPIRES_LATER',
  LOT_INSIDE_SHELF_LIFE: 'LOT_INSIDE_SHELF_LIFE',
  LOT_UNKNOWN: 'LOT_UNKNOWN',
  // scan-time refusals (client only, nothing is recorded)
  WRONG_BIN: 'WRONG_BIN',
  WRONG_ITEM: 'WRONG_ITEM',
  WRONG_TOTE: 'WRONG_TOTE',
  UNKNOWN_BARCODE: 'UNKNOWN_BARCODE',
  EXPECTED_BIN: 'EXPECTED_BIN',
  EXPECTED_ITEM: 'EXPECTED_ITEM',
  EXPECTED_TOTE: 'EXPECTED_TOTE',
  BAD_CHECK_DIGIT: 'BAD_CHECK_DIGIT',
  // camera (client only)
  CAMERA_PERMISSION_DENIED: 'CAMERA_PERMISSION_DENIED',
  CAMERA_NOT_FOUND: 'CAMERA_NOT_FOUND',
  CAMERA_UNAVAILABLE: 'CAMERA_UNAVAILABLE',
  CAMERA_ENGINE_FAILED: 'CAMERA_ENGINE_FAILED',
  // GS1 data that cannot be trusted (client only: the scan is refused, nothing is recorded)
  GS1_UNKNOWN_AI: 'GS1_UNKNOWN_AI',
  GS1_BAD_LENGTH: 'GS1_BAD_LENGTH',
  GS1_BAD_CHECK_DIGIT: 'GS1_BAD_CHECK_DIGIT',
  GS1_BAD_DATE: 'GS1_BAD_DATE',
  GS1_BAD_CHARACTER: 'GS1_BAD_CHARACTER',
  GS1_DUPLICATE_AI: 'GS1_DUPLICATE_AI',
  GS1_TRUNCATED: 'GS1_TRUNCATED',
  // GS1 scan warning: the worker confirms before the scan is used
  GS1_SEPARATOR_MAYBE_LOST: 'GS1_SEPARATOR_MAYBE_LOST',
  // local storage
  STORAGE_FAILED: 'STORAGE_FAILED',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Body of every 4xx/5xx answer from the API. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** A refusal raised by a domain rule; carried as a value, never thrown across the wire. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
