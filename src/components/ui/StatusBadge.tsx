import { STATUS_LABELS, type StoryStatus } from '../../domain/story/status';
import styles from './StatusBadge.module.css';

export function StatusBadge({ status }: { status: StoryStatus }) {
  return <span className={`${styles.badge} ${styles[status]}`}>{STATUS_LABELS[status]}</span>;
}
