import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { Trash2 } from 'lucide-react';
import { useEffect, useId, useRef, useState, type ChangeEvent, type ComponentProps, type KeyboardEvent } from 'react';
import { creditLine, type FigureAttributes } from '../../../domain/document/figure';
import { PHOTO_TEXT_LIMITS } from '../../../domain/photos/limits';
import { renditionSrcset, renditionUrl, STORY_IMAGE_SIZES } from '../../../domain/photos/renditions';
import type { EditorFigureOptions } from './editor-figure';
import styles from './FigureView.module.css';

/** One line: a pasted line break becomes a space (the server refuses them). */
const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, ' ');

/**
 * A text input bound to a figure attribute. It keeps its own value while focused (so the caret
 * never jumps as the document updates) and follows the document otherwise (undo, a collaborator).
 */
function AttributeInput({ id, value, onChange, ...rest }: { id: string; value: string; onChange: (value: string) => void } & Omit<ComponentProps<'input'>, 'value' | 'onChange'>) {
  const [draft, setDraft] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (document.activeElement !== input.current) setDraft(value);
  }, [value]);
  return (
    <input
      ref={input}
      id={id}
      value={draft}
      onChange={(event: ChangeEvent<HTMLInputElement>) => {
        const next = oneLine(event.target.value);
        setDraft(next);
        onChange(next);
      }}
      onBlur={() => setDraft(value)}
      {...rest}
    />
  );
}

/**
 * The editor's view of a figure: the photo, its caption (the figure's own editable text), and
 * inputs for this use's credit and alt text. Tab moves from the caption to the credit and alt
 * text; Enter in the caption goes on to the paragraph after the figure.
 */
export function FigureView({ node, updateAttributes, deleteNode, editor, extension, selected, getPos }: ReactNodeViewProps) {
  const { photoId, credit, alt, width, height } = node.attrs as FigureAttributes;
  const { textEditable } = extension.options as EditorFigureOptions;
  const editable = editor.isEditable;
  const id = useId();
  const empty = node.content.size === 0;
  // Shift+Tab or Escape from the credit goes back to the end of the caption.
  const backToCaption = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!((event.key === 'Tab' && event.shiftKey) || event.key === 'Escape')) return;
    const pos = getPos();
    if (typeof pos !== 'number') return;
    event.preventDefault();
    editor.chain().focus(pos + 1 + node.content.size).run();
  };

  return (
    <NodeViewWrapper as="figure" className={styles.figure} data-selected={selected || undefined} aria-label="Photo" role="group">
      <div className={styles.media} contentEditable={false} data-drag-handle={textEditable && editable ? '' : undefined}>
        <img
          className={styles.image}
          src={renditionUrl(photoId, 1024, 'webp')}
          srcSet={renditionSrcset(photoId, 'webp', width)}
          sizes={STORY_IMAGE_SIZES}
          alt={alt}
          width={width ?? undefined}
          height={height ?? undefined}
          draggable={false}
        />
      </div>
      <div className={styles.captionRow}>
        <span className={styles.label} contentEditable={false} id={`${id}-caption`}>
          Caption
        </span>
        <NodeViewContent
          as="div"
          className={styles.caption}
          role="textbox"
          aria-labelledby={`${id}-caption`}
          data-empty={empty || undefined}
        />
        {credit?.trim() && (
          // As the page prints it, after the caption.
          <span className={styles.creditPreview} contentEditable={false} aria-hidden="true">
            {creditLine(credit)}
          </span>
        )}
      </div>
      <div className={styles.fields} contentEditable={false}>
        <div className={styles.field}>
          <label className={styles.label} htmlFor={`${id}-credit`}>
            Credit
          </label>
          <AttributeInput
            id={`${id}-credit`}
            className={styles.input}
            value={credit ?? ''}
            maxLength={PHOTO_TEXT_LIMITS.credit}
            placeholder="e.g. Reuters"
            readOnly={!editable}
            data-figure-field="credit"
            onKeyDown={backToCaption}
            // The story may have left this person's hands since the view last drew (setEditable
            // does not redraw node views): a change that could not be saved is not taken.
            onChange={(value) => editor.isEditable && updateAttributes({ credit: value })}
          />
        </div>
        <div className={`${styles.field} ${styles.fieldWide}`}>
          <label className={styles.label} htmlFor={`${id}-alt`}>
            Alt text
          </label>
          <AttributeInput
            id={`${id}-alt`}
            className={styles.input}
            value={alt ?? ''}
            maxLength={PHOTO_TEXT_LIMITS.alt}
            placeholder="What the photo shows, for readers who cannot see it"
            readOnly={!editable}
            data-figure-field="alt"
            onKeyDown={(event) => event.key === 'Escape' && backToCaption(event)}
            onChange={(value) => editor.isEditable && updateAttributes({ alt: value })}
          />
        </div>
      </div>
      {textEditable && editable && (
        // After the fields in the tab order; shown over the photo's corner.
        <button type="button" className={styles.remove} aria-label="Remove photo" title="Remove photo" onClick={() => deleteNode()}>
          <Trash2 size={16} aria-hidden="true" />
        </button>
      )}
    </NodeViewWrapper>
  );
}
