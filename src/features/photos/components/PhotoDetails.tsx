import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { TextAreaField, TextField } from '../../../components/ui/Field';
import { Facts, PanelHeading } from '../../../components/ui/Panel';
import { oneLine } from '../../../domain/api/one-line';
import type { Photo, PhotoText } from '../../../domain/api/photos';
import { PHOTO_TEXT_LIMITS } from '../../../domain/photos/limits';
import { dateTime } from '../../../lib/format';
import { useUpdatePhoto } from '../api/update-photo';
import { formatBytes } from '../model/files';
import { PhotoImage } from './PhotoImage';
import styles from './PhotoLibrary.module.css';

const FIELDS = ['caption', 'credit', 'creator', 'copyright', 'alt'] as const;

const textOf = (photo: Photo): PhotoText => ({ caption: photo.caption, credit: photo.credit, creator: photo.creator, copyright: photo.copyright, alt: photo.alt });

interface PhotoDetailsProps {
  photo: Photo;
  /** The photo desk and editors correct the library's words; others read them. */
  canEdit: boolean;
  onClose: () => void;
}

/**
 * One photo: large, with its facts and its caption, credit, creator, copyright and alt text.
 * The form starts from the photo as given; the page remounts it for another photo.
 */
export function PhotoDetails({ photo, canEdit, onClose }: PhotoDetailsProps) {
  const [values, setValues] = useState<PhotoText>(() => textOf(photo));
  const [base, setBase] = useState(photo);
  const update = useUpdatePhoto();
  // The server's copy changed (our save, or someone else's): follow it unless there are edits here.
  if (photo.updatedAt !== base.updatedAt) {
    if (FIELDS.every((field) => values[field] === base[field])) setValues(textOf(photo));
    setBase(photo);
  }

  const changed = FIELDS.filter((field) => values[field] !== photo[field]);
  const set = (field: keyof PhotoText) => (event: { target: { value: string } }) => setValues({ ...values, [field]: oneLine(event.target.value) });
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (changed.length === 0) return;
    update.mutate({ id: photo.id, changes: Object.fromEntries(changed.map((field) => [field, values[field]])) });
  };

  return (
    <aside className={styles.details} aria-labelledby="photo-details-title">
      <div className={styles.detailsHeader}>
        <PanelHeading id="photo-details-title">Photo details</PanelHeading>
        <Button size="small" variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
      <PhotoImage className={styles.preview} photoId={photo.id} alt={photo.alt} width={photo.width} height={photo.height} slot={1024} sizes="400px" />
      <Facts
        items={[
          ['File', photo.originalName],
          ['Size', `${photo.width} × ${photo.height} px · ${formatBytes(photo.bytes)} · ${photo.format.toUpperCase()}`],
          ['Added', dateTime(photo.createdAt)],
        ]}
      />
      <form className={styles.form} onSubmit={save}>
        {!canEdit && <p className={styles.note}>Only the photo desk and editors can change the library’s words. Stories keep their own caption and credit for each use.</p>}
        <TextAreaField label="Caption" rows={4} value={values.caption} readOnly={!canEdit} maxLength={PHOTO_TEXT_LIMITS.caption} onChange={set('caption')} />
        <TextField label="Credit" value={values.credit} readOnly={!canEdit} maxLength={PHOTO_TEXT_LIMITS.credit} placeholder="e.g. Reuters" hint="Printed after the caption as “PHOTO: CREDIT”." onChange={set('credit')} />
        <TextField label="Creator" value={values.creator} readOnly={!canEdit} maxLength={PHOTO_TEXT_LIMITS.creator} placeholder="Photographer" onChange={set('creator')} />
        <TextField label="Copyright" value={values.copyright} readOnly={!canEdit} maxLength={PHOTO_TEXT_LIMITS.copyright} onChange={set('copyright')} />
        <TextAreaField
          label="Alt text"
          rows={2}
          value={values.alt}
          readOnly={!canEdit}
          maxLength={PHOTO_TEXT_LIMITS.alt}
          hint="What the photo shows, for readers who cannot see it."
          onChange={set('alt')}
        />
        {update.isError && <Alert tone="error">Not saved: {update.error.message}</Alert>}
        {canEdit && (
          <div className={styles.formActions}>
            <Button type="submit" variant="primary" disabled={changed.length === 0 || update.isPending}>
              {update.isPending ? 'Saving…' : 'Save changes'}
            </Button>
            {update.isSuccess && changed.length === 0 && (
              <span role="status" className={styles.saved}>
                Saved
              </span>
            )}
          </div>
        )}
      </form>
    </aside>
  );
}
