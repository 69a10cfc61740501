import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { fieldClasses } from '../../../components/ui/Field';
import { StatusBadge } from '../../../components/ui/StatusBadge';
import type { StoryRef, StorySummary } from '../../../domain/api/stories';
import { timeAgo } from '../../../lib/format';
import { useHeadlineSearch } from '../../stories/api/search-stories';
import styles from './StoryPicker.module.css';

const SEARCH_DELAY_MS = 150;

export function toStoryRef(story: StorySummary): StoryRef {
  const { id, slug, status, headline, publishedAt, updatedAt } = story;
  return { id, slug, status, headline, publishedAt, updatedAt };
}

interface StoryPickerProps {
  label: string;
  placeholder?: string;
  /** Stories that may not be picked (the story being edited). */
  exclude?: string[];
  onPick: (story: StoryRef) => void;
  onCancel: () => void;
  /**
   * Enter with no story highlighted: the caller may take the typed text (the link editor takes
   * a web address). Return a message to show when the text will not do.
   */
  onEnterText?: (text: string) => string | null;
  /** Says what Enter will do with the typed text, if anything; hides the story list. */
  describeText?: (text: string) => ReactNode | null;
  initialText?: string;
}

/**
 * Finds a story by headline as you type (server full-text search) and picks it with the
 * keyboard: ↑/↓ move, Enter picks, Escape cancels. ARIA combobox with a listbox.
 */
export function StoryPicker({ label, placeholder, exclude = [], onPick, onCancel, onEnterText, describeText, initialText = '' }: StoryPickerProps) {
  const id = useId();
  const [text, setText] = useState(initialText);
  const [query, setQuery] = useState(initialText);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // After the editor has finished handling the keystroke that opened the picker (it would take focus back).
  useEffect(() => {
    const frame = requestAnimationFrame(() => input.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const textNote = describeText?.(text) ?? null;
  const search = useHeadlineSearch(textNote ? '' : query);
  const stories = textNote ? [] : (search.data?.items ?? []).filter((story) => !exclude.includes(story.id));
  const activeIndex = Math.min(active, stories.length - 1);
  const optionId = (index: number) => `${id}-option-${index}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (stories.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + stories.length) % stories.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (stories[activeIndex]) onPick(toStoryRef(stories[activeIndex]));
      else if (onEnterText) setError(onEnterText(text));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  const status = textNote
    ? textNote
    : search.isPending
      ? 'Searching…'
      : search.isError
        ? `Could not search: ${search.error.message}`
        : stories.length === 0
          ? query.trim()
            ? 'No story has a headline with these words.'
            : 'No stories yet.'
          : `${stories.length} ${query.trim() ? 'matching' : 'latest'} ${stories.length === 1 ? 'story' : 'stories'} — ↑ ↓ to choose, Enter to pick`;

  return (
    <div className={styles.picker}>
      <label className={fieldClasses.label} htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        className={fieldClasses.control}
        role="combobox"
        aria-expanded={stories.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={stories[activeIndex] ? optionId(activeIndex) : undefined}
        aria-describedby={`${id}-status`}
        aria-invalid={error ? true : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setError(null);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Stories" className={styles.list}>
        {stories.map((story, index) => (
          <li
            key={story.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className={styles.option}
            // Keep focus in the input: the pick happens on click.
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => setActive(index)}
            onClick={() => onPick(toStoryRef(story))}
          >
            <span className={styles.headline}>{story.headline || 'Untitled story'}</span>
            <span className={styles.meta}>
              <StatusBadge status={story.status} />
              <time dateTime={story.publishedAt ?? story.updatedAt}>
                {story.publishedAt ? `published ${timeAgo(story.publishedAt)}` : `changed ${timeAgo(story.updatedAt)}`}
              </time>
            </span>
          </li>
        ))}
      </ul>
      {error ? (
        <p className={styles.note} role="alert" style={{ color: 'var(--color-danger)' }}>
          {error}
        </p>
      ) : (
        <p id={`${id}-status`} className={styles.note} role="status">
          {status}
        </p>
      )}
    </div>
  );
}
