import { useCallback } from 'react';
import { SelectField, TextField } from '../../../components/ui/Field';
import { SECTION_KEYS, SECTIONS } from '../../../domain/story/sections';
import { STATUS_LABELS, STORY_STATUSES } from '../../../domain/story/status';
import { useDebouncedText } from '../../../lib/use-debounced-text';
import type { StoryListFilters } from '../api/query-keys';
import styles from './StoryListPage.module.css';

interface StoryFiltersProps {
  filters: StoryListFilters;
  onChange: (filters: StoryListFilters) => void;
}

/** Search box and status/section filters. Search waits for a pause in typing before asking the server. */
export function StoryFilters({ filters, onChange }: StoryFiltersProps) {
  const [q, setQ] = useDebouncedText(filters.q ?? '', useCallback((text: string) => onChange({ ...filters, q: text || undefined }), [filters, onChange]));

  return (
    <div className={styles.filters} role="search">
      <TextField label="Search stories" type="search" placeholder="Headline, standfirst or text" value={q} onChange={(e) => setQ(e.target.value)} />
      <SelectField
        label="Status"
        value={filters.status ?? ''}
        onChange={(e) => onChange({ ...filters, status: (e.target.value || undefined) as StoryListFilters['status'] })}
      >
        <option value="">All statuses</option>
        {STORY_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Section"
        value={filters.section ?? ''}
        onChange={(e) => onChange({ ...filters, section: (e.target.value || undefined) as StoryListFilters['section'] })}
      >
        <option value="">All sections</option>
        {SECTION_KEYS.map((section) => (
          <option key={section} value={section}>
            {SECTIONS[section]}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
