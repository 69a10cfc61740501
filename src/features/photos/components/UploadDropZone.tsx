import { ImagePlus } from 'lucide-react';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { Button } from '../../../components/ui/Button';
import { PHOTO_ACCEPT } from '../../../domain/photos/limits';
import { draggingFiles, filesIn } from '../model/files';
import styles from './Uploads.module.css';

interface UploadDropZoneProps {
  onFiles: (files: File[]) => void;
  /** What the zone says, e.g. "Drop photos here to add them to the library". */
  children?: ReactNode;
  compact?: boolean;
}

/** Drop files here, or choose them; pasting is handled by the screen (see usePastedFiles). */
export function UploadDropZone({ onFiles, children, compact = false }: UploadDropZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDragOver = (event: DragEvent) => {
    if (!draggingFiles(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    if (!draggingFiles(event.dataTransfer)) return;
    event.preventDefault();
    setOver(false);
    onFiles(filesIn(event.dataTransfer));
  };
  const classes = [styles.dropZone, compact && styles.dropZoneCompact, over && styles.dropZoneOver].filter(Boolean).join(' ');
  return (
    <div className={classes} onDragOver={onDragOver} onDragLeave={() => setOver(false)} onDrop={onDrop}>
      <ImagePlus size={compact ? 18 : 24} aria-hidden="true" className={styles.dropIcon} />
      <span className={styles.dropText}>{children ?? 'Drag photos here, paste them, or'}</span>
      <Button size={compact ? 'small' : 'normal'} onClick={() => input.current?.click()}>
        Choose photos…
      </Button>
      <span className={styles.dropHint}>JPEG, PNG, WebP or AVIF</span>
      <input
        ref={input}
        type="file"
        multiple
        accept={PHOTO_ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Photos to upload"
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          event.target.value = '';
        }}
      />
    </div>
  );
}
