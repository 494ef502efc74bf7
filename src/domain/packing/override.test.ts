import { describe, expect, it } from 'vitest';
import {
  NO_PIN_ATTEMPTS,
  OVERRIDE_ITERATIONS,
  PIN_LOCKOUT_MS,
  checkPin,
  deriveOverrideKey,
  isLockedOut,
  makeOverrideSecret,
  nextPinState,
  overrideProof,
  toHex,
  verifyOverrideProof,
  type PinAttempts,
} from './override';

// RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", 1); the first 32 bytes.
const RFC_KEY = '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc';
const SALT_B64 = 'c2FsdA=='; // "salt"
// Computed independently: sha256 of RFC_KEY's bytes, and HMAC-SHA256(RFC_KEY, "order-1:nonce-1") with openssl.
const RFC_CHECK = 'a03b374debd89db6050a2826c03c4188f8fe2c6a26edc95bbe616852468f832c';
const RFC_PROOF = 'd6380be6c67c32edca4c5722ba1ba0d824e5e994ae4eb5e8a3961ef15ac41cef';

describe('deriveOverrideKey and makeOverrideSecret', () => {
  it('matches the published PBKDF2-SHA256 test vector', async () => {
    expect(toHex(await deriveOverrideKey('passwd', SALT_B64, 1))).toBe(RFC_KEY);
  });

  it('keeps the key and its check value consistent', async () => {
    const s = await makeOverrideSecret('passwd', { iterations: 1, salt: SALT_B64 });
    expect(s).toEqual({ salt: SALT_B64, iterations: 1, keyHex: RFC_KEY, check: RFC_CHECK });
  });

  it('defaults to 100 000 iterations and 16 fresh random salt bytes', async () => {
    const a = await makeOverrideSecret('4711');
    const b = await makeOverrideSecret('4711', { iterations: 1 });
    expect(a.iterations).toBe(OVERRIDE_ITERATIONS);
    expect(OVERRIDE_ITERATIONS).toBe(100_000);
    expect(atob(a.salt)).toHaveLength(16);
    expect(a.salt).not.toBe(b.salt);
    expect(a.keyHex).toMatch(/^[0-9a-f]{64}$/);
    expect(a.check).toMatch(/^[0-9a-f]{64}$/);
    expect(await checkPin(a, '4711')).not.toBeNull();
  });

  it.each([
    { name: 'empty PIN', pin: '', iterations: 1 },
    { name: 'zero iterations', pin: '1234', iterations: 0 },
    { name: 'fractional iterations', pin: '1234', iterations: 1.5 },
  ])('refuses to make a secret with $name', async ({ pin, iterations }) => {
    await expect(makeOverrideSecret(pin, { iterations })).rejects.toThrow(RangeError);
  });
});

describe('checkPin', () => {
  const verifier = { userId: 'u1', name: 'Lead', badge: 'B1', salt: SALT_B64, iterations: 1, check: RFC_CHECK };

  it.each<{ name: string; v: Partial<typeof verifier>; pin: string; key: string | null }>([
    { name: 'right PIN gives the key', v: {}, pin: 'passwd', key: RFC_KEY },
    { name: 'check value in upper case still matches', v: { check: RFC_CHECK.toUpperCase() }, pin: 'passwd', key: RFC_KEY },
    { name: 'wrong PIN', v: {}, pin: 'passwe', key: null },
    { name: 'empty PIN', v: {}, pin: '', key: null },
    { name: 'right PIN, other salt', v: { salt: 'c2FsdQ==' }, pin: 'passwd', key: null },
    { name: 'right PIN, other iteration count', v: { iterations: 2 }, pin: 'passwd', key: null },
    { name: 'malformed salt', v: { salt: '***' }, pin: 'passwd', key: null },
    { name: 'zero iterations', v: { iterations: 0 }, pin: 'passwd', key: null },
    { name: 'truncated check value', v: { check: RFC_CHECK.slice(0, 63) }, pin: 'passwd', key: null },
  ])('$name', async ({ v, pin, key }) => {
    const got = await checkPin({ ...verifier, ...v }, pin);
    expect(got === null ? null : toHex(got)).toBe(key);
  });
});

