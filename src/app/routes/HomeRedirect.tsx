import { Navigate } from 'react-router';
import { useCurrentUser } from '../../features/auth/current-user';
import { homePath } from '../../features/auth/home-path';

export function HomeRedirect() {
  return <Navigate to={homePath(useCurrentUser().role)} replace />;
}
