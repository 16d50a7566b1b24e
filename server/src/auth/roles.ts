/** The roles, each allowed what the one before it is and more. */
export const ROLES = ['viewer', 'analyst', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** True when `role` is `needed` or above it. */
export const atLeast = (role: Role, needed: Role): boolean => ROLES.indexOf(role) >= ROLES.indexOf(needed);

/** Who is asking: a token's holder, or the anonymous caller. */
export interface Caller {
  name: string;
  role: Role;
  /** False for the anonymous caller. */
  authenticated: boolean;
}
