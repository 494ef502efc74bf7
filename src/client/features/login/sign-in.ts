import { LOCKOUT_MINUTES, LoginResponse } from '../../../domain/auth';
import { deviceId } from '../../local/meta';
import { requestPersistentStorage, saveSession } from '../../local/session';
import { apiFetch, NetworkError } from '../../sync/api';

export type SignInResult =
  | { ok: true; user: LoginResponse['user'] }
  /** `OFFLINE` is the client's own code: there was no server to ask. */
  | { ok: false; code: string; minutes?: number };

function lockMinutes(details: unknown): number {
  const d = (details ?? {}) as { minutes?: unknown; retryAfterSeconds?: unknown; lockedUntil?: unknown };
  if (typeof d.minutes === 'number') return Math.max(1, Math.ceil(d.minutes));
  if (typeof d.retryAfterSeconds === 'number') return Math.max(1, Math.ceil(d.retryAfterSeconds / 60));
  if (typeof d.lockedUntil === 'string') {
    const ms = Date.parse(d.lockedUntil) - Date.now();
    if (Number.isFinite(ms)) return Math.max(1, Math.ceil(ms / 60_000));
  }
  return LOCKOUT_MINUTES;
}

/** Signs in against the server; the session is then kept on the device for offline use. */
export async function signIn(badge: string, pin: string): Promise<SignInResult> {
  if (!navigator.onLine) return { ok: false, code: 'OFFLINE' };
  try {
    const res = await apiFetch<unknown>('/api/auth/login', {
      method: 'POST',
      body: { badge: badge.trim(), pin, deviceId: await deviceId() },
    });
    if (!res.ok) {
      if (res.code === 'BADGE_LOCKED') return { ok: false, code: res.code, minutes: lockMinutes(res.details) };
      return { ok: false, code: res.status >= 500 ? 'TRANSIENT' : res.code };
    }
    const body = LoginResponse.safeParse(res.body);
    if (!body.success) return { ok: false, code: 'INTERNAL' };
    await saveSession(body.data.token, body.data.user);
    void requestPersistentStorage();
    return { ok: true, user: body.data.user };
  } catch (err) {
    if (err instanceof NetworkError) return { ok: false, code: 'OFFLINE' };
    return { ok: false, code: 'STORAGE_FAILED' };
  }
}
