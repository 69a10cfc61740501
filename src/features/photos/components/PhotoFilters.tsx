import { useCallback } from 'react';
import { SelectField, TextField } from '../../../components/ui/Field';
import { PHOTO_MISSING_FIELDS, type PhotoMissingField } from '../../../domain/photos/limits';
import { useDebouncedText } from '../../../lib/use-debounced-text';
import type { PhotoListFilters } from '../api/query-keys';
import styles from './PhotoLibrary.module.css';

const MISSING_OPTIONS: Record<PhotoMissingField, string> = {
  caption: 'Missing a caption',
  credit: 'Missing a credit',
  alt: 'Missing alt text',
};

interface PhotoFiltersProps {
  filters: PhotoListFilters;
  onChange: (filters: PhotoListFilters) => void;
  /** Labels that say where the search is (the picker has its own). */
  searchLabel?: string;
}

/** Search (caption, credit, creator) and the "missing" filter; search waits for a pause in typing. */
export function PhotoFilters({ filters, onChange, searchLabel = 'Search photos' }: PhotoFiltersProps) {
  const [q, setQ] = useDebouncedText(filters.q ?? '', useCallback((text: string) => onChange({ ...filters, q: text || undefined }), [filters, onChange]));

  return (
    <div className={styles.filters} role="search">
      <TextField label={searchLabel} type="search" placeholder="Caption, credit or photographer" value={q} onChange={(e) => setQ(e.target.value)} />
      <SelectField label="Show" value={filters.missing ?? ''} onChange={(e) => onChange({ ...filters, missing: (e.target.value || undefined) as PhotoMissingField | undefined })}>
        <option value="">All photos</option>
        {PHOTO_MISSING_FIELDS.map((field) => (
          <option key={field} value={field}>
            {MISSING_OPTIONS[field]}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
