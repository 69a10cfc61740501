import { Navigate } from 'react-router';
import { useSession } from '../../features/auth/api/get-session';
import { homePath } from '../../features/auth/home-path';

export function HomeRedirect() {
  const session = useSession();
  return session.data ? <Navigate to={homePath(session.data.user.role)} replace /> : null;
}
