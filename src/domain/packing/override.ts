import type { OverrideVerifier } from './types';

/**
 * A lead approves a weight outside tolerance with badge and PIN at a bench that may be
 * offline. The device holds only SHA-256 of the PBKDF2 key (`check`), so it can tell a
 * right PIN from a wrong one without the server; the server holds the key itself and
 * is convinced by an HMAC the device can only make from the right PIN. The device never
 * holds anything that proves an override without the PIN.
 */

export const OVERRIDE_ITERATIONS = 100_000;
const KEY_BITS = 256;
const SALT_BYTES = 16;

export interface OverrideSecret {
  /** Base64 of 16 random bytes. */
  salt: string;
  iterations: number;
  /** The PBKDF2 key, hex: stays on the server. */
  keyHex: string;
  /** Hex SHA-256 of the key bytes: goes to devices. */
  check: string;
}

// Typed from globalThis so the server build (no DOM lib) and the client build agree.
type Subtle = typeof globalThis.crypto.subtle;
type HmacKey = Awaited<ReturnType<Subtle['importKey']>>;
const subtle = (): Subtle => globalThis.crypto.subtle;
const utf8 = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s);

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Bytes of a hex string, or null when it is not whole bytes of hex. */
export function fromHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** Equal-length strings compared without stopping at the first difference. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function checkIterations(iterations: number): void {
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError(`PBKDF2 iterations must be a positive integer, got ${iterations}`);
}

/** PBKDF2-SHA256(pin, base64 salt, iterations) -> 32 bytes. Throws on a malformed salt or count. */
export async function deriveOverrideKey(pin: string, salt: string, iterations: number): Promise<Uint8Array> {
  checkIterations(iterations);
  const base = await subtle().importKey('raw', utf8(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations }, base, KEY_BITS);
  return new Uint8Array(bits);
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await subtle().digest('SHA-256', Uint8Array.from(bytes))));
}

/** A lead's override secret, made when an admin sets their PIN. */
export async function makeOverrideSecret(pin: string, opts: { iterations?: number; salt?: string } = {}): Promise<OverrideSecret> {
  if (pin.length === 0) throw new RangeError('an override PIN cannot be empty');
  const iterations = opts.iterations ?? OVERRIDE_ITERATIONS;
  const salt = opts.salt ?? toBase64(globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES)));
  const key = await deriveOverrideKey(pin, salt, iterations);
  return { salt, iterations, keyHex: toHex(key), check: await sha256Hex(key) };
}

/** The key when this PIN is the lead's, else null (also null for a malformed verifier). */
export async function checkPin(verifier: Pick<OverrideVerifier, 'salt' | 'iterations' | 'check'>, pin: string): Promise<Uint8Array | null> {
  let key: Uint8Array;
  try {
    key = await deriveOverrideKey(pin, verifier.salt, verifier.iterations);
  } catch {
    return null;
  }
  return constantTimeEqual(await sha256Hex(key), verifier.check.toLowerCase()) ? key : null;
}

const proofMessage = (orderId: string, nonce: string) => utf8(`${orderId}:${nonce}`);

async function hmacKey(key: Uint8Array, usage: 'sign' | 'verify'): Promise<HmacKey> {
  return subtle().importKey('raw', Uint8Array.from(key), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

/** Hex HMAC-SHA256(key, `${orderId}:${nonce}`): what the device sends with the override. */
export async function overrideProof(key: Uint8Array, orderId: string, nonce: string): Promise<string> {
  const sig = await subtle().sign('HMAC', await hmacKey(key, 'sign'), proofMessage(orderId, nonce));
  return toHex(new Uint8Array(sig));
}

/** Whether `proof` is the override proof for this order and nonce. Never throws. */
export async function verifyOverrideProof(keyHex: string, orderId: string, nonce: string, proof: string): Promise<boolean> {
  if (!/^[0-9a-fA-F]{64}$/.test(keyHex) || !/^[0-9a-fA-F]{64}$/.test(proof)) return false;
  try {
    // WebCrypto's HMAC verify compares in constant time.
    return await subtle().verify('HMAC', await hmacKey(fromHex(keyHex)!, 'verify'), fromHex(proof)!, proofMessage(orderId, nonce));
  } catch {
    return false;
  }
}

// --- Local PIN lockout --------------------------------------------------------------
// The check value lets a stolen device test PINs offline, so the bench itself slows
// guessing at the keypad: the device keeps one of these per badge.

export const PIN_MAX_FAILURES = 5;
export const PIN_LOCKOUT_MS = 5 * 60_000;

export interface PinAttempts {
  /** Wrong PINs in a row since the last right one or the last lockout. */
  failures: number;
  /** Epoch ms until which the badge is refused, or null. */
  lockedUntil: number | null;
}

export const NO_PIN_ATTEMPTS: PinAttempts = { failures: 0, lockedUntil: null };

export function isLockedOut(state: PinAttempts, now: number): boolean {
  return state.lockedUntil !== null && now < state.lockedUntil;
}

/** The state after a PIN attempt at `now` (epoch ms). Attempts during a lockout change nothing. */
export function nextPinState(state: PinAttempts, ok: boolean, now: number): PinAttempts {
  if (isLockedOut(state, now)) return state;
  if (ok) return NO_PIN_ATTEMPTS;
  // A lockout that has run out starts the count afresh.
  const failures = (state.lockedUntil === null ? state.failures : 0) + 1;
  return failures >= PIN_MAX_FAILURES ? { failures: 0, lockedUntil: now + PIN_LOCKOUT_MS } : { failures, lockedUntil: null };
}
