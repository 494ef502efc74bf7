import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { LOCKOUT_MINUTES, MAX_PIN_FAILURES, type LoginRequest, type LoginResponse } from '../../domain/auth';
import { ErrorCode } from '../../domain/errors';
import type { UserPublic } from '../../domain/model';
import type { Database } from '../db/schema';
import { ApiError } from '../services/api-error';
import { toUserPublic } from '../services/mappers';
import { burnPinCheck, verifyPin } from './pin';

/** A shift and a bit: a handheld that was offline all shift can still sync its outbox. */
export const SESSION_HOURS = 24;

export interface AuthContext {
  user: UserPublic;
  warehouseId: string;
  deviceId: string;
  sessionId: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function login(db: Kysely<Database>, req: LoginRequest, now = new Date()): Promise<LoginResponse> {
  const badge = req.badge.trim().toUpperCase();
  const user = await db.selectFrom('users').selectAll().where('badge', '=', badge).executeTakeFirst();
  if (!user) {
    await burnPinCheck(req.pin);
    throw new ApiError(401, ErrorCode.INVALID_CREDENTIALS, 'badge or PIN not recognised');
  }
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw new ApiError(423, ErrorCode.BADGE_LOCKED, 'too many wrong PINs; badge locked', { lockedUntil: user.locked_until });
  }
  if (!(await verifyPin(req.pin, user.pin_hash))) {
    // Count from zero again once an earlier lockout has run out.
    const failures = (user.locked_until ? 0 : Number(user.failed_pin_count)) + 1;
    const lock = failures >= MAX_PIN_FAILURES;
    const lockedUntil = lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
    await db
      .updateTable('users')
      .set({ failed_pin_count: lock ? 0 : failures, locked_until: lockedUntil })
      .where('id', '=', user.id)
      .execute();
    if (lock) throw new ApiError(423, ErrorCode.BADGE_LOCKED, 'too many wrong PINs; badge locked', { lockedUntil });
    throw new ApiError(401, ErrorCode.INVALID_CREDENTIALS, 'badge or PIN not recognised', {
      attemptsLeft: MAX_PIN_FAILURES - failures,
    });
  }
  const token = randomBytes(32).toString('base64url');
  const iso = now.toISOString();
  await db.transaction().execute(async (trx) => {
    if (user.failed_pin_count !== 0 || user.locked_until !== null) {
      await trx.updateTable('users').set({ failed_pin_count: 0, locked_until: null }).where('id', '=', user.id).execute();
    }
    const device = await trx.selectFrom('devices').select(['id', 'warehouse_id']).where('id', '=', req.deviceId).executeTakeFirst();
    if (device && device.warehouse_id !== user.warehouse_id) {
      throw new ApiError(403, ErrorCode.DEVICE_MISMATCH, 'this device belongs to another warehouse');
    }
    if (device) {
      await trx.updateTable('devices').set({ user_id: user.id, last_seen: iso }).where('id', '=', req.deviceId).execute();
    } else {
      await trx
        .insertInto('devices')
        .values({
          id: req.deviceId,
          warehouse_id: user.warehouse_id,
          user_id: user.id,
          name: null,
          app_version: null,
          last_seen: iso,
          last_seq: 0,
          created_at: iso,
        })
        .execute();
    }
    await trx
      .insertInto('sessions')
      .values({
        id: uuidv7(),
        token_hash: hashToken(token),
        user_id: user.id,
        device_id: req.deviceId,
        created_at: iso,
        expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
        revoked_at: null,
      })
      .execute();
  });
  return { token, user: toUserPublic(user) };
}

/** The session behind a bearer token, or null when it is unknown, revoked or expired. */
export async function authenticate(db: Kysely<Database>, token: string, now = new Date()): Promise<AuthContext | null> {
  if (token.length < 20 || token.length > 200) return null;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.device_id',
      'sessions.expires_at',
      'sessions.revoked_at',
      'users.id',
      'users.name',
      'users.roles',
      'users.language',
      'users.warehouse_id',
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.expires_at <= now.toISOString()) return null;
  return { user: toUserPublic(row), warehouseId: row.warehouse_id, deviceId: row.device_id, sessionId: row.session_id };
}

export async function logout(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: new Date().toISOString() }).where('id', '=', sessionId).execute();
}
