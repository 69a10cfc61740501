import { useEffect, useRef } from 'react';
import { Navigate } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
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
  if (logOut.isSuccess) return <Navigate to="/login" replace />;
  if (logOut.isError) {
    // On a shared newsroom machine, "logged out" must mean the server agreed.
    return (
      <main id="main" style={{ padding: 'var(--space-5)', maxWidth: 560 }}>
        <title>Log out — Newsdesk</title>
        <Alert tone="error">
          Could not log out: {logOut.error.message}. You are still logged in on this computer.
          <div style={{ marginTop: 'var(--space-2)' }}>
            <Button variant="primary" onClick={() => logOut.mutate()}>
              Try again
            </Button>
          </div>
        </Alert>
      </main>
    );
  }
  return <Loading label="Logging out…" />;
}
