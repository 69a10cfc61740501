import type { Photo } from '../../../domain/api/photos';
import { MISSING_LABELS, missingFields } from './missing';
import { PhotoImage } from './PhotoImage';
import styles from './PhotoLibrary.module.css';

interface PhotoGridProps {
  photos: Photo[];
  selectedId: string | null;
  onSelect: (photo: Photo) => void;
}

/** The library as thumbnails with their caption, credit and what they still lack. */
export function PhotoGrid({ photos, selectedId, onSelect }: PhotoGridProps) {
  return (
    <ul className={styles.grid} aria-label="Photos">
      {photos.map((photo) => {
        const missing = missingFields(photo);
        return (
          <li key={photo.id}>
            <button
              type="button"
              className={styles.card}
              aria-pressed={photo.id === selectedId}
              onClick={() => onSelect(photo)}
            >
              <span className={styles.thumb}>
                <PhotoImage photoId={photo.id} alt="" width={photo.width} height={photo.height} sizes="220px" />
              </span>
              <span className={styles.cardCaption}>{photo.caption || <em>{photo.originalName}</em>}</span>
              <span className={styles.cardCredit}>{photo.credit || '—'}</span>
              {missing.length > 0 && (
                <span className={styles.badges}>
                  {missing.map((field) => (
                    <span key={field} className={styles.badge}>
                      {MISSING_LABELS[field]}
                    </span>
                  ))}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
