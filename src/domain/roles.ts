export const ROLES = ['picker', 'packer', 'receiver', 'returns', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function hasAnyRole(userRoles: readonly string[], allowed: readonly Role[]): boolean {
  return userRoles.includes('admin') || allowed.some((r) => userRoles.includes(r));
}
