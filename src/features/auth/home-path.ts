import type { Role } from '../../domain/auth/roles';

/** Where each role starts after logging in. */
export function homePath(role: Role): string {
  return role === 'admin' ? '/admin/users' : '/stories';
}
