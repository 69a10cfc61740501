import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { READ_ALSO_LABELS, type ReadAlsoLabel } from '../../../domain/document/read-also';
import { useStoryRef } from '../../stories/api/story-refs';
import { readAlsoFlag } from '../model/read-also-flag';
import { useEditorChrome } from '../store';
import styles from './ReadAlsoView.module.css';

/**
 * A "Read also" block in the editor: its label (changeable), the target's current headline, a
 * flag when the target is not published, and buttons to point it elsewhere or remove it.
 */
export function ReadAlsoView({ node, updateAttributes, deleteNode, getPos, selected, editor }: ReactNodeViewProps) {
  const storyId = (node.attrs.storyId as string | null) ?? null;
  const label = node.attrs.label as ReadAlsoLabel;
  // A placeholder: imported copy named a story ("Read also: …") that no headline matched.
  const placeholder = storyId === null ? String(node.attrs.title ?? '') : null;
  const target = useStoryRef(storyId);
  const openPopover = useEditorChrome((chrome) => chrome.openPopover);
  const editable = editor.isEditable;
  const flag = placeholder !== null ? 'No story chosen' : target.isPending ? null : readAlsoFlag(target.data ?? null);
  const headline = target.data ? target.data.headline || 'Untitled story' : null;

  return (
    <NodeViewWrapper
      as="div"
      className={styles.block}
      data-selected={selected}
      data-read-also=""
      data-placeholder={placeholder !== null ? '' : undefined}
      aria-label={`${label}: ${placeholder ?? headline ?? 'story'}`}
      role="group"
    >
      {editable ? (
        <select className={styles.label} aria-label="Label" value={label} onChange={(event) => updateAttributes({ label: event.target.value })}>
          {READ_ALSO_LABELS.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <span className={styles.label}>{label}</span>
      )}
      {placeholder !== null ? (
        <span className={styles.placeholder}>{placeholder}</span>
      ) : target.isPending ? (
        <span className={styles.missing}>Loading…</span>
      ) : headline ? (
        <span className={styles.headline}>{headline}</span>
      ) : (
        <span className={styles.missing}>A story you cannot see, or that no longer exists</span>
      )}
      {flag && <span className={styles.flag}>{flag}</span>}
      {editable && (
        <span className={styles.actions}>
          <button
            type="button"
            className={styles.action}
            onClick={() => {
              const pos = getPos();
              if (pos !== undefined) openPopover({ kind: 'readAlso', at: pos + node.nodeSize, label, replacePos: pos, query: placeholder ?? undefined });
            }}
          >
            {placeholder !== null ? 'Choose story' : 'Change story'}
          </button>
          <button type="button" className={styles.action} aria-label={`Remove ${label} block`} onClick={() => deleteNode()}>
            Remove
          </button>
        </span>
      )}
    </NodeViewWrapper>
  );
}
