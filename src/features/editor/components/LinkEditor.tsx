import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '../../../components/ui/Button';
import { TextField } from '../../../components/ui/Field';
import { isAllowedHref, normaliseHref } from '../../../domain/document/link-policy';
import styles from './LinkEditor.module.css';

interface LinkEditorProps {
  editor: Editor;
  onClose: () => void;
}

/**
 * Adds, changes or removes the link on the selection. "example.com" becomes https://example.com;
 * only http, https and mailto addresses are accepted (the server refuses anything else too).
 */
export function LinkEditor({ editor, onClose }: LinkEditorProps) {
  const existing = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [address, setAddress] = useState(existing);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Whatever opened the editor (the toolbar button, or the body via Ctrl+K) gets focus back.
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
    input.current?.focus();
  }, []);

  const close = () => {
    onClose();
    const from = opener.current;
    if (from instanceof HTMLElement && !editor.view.dom.contains(from) && from.isConnected) from.focus();
    else editor.commands.focus();
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!address.trim()) {
      setError('Enter a web or email address');
      return;
    }
    const href = normaliseHref(address);
    if (!isAllowedHref(href)) {
      setError('Links must be web addresses (http:// or https://) or email addresses');
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // No text selected: the address itself becomes the link text.
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    onClose();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  return (
    <form className={styles.panel} role="dialog" aria-label="Link" onSubmit={apply} onKeyDown={onKeyDown} noValidate>
      <div className={styles.field}>
        <TextField
          ref={input}
          label="Link address"
          placeholder="https://…"
          value={address}
          error={error}
          onChange={(event) => {
            setAddress(event.target.value);
            setError(null);
          }}
        />
      </div>
      <Button type="submit" variant="primary">
        Apply link
      </Button>
      {existing && <Button onClick={remove}>Remove link</Button>}
      <Button variant="ghost" onClick={close}>
        Cancel
      </Button>
    </form>
  );
}
