import type { NodeViewRendererProps } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { QueryObserver } from '@tanstack/react-query';
import type { StoryRef } from '../../../domain/api/stories';
import { READ_ALSO_LABELS, type ReadAlsoLabel } from '../../../domain/document/read-also';
import { element, setAttribute } from '../../../lib/dom';
import { storyRefKey, storyRefQuery } from '../../stories/api/story-refs';
import { DrawnNodeView } from '../direct-node-views';
import { readAlsoFlag } from '../model/read-also-flag';
import type { ReadAlsoEditingOptions } from './read-also';
import styles from './ReadAlsoView.module.css';

/**
 * A "Read also" block in the editor: its label (changeable), the target's current headline, a
 * flag when the target is not published, and buttons to point it elsewhere or remove it.
 *
 * Plain DOM, not React, like the figures' view (figure-view.ts): the block follows its target's
 * ref through a TanStack Query observer, so it shares the cache, the batching of ref requests
 * (story-refs.ts) and the refetching with the rest of the app.
 */
export class ReadAlsoView extends DrawnNodeView {
  private readonly block: HTMLElement;
  private readonly labelSelect: HTMLSelectElement;
  private readonly labelText: HTMLElement;
  private readonly target: HTMLElement;
  private readonly flag: HTMLElement;
  private readonly actions: HTMLElement;
  private readonly changeButton: HTMLButtonElement;
  private readonly removeButton: HTMLButtonElement;
  private readonly ref: QueryObserver<StoryRef | null, Error, StoryRef | null, StoryRef | null, ReturnType<typeof storyRefKey>>;
  private readonly unsubscribe: () => void;
  /** Whether the parts were last put in for an editable editor (null: not yet). */
  private drawnEditable: boolean | null = null;

  constructor(props: NodeViewRendererProps) {
    super(null, props);
    const { queryClient } = this.editingOptions();
    if (!queryClient) throw new Error('ReadAlsoEditing needs the app’s queryClient option to show its blocks’ stories.');
    this.labelSelect = element('select', { class: styles.label, 'aria-label': 'Label' }, ...READ_ALSO_LABELS.map((label) => element('option', { value: label }, label)));
    this.labelSelect.addEventListener('change', () => {
      if (this.editor.isEditable) this.updateAttributes({ label: this.labelSelect.value });
    });
    this.labelText = element('span', { class: styles.label });
    this.target = element('span');
    this.flag = element('span', { class: styles.flag });
    this.changeButton = element('button', { type: 'button', class: styles.action });
    this.changeButton.addEventListener('click', () => this.pickStory());
    this.removeButton = element('button', { type: 'button', class: styles.action }, 'Remove');
    this.removeButton.addEventListener('click', () => {
      if (this.editor.isEditable) this.deleteNode();
    });
    this.actions = element('span', { class: styles.actions }, this.changeButton, this.removeButton);
    this.block = element('div', { class: `node-readAlso ${styles.block}`, 'data-read-also': '', role: 'group' });
    this.ref = new QueryObserver(queryClient, storyRefQuery(this.storyId()));
    this.unsubscribe = this.ref.subscribe(() => this.draw());
    this.draw();
  }

  override get dom(): HTMLElement {
    return this.block;
  }

  override get contentDOM(): null {
    return null;
  }

  /** Pointed at another story: follow that one. */
  protected override nodeChanged(previous: ProseMirrorNode): void {
    if (previous.attrs.storyId !== this.node.attrs.storyId) this.ref.setOptions(storyRefQuery(this.storyId()));
  }

  destroy(): void {
    this.unsubscribe();
  }

  private editingOptions(): ReadAlsoEditingOptions {
    return this.extension.options as ReadAlsoEditingOptions;
  }

  private storyId(): string | null {
    return (this.node.attrs.storyId as string | null) ?? null;
  }

  /** A placeholder: imported copy named a story ("Read also: …") that no headline matched. */
  private placeholder(): string | null {
    return this.storyId() === null ? String(this.node.attrs.title ?? '') : null;
  }

  private pickStory(): void {
    const pos = this.getPos();
    if (pos === undefined || !this.editor.isEditable) return;
    const label = this.node.attrs.label as ReadAlsoLabel;
    this.editingOptions().onPickStory({ at: pos + this.node.nodeSize, label, replacePos: pos, query: this.placeholder() ?? undefined });
  }

  /** Brings the block in line with the node, its target's ref as last heard, and whether the editor is editable. */
  protected draw(): void {
    const label = this.node.attrs.label as ReadAlsoLabel;
    const placeholder = this.placeholder();
    const { data, isPending } = this.ref.getCurrentResult();
    const headline = data ? data.headline || 'Untitled story' : null;
    const flag = placeholder !== null ? 'No story chosen' : isPending ? null : readAlsoFlag(data ?? null);
    const editable = this.editor.isEditable;

    setAttribute(this.block, 'data-placeholder', placeholder !== null);
    this.block.setAttribute('aria-label', `${label}: ${placeholder ?? headline ?? 'story'}`);
    this.labelSelect.value = label;
    this.labelText.textContent = label;
    const [targetClass, targetText] =
      placeholder !== null
        ? [styles.placeholder, placeholder]
        : isPending
          ? [styles.missing, 'Loading…']
          : headline
            ? [styles.headline, headline]
            : [styles.missing, 'A story you cannot see, or that no longer exists'];
    setAttribute(this.target, 'class', targetClass);
    this.target.textContent = targetText;
    this.flag.textContent = flag ?? '';
    this.changeButton.textContent = placeholder !== null ? 'Choose story' : 'Change story';
    this.removeButton.setAttribute('aria-label', `Remove ${label} block`);

    this.flag.hidden = !flag;
    // The parts are put in again only when the editor's editability changed: an element moved in
    // the DOM loses the focus, and a keyboard user may be on the label or a button.
    if (editable !== this.drawnEditable) {
      this.drawnEditable = editable;
      this.block.replaceChildren(editable ? this.labelSelect : this.labelText, this.target, this.flag, ...(editable ? [this.actions] : []));
    }
  }
}
