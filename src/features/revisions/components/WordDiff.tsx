import type { FieldChange } from '../../../domain/story/changes';
import styles from './WordDiff.module.css';

/** Field-by-field word differences: added words underlined, removed ones struck, both named for screen readers. */
export function WordDiff({ changes }: { changes: FieldChange[] }) {
  return changes.map((change) => (
    <div key={change.field} className={styles.change}>
      <h3 className={styles.changeTitle}>{change.label}</h3>
      <p className={styles.diff}>
        {change.parts.map((part, index) =>
          part.added ? (
            <ins key={index}>
              <span className="visually-hidden">[added: </span>
              {part.value}
              <span className="visually-hidden">]</span>
            </ins>
          ) : part.removed ? (
            <del key={index}>
              <span className="visually-hidden">[removed: </span>
              {part.value}
              <span className="visually-hidden">]</span>
            </del>
          ) : (
            <span key={index}>{part.value}</span>
          ),
        )}
      </p>
    </div>
  ));
}
