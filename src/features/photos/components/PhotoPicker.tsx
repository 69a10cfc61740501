import { X } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import type { Photo } from '../../../domain/api/photos';
import { can } from '../../../domain/auth/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { usePhotoList } from '../api/list-photos';
import type { PhotoListFilters } from '../api/query-keys';
import { usePastedFiles } from '../hooks/usePastedFiles';
import { useUploadQueue } from '../hooks/useUploadQueue';
import { MISSING_LABELS, missingFields } from './missing';
import { PhotoFilters } from './PhotoFilters';
import { PhotoImage } from './PhotoImage';
import styles from './PhotoPicker.module.css';
import { UploadDropZone } from './UploadDropZone';
import { UploadList } from './UploadList';

interface PhotoPickerProps {
  /** The dialog's title, e.g. "Insert photo". */
  title: string;
  /** The confirming button, e.g. "Insert photo" or "Use as lead photo". */
  confirmLabel: string;
  onPick: (photo: Photo) => void;
  onClose: () => void;
}

/** How many options a row of the grid holds, from where they sit on screen. */
function columnsOf(list: HTMLElement | null): number {
  const options = list ? Array.from(list.querySelectorAll<HTMLElement>('[role="option"]')) : [];
  if (options.length === 0) return 1;
  const top = options[0].offsetTop;
  return Math.max(1, options.filter((option) => option.offsetTop === top).length);
}

/**
 * Choose a photo from the library, or upload one: a modal dialog with a search box and the
 * photos as a listbox (arrow keys move, Enter picks, Escape closes). A photo that finishes
 * uploading here is chosen at once, ready to confirm.
 */
export function PhotoPicker({ title, confirmLabel, onPick, onClose }: PhotoPickerProps) {
  const user = useCurrentUser();
  const dialog = useRef<HTMLDialogElement>(null);
  const listbox = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const optionId = useId();
  const [filters, setFilters] = useState<PhotoListFilters>({});
  const [activeId, setActiveId] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<Photo[]>([]);

  const { queue, items } = useUploadQueue((_item, photo) => {
    setUploaded((current) => [photo, ...current.filter((entry) => entry.id !== photo.id)]);
    setActiveId(photo.id);
  });
  const addFiles = useCallback((files: File[]) => queue.add(files), [queue]);
  const canUpload = can(user, 'photos:upload');
  usePastedFiles(addFiles, canUpload);

  const list = usePhotoList(filters);
  const listed = list.data?.pages.flatMap((page) => page.items) ?? [];
  // This dialog's own uploads come first, whatever the search says.
  const photos = [...uploaded, ...listed.filter((photo) => !uploaded.some((entry) => entry.id === photo.id))];
  const active = photos.find((photo) => photo.id === activeId) ?? null;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    // Start in the search box: type to find, arrow down to the photos.
    element.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
    return () => element.close();
  }, []);

  useEffect(() => {
    if (activeId) document.getElementById(`${optionId}-${activeId}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeId, optionId]);

  const pick = (photo: Photo | null) => {
    if (photo) onPick(photo);
  };

  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (photos.length === 0) return;
    const index = Math.max(0, photos.findIndex((photo) => photo.id === activeId));
    const columns = columnsOf(listbox.current);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      ArrowDown: activeId ? index + columns : 0,
      ArrowUp: index - columns,
      Home: 0,
      End: photos.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.min(photos.length - 1, Math.max(0, moves[event.key]));
      setActiveId(photos[next].id);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      pick(active ?? photos[0]);
    }
  };

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className={styles.header}>
        <h2 id={titleId} className={styles.title}>
          {title}
        </h2>
        <Button size="small" variant="ghost" aria-label="Close" onClick={onClose}>
          <X size={18} aria-hidden="true" />
        </Button>
      </div>

      {canUpload && (
        <div className={styles.uploads}>
          <UploadDropZone compact onFiles={addFiles}>
            Drop or paste photos to upload them, or
          </UploadDropZone>
          <UploadList items={items} onCancel={(key) => queue.cancel(key)} onDismiss={(key) => queue.dismiss(key)} />
        </div>
      )}

      <div
        className={styles.search}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && (event.target as HTMLElement).tagName === 'INPUT') {
            event.preventDefault();
            if (!activeId && photos[0]) setActiveId(photos[0].id);
            listbox.current?.focus();
          }
        }}
      >
        <PhotoFilters filters={filters} onChange={setFilters} searchLabel="Search the library" />
      </div>

      {list.isError && <Alert tone="error">Could not load the photos: {list.error.message}</Alert>}
      <div
        ref={listbox}
        role="listbox"
        aria-label="Photos"
        tabIndex={0}
        aria-activedescendant={active ? `${optionId}-${active.id}` : undefined}
        className={styles.grid}
        onKeyDown={onListKey}
        onFocus={() => {
          if (!activeId && photos[0]) setActiveId(photos[0].id);
        }}
      >
        {photos.map((photo) => {
          const missing = missingFields(photo);
          return (
            <div
              key={photo.id}
              id={`${optionId}-${photo.id}`}
              role="option"
              aria-selected={photo.id === activeId}
              className={styles.option}
              onClick={() => setActiveId(photo.id)}
              onDoubleClick={() => pick(photo)}
            >
              <PhotoImage photoId={photo.id} alt="" width={photo.width} height={photo.height} sizes="160px" className={styles.thumb} />
              <span className={styles.caption}>{photo.caption || photo.originalName}</span>
              <span className={styles.credit}>
                {photo.credit || 'No credit'}
                {missing.length > 0 && <span className="visually-hidden">. {missing.map((field) => MISSING_LABELS[field]).join(', ')}</span>}
              </span>
            </div>
          );
        })}
      </div>
      {!list.isPending && photos.length === 0 && (
        <p className={styles.empty} role="status">
          {filters.q || filters.missing ? 'No photos match.' : 'The library is empty: upload a photo above.'}
        </p>
      )}
      {list.hasNextPage && (
        <div className={styles.more}>
          <Button size="small" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            Load more photos
          </Button>
        </div>
      )}

      <div className={styles.footer}>
        <span className={styles.chosen} aria-live="polite">
          {active ? `Chosen: ${active.caption || active.originalName}` : 'Choose a photo with the arrow keys or the mouse.'}
        </span>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="primary" disabled={!active} onClick={() => pick(active)}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
