import { createContext, use } from 'react';
import type { SessionUser } from '../../domain/api/users';

/**
 * The person using the app, inside the logged-in area. It stays set while a "session ended"
 * dialog asks them to log in again, so the page underneath keeps working with their name on it.
 */
export const CurrentUserContext = createContext<SessionUser | null>(null);

export function useCurrentUser(): SessionUser {
  const user = use(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser is for screens inside RequireAuth');
  return user;
}
