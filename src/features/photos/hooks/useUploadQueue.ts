import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Photo } from '../../../domain/api/photos';
import { usePhotoUploader } from '../api/upload-photo';
import { UploadQueue, type UploadItem } from '../model/upload-queue';

/**
 * A queue of uploads for one screen: its items (for the upload list) and the queue. Uploads
 * still going when the screen closes are cancelled.
 */
export function useUploadQueue(onUploaded?: (item: UploadItem, photo: Photo) => void, onSettled?: (item: UploadItem) => void) {
  const upload = usePhotoUploader();
  const uploadRef = useRef(upload);
  const callbacks = useRef({ onUploaded, onSettled });
  useEffect(() => {
    uploadRef.current = upload;
    callbacks.current = { onUploaded, onSettled };
  });
  const [queue] = useState(
    () =>
      new UploadQueue((file, options) => uploadRef.current(file, options), {
        onUploaded: (item, photo) => callbacks.current.onUploaded?.(item, photo),
        onSettled: (item) => callbacks.current.onSettled?.(item),
      }),
  );
  useEffect(() => () => queue.cancelAll(), [queue]);
  const items = useSyncExternalStore(queue.subscribe, queue.items);
  return { queue, items };
}
