import { Link, NavLink, Outlet } from 'react-router';
import { buttonClass } from '../components/ui/Button';
import { can } from '../domain/auth/permissions';
import { ROLE_LABELS } from '../domain/auth/roles';
import { useCurrentUser } from '../features/auth/current-user';
import { deskViews } from '../features/desk/desk-views';
import styles from './AppLayout.module.css';

/** Top bar with the sections the user's role can use, and the page below. */
export function AppLayout() {
  const user = useCurrentUser();
  return (
    <div className={styles.shell}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className={styles.header}>
        <Link to="/" className={styles.brand}>
          Newsdesk
        </Link>
        <nav className={styles.nav} aria-label="Main">
          {can(user, 'story:list') && (
            <NavLink to="/stories" end className={styles.navLink}>
              Stories
            </NavLink>
          )}
          {deskViews(user.role).length > 0 && (
            <NavLink to="/desk" className={styles.navLink}>
              {deskViews(user.role).length === 1 ? deskViews(user.role)[0].title : 'Desk'}
            </NavLink>
          )}
          {(can(user, 'photos:view') || can(user, 'photos:manage')) && (
            <NavLink to="/photos" className={styles.navLink}>
              Photos
            </NavLink>
          )}
          {can(user, 'users:manage') && (
            <NavLink to="/admin/users" className={styles.navLink}>
              Accounts
            </NavLink>
          )}
        </nav>
        <div className={styles.user}>
          <span>
            <span className={styles.userName}>{user.name}</span>
            <span className={styles.roleLabel}> · {ROLE_LABELS[user.role]}</span>
          </span>
          <Link to="/logout" className={buttonClass('ghost')}>
            Log out
          </Link>
        </div>
      </header>
      <Outlet />
    </div>
  );
}
