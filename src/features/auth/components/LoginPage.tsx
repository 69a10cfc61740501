import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { TextField } from '../../../components/ui/Field';
import { ApiError } from '../../../lib/api-client';
import { useSession } from '../api/get-session';
import { useLogIn } from '../api/log-in';
import { homePath } from '../home-path';
import styles from './LoginPage.module.css';

/** Only paths inside the app: a crafted ?next= must not send anyone elsewhere. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const logIn = useLogIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  if (session.data) return <Navigate to={safeNext(params.get('next')) ?? homePath(session.data.user.role)} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    logIn.mutate(
      { email, password },
      { onSuccess: (result) => navigate(safeNext(params.get('next')) ?? homePath(result.user.role), { replace: true }) },
    );
  };

  const error = logIn.error instanceof ApiError ? logIn.error : null;
  return (
    <main className={styles.page}>
      <title>Log in — Newsdesk</title>
      <form className={styles.card} onSubmit={onSubmit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title" className={styles.brand}>
          Newsdesk
        </h1>
        <p className={styles.lead}>Log in to write, edit and publish.</p>
        {error && (
          <Alert tone="error">{error.code === 'network' ? 'Cannot reach the server. Check your connection.' : error.message}</Alert>
        )}
        <TextField label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" variant="primary" disabled={logIn.isPending}>
          {logIn.isPending ? 'Logging in…' : 'Log in'}
        </Button>
      </form>
    </main>
  );
}
