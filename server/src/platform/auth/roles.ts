/** Roles, most powerful first; a route that needs `editor` admits owner, admin and editor. */
export const ROLES = ['owner', 'admin', 'editor', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(needed);
}

/** Who is calling: set on the request by the auth guard. */
export type AuthContext = { tenantId: string; userId: string | null; role: Role; via: 'session' | 'api_key' };
