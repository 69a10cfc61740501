import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { TextField } from '../../../components/ui/Field';
import type { SessionUser } from '../../../domain/api/users';
import { ApiError } from '../../../lib/api-client';
import { sessionQueryKey } from '../api/get-session';
import { logIn } from '../api/log-in';
import dialogStyles from '../../../components/ui/Dialog.module.css';
import styles from './SessionEndedDialog.module.css';

/**
 * Shown over the page when the session ends (expired, logged out elsewhere): log in again right
 * here, and the page — with any unsaved work in it — carries on. Logging in as someone else
 * starts afresh, so nobody saves another person's work under their own name.
 */
export function SessionEndedDialog({ previous }: { previous: SessionUser }) {
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [email, setEmail] = useState(previous.email);
  const [password, setPassword] = useState('');
  // Not useLogIn: that clears every cached query for a new person; here the same person carries on.
  const relogin = useMutation({
    mutationFn: logIn,
    onSuccess: (session) => {
      if (session.user.id !== previous.id) window.location.assign('/');
      else queryClient.setQueryData(sessionQueryKey, session);
    },
  });
  const failure = relogin.error;
  const error = !failure
    ? null
    : failure instanceof ApiError && failure.code !== 'network'
      ? failure.message
      : 'Cannot reach the server. Try again in a moment.';

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    relogin.mutate({ email, password });
  };

  return (
    <dialog
      ref={dialog}
      className={dialogStyles.dialog}
      aria-labelledby="session-ended-title"
      aria-describedby="session-ended-text"
      // Escape would leave the page unusable behind a closed dialog: the choices are below.
      onCancel={(event) => event.preventDefault()}
    >
      <form className={dialogStyles.form} onSubmit={onSubmit} noValidate>
        <h2 id="session-ended-title" className={dialogStyles.title}>
          Your session has ended
        </h2>
        <p id="session-ended-text" className={styles.text}>
          Log in again to carry on. Anything you have not saved yet is still on this page and will be saved once you are back.
        </p>
        {error && <Alert tone="error">{error}</Alert>}
        <TextField label="Email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className={styles.actions}>
          <Button type="submit" variant="primary" disabled={relogin.isPending}>
            {relogin.isPending ? 'Logging in…' : 'Log in'}
          </Button>
          <Link to="/login">Leave this page</Link>
        </div>
      </form>
    </dialog>
  );
}
