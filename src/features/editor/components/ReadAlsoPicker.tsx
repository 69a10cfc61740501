import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../../components/ui/Button';
import type { StoryRef } from '../../../domain/api/stories';
import { primeStoryRef } from '../../stories/api/story-refs';
import type { EditorPopoverRequest } from '../store';
import { StoryPicker } from './StoryPicker';

interface ReadAlsoPickerProps {
  editor: Editor;
  request: Extract<EditorPopoverRequest, { kind: 'readAlso' }>;
  /** The story being edited: it cannot point to itself. */
  storyId: string;
  onClose: () => void;
}

/**
 * Picks the story for a "Read also" block: inserts a new block where the cursor was (replacing
 * the empty paragraph "Read also:" was typed into), or points an existing block elsewhere.
 */
export function ReadAlsoPicker({ editor, request, storyId, onClose }: ReadAlsoPickerProps) {
  const queryClient = useQueryClient();

  const pick = (story: StoryRef) => {
    primeStoryRef(queryClient, story);
    const { replacePos, at, label } = request;
    if (replacePos !== undefined) {
      // Pointing a placeholder at a story resolves it: the imported title goes.
      editor
        .chain()
        .focus()
        .command(({ tr }) => (tr.setNodeAttribute(replacePos, 'storyId', story.id).setNodeAttribute(replacePos, 'title', null), true))
        .run();
      onClose();
      return;
    }
    editor
      .chain()
      .focus()
      .command(({ tr, state }) => {
        const block = state.schema.nodes.readAlso.create({ storyId: story.id, label });
        const $at = tr.doc.resolve(Math.min(at, tr.doc.content.size));
        const emptyParagraph = $at.parent.type.name === 'paragraph' && $at.parent.content.size === 0 && $at.depth > 0;
        let start: number;
        if (emptyParagraph) {
          start = $at.before();
          tr.replaceWith(start, $at.after(), block);
        } else {
          start = $at.depth > 0 ? $at.after() : $at.pos;
          tr.insert(start, block);
        }
        // Carry on writing below the block.
        const after = start + block.nodeSize;
        if (!tr.doc.resolve(after).nodeAfter?.isTextblock) tr.insert(after, state.schema.nodes.paragraph.create());
        tr.setSelection(TextSelection.create(tr.doc, after + 1));
        return true;
      })
      .run();
    onClose();
  };

  const cancel = () => {
    const { restoreText, at } = request;
    // "Read also:" was typed and turned into this picker: cancelling gives the words back.
    if (restoreText) editor.chain().focus().insertContentAt(at, restoreText).run();
    else editor.commands.focus();
    onClose();
  };

  return (
    <>
      <StoryPicker
        label={`Find a story for “${request.label}”`}
        placeholder="Words from the headline"
        exclude={[storyId]}
        initialText={request.query}
        onPick={pick}
        onCancel={cancel}
      />
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 'var(--space-2)' }}>
        <Button variant="ghost" onClick={cancel}>
          Cancel
        </Button>
      </div>
    </>
  );
}
