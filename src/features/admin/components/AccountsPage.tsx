import { useState } from 'react';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { Loading } from '../../../components/ui/Loading';
import type { Account } from '../../../domain/api/users';
import { can } from '../../../domain/auth/permissions';
import { ROLE_LABELS, ROLES, type Role } from '../../../domain/auth/roles';
import { timeAgo } from '../../../lib/format';
import { useCurrentUser } from '../../auth/current-user';
import { useAccounts } from '../api/list-accounts';
import { useUpdateAccount } from '../api/update-account';
import pageStyles from '../../../components/ui/Page.module.css';
import styles from './AccountsPage.module.css';
import { CreateAccountForm } from './CreateAccountForm';

function AccountRow({ account, isSelf }: { account: Account; isSelf: boolean }) {
  const update = useUpdateAccount();
  // A role is chosen, then saved: arrowing through the list must not hand out roles on the way.
  const [role, setRole] = useState<Role>(account.role);
  const busy = update.isPending;
  const toggleDisabled = () => {
    if (busy) return;
    if (!account.disabled && !window.confirm(`Disable ${account.name}? They are logged out at once and cannot log in until enabled again.`)) return;
    update.mutate({ id: account.id, changes: { disabled: !account.disabled } });
  };
  return (
    <tr className={account.disabled ? styles.disabledRow : undefined}>
      <td>
        {account.name}
        {isSelf && <span className={styles.muted}> (you)</span>}
      </td>
      <td>{account.email}</td>
      <td>
        <span className={styles.roleCell}>
          <select
            className={styles.roleSelect}
            aria-label={`Role of ${account.name}`}
            value={role}
            disabled={isSelf}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {ROLE_LABELS[option]}
              </option>
            ))}
          </select>
          {role !== account.role && (
            <Button
              size="small"
              variant="primary"
              aria-label={`Save role of ${account.name}`}
              aria-disabled={busy || undefined}
              onClick={() => !busy && update.mutate({ id: account.id, changes: { role } })}
            >
              Save
            </Button>
          )}
        </span>
      </td>
      <td>{account.disabled ? 'Disabled' : 'Active'}</td>
      <td className={styles.muted}>{account.lastLoginAt ? timeAgo(account.lastLoginAt) : 'Never'}</td>
      <td>
        {!isSelf && (
          <Button
            size="small"
            variant={account.disabled ? 'default' : 'danger'}
            aria-label={`${account.disabled ? 'Enable' : 'Disable'} ${account.name}`}
            aria-disabled={busy || undefined}
            onClick={toggleDisabled}
          >
            {account.disabled ? 'Enable' : 'Disable'}
          </Button>
        )}
        {update.isError && (
          <span role="alert" className={styles.muted}>
            {' '}
            {update.error.message}
          </span>
        )}
      </td>
    </tr>
  );
}

/** Administrators list, create, re-role and disable accounts. */
export function AccountsPage() {
  const user = useCurrentUser();
  const accounts = useAccounts();
  if (!can(user, 'users:manage')) {
    return (
      <main id="main" className={`${pageStyles.page} ${pageStyles.narrow} ${styles.stack}`}>
        <Alert tone="error">Only administrators can manage accounts.</Alert>
      </main>
    );
  }
  return (
    <main id="main" className={`${pageStyles.page} ${pageStyles.narrow} ${styles.stack}`}>
      <title>Accounts — Newsdesk</title>
      <h1 className={pageStyles.title}>Accounts</h1>
      <CreateAccountForm />
      <section className={styles.card} aria-labelledby="accounts-title">
        <h2 id="accounts-title" className={styles.sectionTitle}>
          Everyone with access
        </h2>
        {accounts.isPending ? (
          <Loading label="Loading accounts…" />
        ) : accounts.isError ? (
          <Alert tone="error">Could not load accounts: {accounts.error.message}</Alert>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Last login</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.map((account) => (
                <AccountRow key={account.id} account={account} isSelf={account.id === user.id} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
