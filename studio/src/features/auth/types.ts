/** Mirrors the server's `SessionView` (server/src/modules/auth/auth.service.ts). */
export type Role = 'owner' | 'admin' | 'editor' | 'agent' | 'viewer';

export type User = { id: string; email: string; name: string; role: Role; tenantId: string; createdAt: string };

export type Tenant = { id: string; name: string; timeZone: string };

export type Session = { accessToken: string; refreshToken: string; user: User; tenant: Tenant };

export type LoginInput = { email: string; password: string };

export type SignupInput = { tenantName: string; name: string; email: string; password: string; timeZone?: string };

/** Roles that may change flows (the server answers 403 to the others). */
const EDITORS: readonly Role[] = ['owner', 'admin', 'editor'];

export function canEditFlows(role: Role | undefined): boolean {
  return role !== undefined && EDITORS.includes(role);
}

/** Roles that may connect, change and delete channels (`admin` and above on the server). */
const CHANNEL_MANAGERS: readonly Role[] = ['owner', 'admin'];

export function canManageChannels(role: Role | undefined): boolean {
  return role !== undefined && CHANNEL_MANAGERS.includes(role);
}

export function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const session = value as Partial<Session>;
  return (
    typeof session.accessToken === 'string' &&
    typeof session.refreshToken === 'string' &&
    typeof session.user?.id === 'string' &&
    typeof session.tenant?.id === 'string'
  );
}
