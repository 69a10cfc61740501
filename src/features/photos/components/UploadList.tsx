import { X } from 'lucide-react';
import { Button } from '../../../components/ui/Button';
import { formatBytes } from '../model/files';
import { isFinished, type UploadItem } from '../model/upload-queue';
import styles from './Uploads.module.css';

interface UploadListProps {
  items: readonly UploadItem[];
  onCancel: (key: string) => void;
  onDismiss: (key: string) => void;
}

function statusText(item: UploadItem): string {
  switch (item.status) {
    case 'waiting':
      return 'Waiting…';
    case 'uploading':
      return `${item.size ? Math.floor((item.loaded / item.size) * 100) : 0}% of ${formatBytes(item.size)}`;
    case 'processing':
      return 'Checking the photo…';
    case 'done':
      return item.created === false ? 'Already in the library' : 'Added to the library';
    case 'failed':
      return `Not uploaded: ${item.error}`;
    case 'cancelled':
      return 'Cancelled';
  }
}

/** Each upload with its progress bar, and a button to cancel it (or to clear it once finished). */
export function UploadList({ items, onCancel, onDismiss }: UploadListProps) {
  if (items.length === 0) return null;
  return (
    <ul className={styles.list} aria-label="Uploads">
      {items.map((item) => {
        const finished = isFinished(item);
        return (
          <li key={item.key} className={`${styles.item} ${styles[item.status]}`}>
            <span className={styles.name} title={item.name}>
              {item.name}
            </span>
            <progress
              className={styles.progress}
              aria-label={`Upload of ${item.name}`}
              max={item.size || 1}
              value={item.status === 'done' ? item.size || 1 : item.status === 'waiting' ? 0 : item.loaded}
            />
            <span className={styles.status} role={finished ? 'status' : undefined}>
              {statusText(item)}
            </span>
            {finished ? (
              <Button size="small" variant="ghost" aria-label={`Clear ${item.name} from the list`} onClick={() => onDismiss(item.key)}>
                <X size={16} aria-hidden="true" />
              </Button>
            ) : item.status === 'processing' ? null : (
              // Once sent, the server keeps the photo whatever happens here: no Cancel that would not cancel.
              <Button size="small" aria-label={`Cancel upload of ${item.name}`} onClick={() => onCancel(item.key)}>
                Cancel
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
