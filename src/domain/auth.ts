import { z } from 'zod';
import { UserPublic } from './model';

export const LoginRequest = z.strictObject({
  badge: z.string().trim().min(1).max(64),
  pin: z.string().regex(/^\d{4,8}$/, 'PIN is 4 to 8 digits'),
  deviceId: z.string().min(1).max(100),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({ token: z.string(), user: UserPublic });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const MAX_PIN_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;
