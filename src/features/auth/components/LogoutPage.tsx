import { useEffect, useRef } from 'react';
import { Navigate } from 'react-router';
import { Loading } from '../../../components/ui/Loading';
import { useLogOut } from '../api/log-out';

/**
 * Logging out is a page, not a click handler: navigating here first lets an open editor save
 * its last changes (its navigation guard runs) before the session ends.
 */
export function LogoutPage() {
  const logOut = useLogOut();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    logOut.mutate();
  }, [logOut]);
  if (logOut.isIdle || logOut.isPending) return <Loading label="Logging out…" />;
  return <Navigate to="/login" replace />;
}
