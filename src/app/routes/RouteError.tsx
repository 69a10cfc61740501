import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Alert } from '../../components/ui/Alert';

/** A screen failed to load or render: say so plainly, and offer the way back. */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  return (
    <main id="main" style={{ padding: 'var(--space-6)', maxWidth: 640 }}>
      <title>Something went wrong — Newsdesk</title>
      <h1>Something went wrong</h1>
      <Alert tone="error">This screen could not be shown ({detail}). Work already saved is safe on the server.</Alert>
      <p>
        <a href={window.location.pathname}>Reload this page</a> or <a href="/">go to your start page</a>.
      </p>
    </main>
  );
}
