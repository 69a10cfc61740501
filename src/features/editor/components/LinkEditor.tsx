import type { Editor } from '@tiptap/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Button } from '../../../components/ui/Button';
import type { StoryRef } from '../../../domain/api/stories';
import { isAllowedHref, normaliseHref } from '../../../domain/document/link-policy';
import { primeStoryRef, useStoryRef } from '../../stories/api/story-refs';
import styles from './LinkEditor.module.css';
import { StoryPicker } from './StoryPicker';

interface LinkEditorProps {
  editor: Editor;
  /** The story being edited: it cannot link to itself. */
  storyId: string;
  onClose: () => void;
}

/** Something typed that is meant as an address rather than words from a headline. */
function looksLikeAddress(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && !/\s/.test(trimmed) && (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || /[.@]/.test(trimmed));
}

/**
 * Adds, changes or removes the link on the selection: to a web address ("example.com" becomes
 * https://example.com; only http, https and mailto), or to another story found by its headline.
 */
export function LinkEditor({ editor, storyId, onClose }: LinkEditorProps) {
  const queryClient = useQueryClient();
  const existing = editor.getAttributes('link') as { href?: string | null; storyId?: string | null };
  const linkedStory = useStoryRef(existing.storyId ?? null);
  // Whatever opened the editor (the toolbar button, or the body via Ctrl+K) gets focus back.
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
  }, []);

  const close = () => {
    onClose();
    const from = opener.current;
    if (from instanceof HTMLElement && from.isConnected && !editor.view.dom.contains(from)) from.focus();
    else editor.commands.focus();
  };

  const link = (attrs: { href: string | null; storyId: string | null }, text: string) => {
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // Nothing selected: the address or headline itself becomes the link text.
      chain.insertContent({ type: 'text', text, marks: [{ type: 'link', attrs }] }).run();
    } else {
      // setMark, not setLink: setLink refuses a link without an href (a link to a story has none).
      chain.setMark('link', attrs).run();
    }
    onClose();
  };

  const linkAddress = (typed: string): string | null => {
    if (!typed.trim()) return 'Type a web address, or words from a story’s headline and pick the story';
    const href = normaliseHref(typed);
    if (!isAllowedHref(href)) return 'Links must be web addresses (http:// or https://) or email addresses';
    link({ href, storyId: null }, href);
    return null;
  };

  const linkStory = (story: StoryRef) => {
    primeStoryRef(queryClient, story);
    link({ href: null, storyId: story.id }, story.headline || 'story');
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <div className={styles.body}>
      {existing.storyId && (
        <p className={styles.current}>Links to the story “{linkedStory.data?.headline ?? '…'}”</p>
      )}
      <StoryPicker
        label="Link to a web address or a story"
        placeholder="https://… or words from a headline"
        exclude={[storyId]}
        initialText={existing.href ?? ''}
        describeText={(text) => (looksLikeAddress(text) ? `Enter links to ${normaliseHref(text)}` : null)}
        onEnterText={linkAddress}
        onPick={linkStory}
        onCancel={close}
      />
      <div className={styles.actions}>
        {(existing.href || existing.storyId) && <Button onClick={remove}>Remove link</Button>}
        <Button variant="ghost" onClick={close}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
