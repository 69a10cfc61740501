import { useRef, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { Loading } from '../../../components/ui/Loading';
import type { SessionUser } from '../../../domain/api/users';
import { useSession } from '../api/get-session';
import { CurrentUserContext } from '../current-user';
import { SessionEndedDialog } from './SessionEndedDialog';

/**
 * Shows its children to a logged-in user and sends anyone else to the login page (and back
 * afterwards). When a session ends while the app is open, the page stays mounted — an editor
 * with unsaved work keeps it — and a dialog asks to log in again on top of it.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const lastUser = useRef<SessionUser | null>(null);
  if (session.data) lastUser.current = session.data.user;

  if (session.isPending) return <Loading />;
  if (session.isError && !lastUser.current) {
    return (
      <div style={{ padding: 'var(--space-5)' }}>
        <Alert tone="error">Cannot reach the Newsdesk server. Check your connection and reload the page.</Alert>
      </div>
    );
  }
  if (!lastUser.current) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <CurrentUserContext value={lastUser.current}>
      {children}
      {!session.data && <SessionEndedDialog previous={lastUser.current} />}
    </CurrentUserContext>
  );
}
