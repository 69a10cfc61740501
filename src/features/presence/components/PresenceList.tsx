import type { PresentEditor } from '../../../domain/api/presence';
import { ROLE_LABELS, type Role } from '../../../domain/auth/roles';
import styles from './PresenceList.module.css';

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');

/** Who else has the story open, by name and role. */
export function PresenceList({ present }: { present: PresentEditor[] }) {
  if (present.length === 0) return null;
  return (
    <ul className={styles.present} aria-label="Also editing this story">
      {present.map((person) => {
        const role = ROLE_LABELS[person.role as Role] ?? person.role;
        const tabs = person.editors > 1 ? `, in ${person.editors} tabs` : '';
        return (
          <li key={person.userId} className={styles.person} title={`${person.name} (${role}) has this story open${tabs}`}>
            <span className={styles.initials} aria-hidden="true">
              {initialsOf(person.name)}
            </span>
            <span>
              {person.name}
              <span className="visually-hidden">
                {' '}
                ({role}){tabs}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
