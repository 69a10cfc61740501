import type { Photo, PhotoMissingField } from '../../../domain/api/photos';

export const MISSING_LABELS: Record<PhotoMissingField, string> = {
  caption: 'No caption',
  credit: 'No credit',
  alt: 'No alt text',
};

/** What a photo still lacks before it can run: caption, credit, alt text. */
export function missingFields(photo: Pick<Photo, PhotoMissingField>): PhotoMissingField[] {
  return (Object.keys(MISSING_LABELS) as PhotoMissingField[]).filter((field) => !photo[field].trim());
}
