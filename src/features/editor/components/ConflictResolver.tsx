import type { JSONContent } from '@tiptap/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import dialogStyles from '../../../components/ui/Dialog.module.css';
import { Button } from '../../../components/ui/Button';
import type { ConflictDetails } from '../../../domain/api/stories';
import { documentText } from '../../../domain/document/text';
import type { StoryFields } from '../../../domain/story/fields';
import { STORY_FIELD_LABELS } from '../../../domain/story/field-labels';
import { fieldsOf } from '../../../domain/story/fields-of';
import { mergeStories, type MergeChoice, type MergeConflict, type MergeResult } from '../../../domain/story/merge';
import styles from './ConflictResolver.module.css';


const BLOCK_NAMES: Record<string, string> = {
  paragraph: 'Paragraph',
  heading: 'Subheading',
  blockquote: 'Quote',
  bulletList: 'List',
  orderedList: 'List',
  figure: 'Photo',
  readAlso: '“Read also” link',
  horizontalRule: 'Divider',
};

function fieldText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') {
    const photo = value as { caption?: string; credit?: string; alt?: string };
    return `${photo.caption ?? ''}\nPHOTO: ${photo.credit ?? ''}\nAlt text: ${photo.alt ?? ''}`;
  }
  return String(value);
}

function blockText(block: JSONContent | null): string {
  if (!block) return '';
  if (block.type === 'figure') return `${documentText(block)}\nPHOTO: ${block.attrs?.credit ?? ''}\nAlt text: ${block.attrs?.alt ?? ''}`;
  if (block.type === 'readAlso') return `${block.attrs?.label ?? 'Read also'}: (linked story)`;
  if (block.type === 'horizontalRule') return '———';
  return documentText(block);
}

function describe(conflict: MergeConflict, blockNumbers: Map<string, number>) {
  if (conflict.kind === 'field') return { title: STORY_FIELD_LABELS[conflict.field], theirs: fieldText(conflict.theirs), mine: fieldText(conflict.mine) };
  if (conflict.kind === 'block') {
    const block = conflict.mine ?? conflict.theirs ?? conflict.base;
    const number = blockNumbers.get(conflict.blockId);
    return {
      title: `${BLOCK_NAMES[block?.type ?? ''] ?? 'Block'}${number ? ` ${number}` : ''} of the body`,
      theirs: blockText(conflict.theirs),
      mine: blockText(conflict.mine),
    };
  }
  return { title: 'The order of the body (both of you moved blocks)', theirs: documentText(conflict.theirs), mine: documentText(conflict.mine) };
}

interface ConflictResolverProps {
  details: ConflictDetails;
  /** The server's content at the revision this editor's save was made on, as the editor knows it: the base when the server no longer keeps that revision. */
  knownBase: StoryFields;
  /** Everything as it now stands in this editor. */
  mine: StoryFields;
  /** The person's choices made: the merged story, and the fields that differ from the server's. */
  onResolve: (result: MergeResult) => void;
}

/**
 * Overlapping edits, side by side: for every field or block both people changed, their version
 * and mine, and the person picks one for each. Nothing else is touched: edits that did not
 * overlap are merged as they are.
 */
export function ConflictResolver({ details, knownBase, mine, onResolve }: ConflictResolverProps) {
  const theirs = useMemo(() => fieldsOf(details.story), [details.story]);
  // The base the server sent, else the editor's own copy of it: without any, every difference would be a conflict.
  const [base] = useState(() => details.base ?? knownBase);
  const first = useMemo(() => mergeStories(base, theirs, mine), [base, theirs, mine]);
  const [choices, setChoices] = useState<Map<string, MergeChoice>>(new Map());
  // Blocks are numbered by their place in my version, as the person sees it (else in theirs).
  const blockNumbers = useMemo(() => {
    const numbers = new Map<string, number>();
    for (const body of [theirs.body, mine.body]) (body.content ?? []).forEach((block, index) => numbers.set(block.attrs?.id as string, index + 1));
    return numbers;
  }, [mine.body, theirs.body]);
  const choose = (key: string, choice: MergeChoice) => setChoices((current) => new Map(current).set(key, choice));
  const chooseAll = (choice: MergeChoice) => setChoices(new Map(first.conflicts.map((conflict) => [conflict.key, choice])));
  const undecided = first.conflicts.filter((conflict) => !choices.has(conflict.key)).length;

  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => {
      if (element?.open) element.close();
    };
  }, []);

  return (
    // Modal: saving waits for the choice, and it must be seen wherever the person was in the story.
    // Escape does not dismiss it (there is no way on without choosing).
    <dialog ref={dialog} className={`${dialogStyles.dialog} ${styles.dialog}`} aria-labelledby="conflict-title" onCancel={(event) => event.preventDefault()}>
      <div className={`${dialogStyles.form} ${styles.resolver}`}>
        <h2 id="conflict-title" className={dialogStyles.title}>
          Someone else changed the same words
        </h2>
        <p>
          {first.conflicts.length === 0
            ? 'Your edits no longer overlap theirs: they can be merged as they are.'
            : `You and someone else changed the same ${first.conflicts.length === 1 ? 'part' : `${first.conflicts.length} parts`} of this story while you were editing. Nothing has been lost or saved over: choose which version to keep for each; everything else is merged.`}
        </p>
        {first.conflicts.map((conflict) => {
          const { title, theirs: theirText, mine: myText } = describe(conflict, blockNumbers);
          const name = `conflict-${conflict.key}`;
          return (
            <fieldset key={conflict.key} className={styles.item}>
              <legend>{title}</legend>
              <div className={styles.sides}>
                {(['theirs', 'mine'] as const).map((side) => {
                  const text = side === 'theirs' ? theirText : myText;
                  return (
                    <label key={side} className={styles.side}>
                      <span className={styles.sideTitle}>
                        <input type="radio" name={name} value={side} checked={choices.get(conflict.key) === side} onChange={() => choose(conflict.key, side)} />{' '}
                        {side === 'theirs' ? 'Their version' : 'My version'}
                      </span>
                      {text ? <p className={styles.text}>{text}</p> : <p className={`${styles.text} ${styles.gone}`}>(deleted)</p>}
                    </label>
                  );
                })}
              </div>
            </fieldset>
          );
        })}
        <div className={styles.actions}>
          {first.conflicts.length > 1 && (
            <>
              <Button size="small" onClick={() => chooseAll('mine')}>
                Choose all mine
              </Button>
              <Button size="small" onClick={() => chooseAll('theirs')}>
                Choose all theirs
              </Button>
            </>
          )}
          <Button variant="primary" disabled={undecided > 0} onClick={() => onResolve(mergeStories(base, theirs, mine, choices))}>
            {undecided > 0 ? `Apply (${undecided} left to choose)` : 'Apply and save'}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
