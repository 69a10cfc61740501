import { Link } from 'react-router';

export function NotFound() {
  return (
    <main id="main" style={{ padding: 'var(--space-6)' }}>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Go to your start page</Link>.
      </p>
    </main>
  );
}
