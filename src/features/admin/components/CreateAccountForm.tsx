import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { SelectField, TextField } from '../../../components/ui/Field';
import { PASSWORD_MIN_LENGTH } from '../../../domain/auth/password-policy';
import { ROLE_LABELS, ROLES, type Role } from '../../../domain/auth/roles';
import { useCreateAccount } from '../api/create-account';
import styles from './AccountsPage.module.css';

const EMPTY = { name: '', email: '', role: 'reporter' as Role, password: '' };

/** A new account with a first password the administrator hands over. */
export function CreateAccountForm() {
  const create = useCreateAccount();
  const [form, setForm] = useState(EMPTY);
  const [created, setCreated] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    create.mutate(form, {
      onSuccess: (account) => {
        setCreated(`Created ${account.name} (${account.email}) as ${ROLE_LABELS[account.role].toLowerCase()}.`);
        setForm(EMPTY);
      },
    });
  };

  return (
    <section className={styles.card} aria-labelledby="create-account-title">
      <h2 id="create-account-title" className={styles.sectionTitle}>
        Create an account
      </h2>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <TextField label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <TextField label="Email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        <SelectField label="Role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="First password"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. Hand it over in person or by phone.`}
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        <div className={styles.formActions}>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create account'}
          </Button>
        </div>
      </form>
      {create.isError && <Alert tone="error">{create.error.message}</Alert>}
      {created && <Alert tone="success">{created}</Alert>}
    </section>
  );
}
