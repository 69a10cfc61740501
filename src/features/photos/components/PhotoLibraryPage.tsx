import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { Loading } from '../../../components/ui/Loading';
import type { Photo } from '../../../domain/api/photos';
import { PHOTO_MISSING_FIELDS, type PhotoMissingField } from '../../../domain/photos/limits';
import { can } from '../../../domain/auth/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { usePhoto } from '../api/get-photo';
import { usePhotoList } from '../api/list-photos';
import type { PhotoListFilters } from '../api/query-keys';
import { usePastedFiles } from '../hooks/usePastedFiles';
import { useUploadQueue } from '../hooks/useUploadQueue';
import { PhotoDetails } from './PhotoDetails';
import { PhotoFilters } from './PhotoFilters';
import { PhotoGrid } from './PhotoGrid';
import pageStyles from '../../../components/ui/Page.module.css';
import styles from './PhotoLibrary.module.css';
import { UploadDropZone } from './UploadDropZone';
import { UploadList } from './UploadList';

/**
 * The photo library: upload (drop, paste, choose), search and filter, and — for the photo desk —
 * correct a photo's caption, credit and alt text. Filters and the open photo live in the address.
 */
export function PhotoLibraryPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters: PhotoListFilters = useMemo(
    () => ({
      q: params.get('q') || undefined,
      missing: PHOTO_MISSING_FIELDS.includes(params.get('missing') as PhotoMissingField) ? (params.get('missing') as PhotoMissingField) : undefined,
    }),
    [params],
  );
  const selectedId = params.get('photo');
  const update = useCallback(
    (changes: Record<string, string | undefined | null>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const canUpload = can(user, 'photos:upload');
  // The last photo to arrive opens, so its caption and credit can be checked at once.
  const [arrived, setArrived] = useState<string | null>(null);
  const { queue, items } = useUploadQueue((_item, photo) => setArrived(photo.id));
  useEffect(() => {
    if (arrived) update({ photo: arrived });
  }, [arrived, update]);
  const addFiles = useCallback((files: File[]) => queue.add(files), [queue]);
  usePastedFiles(addFiles, canUpload);

  const changeFilters = useCallback((next: PhotoListFilters) => update({ q: next.q, missing: next.missing }), [update]);
  const list = usePhotoList(filters);
  const photos = list.data?.pages.flatMap((page) => page.items) ?? [];
  const listed = photos.find((photo) => photo.id === selectedId);
  const fetched = usePhoto(selectedId && !listed ? selectedId : null);
  const selected: Photo | undefined = listed ?? fetched.data;
  const filtered = Boolean(filters.q || filters.missing);

  return (
    <main id="main" className={`${pageStyles.page} ${pageStyles.wide}`}>
      <title>Photos — Newsdesk</title>
      <div className={pageStyles.header}>
        <h1 className={pageStyles.title}>Photos</h1>
      </div>
      {canUpload && (
        <section aria-label="Upload photos" className={styles.uploads}>
          <UploadDropZone onFiles={addFiles}>Drop photos here to add them to the library, paste them, or</UploadDropZone>
          <UploadList items={items} onCancel={(key) => queue.cancel(key)} onDismiss={(key) => queue.dismiss(key)} />
        </section>
      )}
      <PhotoFilters filters={filters} onChange={changeFilters} />
      <div className={selected ? `${styles.layout} ${styles.layoutWithDetails}` : styles.layout}>
        <div>
          {list.isPending ? (
            <Loading label="Loading photos…" />
          ) : list.isError ? (
            <Alert tone="error">Could not load the photos: {list.error.message}</Alert>
          ) : photos.length === 0 ? (
            <p className={styles.empty} role="status">
              {filtered ? 'No photos match.' : 'No photos yet. Drop some above to start the library.'}
            </p>
          ) : (
            <>
              <PhotoGrid photos={photos} selectedId={selectedId} onSelect={(photo) => update({ photo: photo.id })} />
              {list.hasNextPage && (
                <div className={styles.more}>
                  <Button onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                    {list.isFetchingNextPage ? 'Loading…' : 'Load more photos'}
                  </Button>
                </div>
              )}
            </>
          )}
        </div>
        {selected && <PhotoDetails key={selected.id} photo={selected} canEdit={can(user, 'photos:manage')} onClose={() => update({ photo: null })} />}
      </div>
    </main>
  );
}