describe('overrideProof and verifyOverrideProof', () => {
  const key = Uint8Array.from(RFC_KEY.match(/../g)!.map((h) => parseInt(h, 16)));

  it('is the HMAC-SHA256 of "orderId:nonce"', async () => {
    expect(await overrideProof(key, 'order-1', 'nonce-1')).toBe(RFC_PROOF);
  });

  it('round-trips from PIN on the device to key on the server', async () => {
    const secret = await makeOverrideSecret('2468', { iterations: 1000 });
    const deviceKey = await checkPin({ salt: secret.salt, iterations: secret.iterations, check: secret.check }, '2468');
    expect(deviceKey).not.toBeNull();
    const proof = await overrideProof(deviceKey!, 'o-42', '1f0c6a2e-1111-4222-8333-444455556666');
    expect(await verifyOverrideProof(secret.keyHex, 'o-42', '1f0c6a2e-1111-4222-8333-444455556666', proof)).toBe(true);
  });

  it.each<{ name: string; keyHex: string; orderId: string; nonce: string; proof: string; ok: boolean }>([
    { name: 'the right proof', keyHex: RFC_KEY, orderId: 'order-1', nonce: 'nonce-1', proof: RFC_PROOF, ok: true },
    { name: 'upper-case hex', keyHex: RFC_KEY.toUpperCase(), orderId: 'order-1', nonce: 'nonce-1', proof: RFC_PROOF.toUpperCase(), ok: true },
    { name: 'another order', keyHex: RFC_KEY, orderId: 'order-2', nonce: 'nonce-1', proof: RFC_PROOF, ok: false },
    { name: 'another nonce', keyHex: RFC_KEY, orderId: 'order-1', nonce: 'nonce-2', proof: RFC_PROOF, ok: false },
    { name: 'the colon moved', keyHex: RFC_KEY, orderId: 'order-1:nonce', nonce: '-1', proof: RFC_PROOF, ok: false },
    { name: "another lead's key", keyHex: RFC_CHECK, orderId: 'order-1', nonce: 'nonce-1', proof: RFC_PROOF, ok: false },
    { name: 'one flipped digit', keyHex: RFC_KEY, orderId: 'order-1', nonce: 'nonce-1', proof: `${RFC_PROOF.slice(0, 63)}e`, ok: false },
    { name: 'short proof', keyHex: RFC_KEY, orderId: 'order-1', nonce: 'nonce-1', proof: RFC_PROOF.slice(0, 62), ok: false },
    { name: 'non-hex proof', keyHex: RFC_KEY, orderId: 'order-1', nonce: 'nonce-1', proof: 'z'.repeat(64), ok: false },
    { name: 'empty proof', keyHex: RFC_KEY, orderId: 'order-1', nonce: 'nonce-1', proof: '', ok: false },
    { name: 'malformed key', keyHex: 'not hex', orderId: 'order-1', nonce: 'nonce-1', proof: RFC_PROOF, ok: false },
    { name: 'empty key', keyHex: '', orderId: 'order-1', nonce: 'nonce-1', proof: RFC_PROOF, ok: false },
  ])('$name -> $ok', async ({ keyHex, orderId, nonce, proof, ok }) => {
    expect(await verifyOverrideProof(keyHex, orderId, nonce, proof)).toBe(ok);
  });
});

describe('PIN lockout', () => {
  const T = 1_700_000_000_000;
  const run = (attempts: { ok: boolean; at: number }[], from: PinAttempts = NO_PIN_ATTEMPTS) =>
    attempts.reduce((s, a) => nextPinState(s, a.ok, a.at), from);
  const wrong = (n: number, at = T) => Array.from({ length: n }, (_, i) => ({ ok: false, at: at + i }));

  it.each<{ name: string; attempts: { ok: boolean; at: number }[]; at: number; locked: boolean }>([
    { name: 'no attempts', attempts: [], at: T, locked: false },
    { name: 'four wrong PINs', attempts: wrong(4), at: T + 10, locked: false },
    { name: 'five wrong PINs', attempts: wrong(5), at: T + 10, locked: true },
    { name: 'locked until just before five minutes', attempts: wrong(5), at: T + 4 + PIN_LOCKOUT_MS - 1, locked: true },
    { name: 'free again after five minutes', attempts: wrong(5), at: T + 4 + PIN_LOCKOUT_MS, locked: false },
    { name: 'a right PIN resets the count', attempts: [...wrong(4), { ok: true, at: T + 5 }, ...wrong(4, T + 6)], at: T + 20, locked: false },
    { name: 'a right PIN during the lockout is ignored', attempts: [...wrong(5), { ok: true, at: T + 10 }], at: T + 20, locked: true },
    {
      name: 'after a lockout runs out, one wrong PIN does not lock again',
      attempts: [...wrong(5), { ok: false, at: T + 4 + PIN_LOCKOUT_MS }],
      at: T + 5 + PIN_LOCKOUT_MS,
      locked: false,
    },
    {
      name: 'after a lockout runs out, five more wrong PINs lock again',
      attempts: [...wrong(5), ...wrong(5, T + 4 + PIN_LOCKOUT_MS)],
      at: T + 10 + PIN_LOCKOUT_MS,
      locked: true,
    },
  ])('$name -> locked $locked', ({ attempts, at, locked }) => {
    expect(isLockedOut(run(attempts), at)).toBe(locked);
  });

  it('counts wrong PINs and records when the lockout ends', () => {
    expect(run(wrong(3))).toEqual({ failures: 3, lockedUntil: null });
    expect(run(wrong(5))).toEqual({ failures: 0, lockedUntil: T + 4 + PIN_LOCKOUT_MS });
  });

  it('does not extend a lockout with attempts made during it', () => {
    const locked = run(wrong(5));
    expect(run(wrong(3, T + 100), locked)).toBe(locked);
  });
});
