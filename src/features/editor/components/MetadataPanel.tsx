import type { ReactNode } from 'react';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/Field';
import { Facts, PanelHeading } from '../../../components/ui/Panel';
import { StatusBadge } from '../../../components/ui/StatusBadge';
import type { Story } from '../../../domain/api/stories';
import { SEO_RECOMMENDED, STORY_LIMITS } from '../../../domain/story/limits';
import { SECTION_KEYS, SECTIONS, type Section } from '../../../domain/story/sections';
import { dateTime } from '../../../lib/format';
import styles from './StoryEditor.module.css';

export interface MetadataValues {
  byline: string;
  dateline: string;
  section: Section | null;
  tagsText: string;
  seoTitle: string;
  seoDescription: string;
}

interface MetadataPanelProps {
  story: Story;
  values: MetadataValues;
  /** Problems to show on fields (they are not saved until fixed). */
  errors: Partial<Record<keyof MetadataValues, string | null>>;
  readOnly: boolean;
  onChange: <K extends keyof MetadataValues>(field: K, value: MetadataValues[K]) => void;
  /** The lead photo section, shown first. */
  leadPhoto?: ReactNode;
  /** More sections for the panel (links, history). */
  children?: ReactNode;
}

/** The story's details beside the canvas: byline, dateline, section, tags, SEO, and the facts. */
export function MetadataPanel({ story, values, errors, readOnly, onChange, leadPhoto, children }: MetadataPanelProps) {
  return (
    <aside className={styles.panel} aria-label="Story details">
      {leadPhoto}
      <PanelHeading>Details</PanelHeading>
      <TextField
        id="story-byline"
        label="Byline"
        value={values.byline}
        maxLength={STORY_LIMITS.byline}
        readOnly={readOnly}
        placeholder="Reporter or agency"
        onChange={(e) => onChange('byline', e.target.value)}
      />
      <TextField
        label="Dateline"
        value={values.dateline}
        maxLength={STORY_LIMITS.dateline}
        readOnly={readOnly}
        placeholder="e.g. KESTREL BAY"
        hint="Where the story was reported; printed before the first paragraph."
        onChange={(e) => onChange('dateline', e.target.value)}
      />
      <SelectField
        label="Section"
        value={values.section ?? ''}
        disabled={readOnly}
        onChange={(e) => onChange('section', (e.target.value || null) as Section | null)}
      >
        <option value="">No section</option>
        {SECTION_KEYS.map((section) => (
          <option key={section} value={section}>
            {SECTIONS[section]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Tags"
        value={values.tagsText}
        readOnly={readOnly}
        placeholder="water, diplomacy"
        hint={`Separate tags with commas (at most ${STORY_LIMITS.tags}).`}
        error={errors.tagsText}
        onChange={(e) => onChange('tagsText', e.target.value)}
      />
      <TextField
        label="SEO title"
        value={values.seoTitle}
        maxLength={STORY_LIMITS.seoTitle}
        readOnly={readOnly}
        count={{ used: values.seoTitle.length, recommended: SEO_RECOMMENDED.seoTitle }}
        hint="Shown by search engines; the headline when empty."
        onChange={(e) => onChange('seoTitle', e.target.value)}
      />
      <TextAreaField
        label="SEO description"
        value={values.seoDescription}
        maxLength={STORY_LIMITS.seoDescription}
        readOnly={readOnly}
        rows={3}
        count={{ used: values.seoDescription.length, recommended: SEO_RECOMMENDED.seoDescription }}
        hint="Shown under the title in search results; the standfirst when empty."
        onChange={(e) => onChange('seoDescription', e.target.value)}
      />
      <Facts
        items={[
          ['Status', <StatusBadge status={story.status} />],
          ['Slug', story.slug],
          ['Created', dateTime(story.createdAt)],
          ['Revision', story.revision],
        ]}
      />
      {children}
    </aside>
  );
}
