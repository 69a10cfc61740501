import { ImagePlus } from 'lucide-react';
import { Button } from '../../../components/ui/Button';
import { TextAreaField, TextField } from '../../../components/ui/Field';
import { PanelHeading } from '../../../components/ui/Panel';
import { oneLine } from '../../../domain/api/one-line';
import { creditLine } from '../../../domain/document/figure';
import { PHOTO_TEXT_LIMITS } from '../../../domain/photos/limits';
import type { LeadPhoto } from '../../../domain/story/fields';
import { PhotoImage } from '../../photos/components/PhotoImage';
import styles from './LeadPhotoPanel.module.css';

interface LeadPhotoPanelProps {
  value: LeadPhoto | null;
  editable: boolean;
  onChange: (value: LeadPhoto | null) => void;
  /** Opens the photo picker to choose or replace the photo. */
  onChoose: () => void;
}

/** The lead photo in the side panel: the photo, this story's caption, credit and alt text for it. */
export function LeadPhotoPanel({ value, editable, onChange, onChoose }: LeadPhotoPanelProps) {
  const set = (field: 'caption' | 'credit' | 'alt') => (event: { target: { value: string } }) =>
    value && onChange({ ...value, [field]: oneLine(event.target.value) });
  return (
    <section className={styles.panel} aria-labelledby="lead-photo-title">
      <PanelHeading id="lead-photo-title">Lead photo</PanelHeading>
      {value ? (
        <>
          {value.photoId ? (
            <PhotoImage className={styles.image} photoId={value.photoId} alt={value.alt} slot={320} sizes="290px" />
          ) : (
            <p className={styles.wanted} role="note">
              Photo to find: the copy came with this caption and credit but no picture. Choose it from the library.
            </p>
          )}
          <TextAreaField id="story-leadPhoto-caption" label="Lead photo caption" rows={3} value={value.caption} readOnly={!editable} maxLength={PHOTO_TEXT_LIMITS.caption} onChange={set('caption')} />
          <TextField
            id="story-leadPhoto-credit"
            label="Lead photo credit"
            value={value.credit}
            readOnly={!editable}
            maxLength={PHOTO_TEXT_LIMITS.credit}
            hint={value.credit.trim() ? `Printed as “${creditLine(value.credit)}”.` : 'Printed after the caption as “PHOTO: CREDIT”.'}
            onChange={set('credit')}
          />
          <TextAreaField id="story-leadPhoto-alt" label="Lead photo alt text" rows={2} value={value.alt} readOnly={!editable} maxLength={PHOTO_TEXT_LIMITS.alt} onChange={set('alt')} />
          {editable && (
            <div className={styles.actions}>
              <Button id="story-leadPhoto-choose" size="small" onClick={onChoose}>
                {value.photoId ? 'Replace lead photo…' : 'Choose lead photo…'}
              </Button>
              <Button size="small" variant="danger" onClick={() => onChange(null)}>
                Remove
              </Button>
            </div>
          )}
        </>
      ) : (
        <>
          <p className={styles.none}>No lead photo yet.</p>
          {editable && (
            <Button size="small" onClick={onChoose}>
              <ImagePlus size={16} aria-hidden="true" /> Choose lead photo…
            </Button>
          )}
        </>
      )}
    </section>
  );
}

/** The lead photo on the canvas, as the page will show it: photo, caption, PHOTO: CREDIT. */
export function LeadPhotoPreview({ value }: { value: LeadPhoto }) {
  return (
    <figure className={styles.preview}>
      {value.photoId ? (
        <PhotoImage className={styles.previewImage} photoId={value.photoId} alt={value.alt} slot={1024} sizes="(min-width: 720px) 680px, 100vw" />
      ) : (
        <div className={styles.previewWanted}>Photo to find</div>
      )}
      <figcaption className={styles.previewCaption}>
        {value.caption}
        {value.credit.trim() && <span className={styles.previewCredit}> {creditLine(value.credit)}</span>}
      </figcaption>
    </figure>
  );
}
