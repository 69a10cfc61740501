import type { NodeViewRendererProps } from '@tiptap/core';
import { oneLine } from '../../../domain/api/one-line';
import { creditLine, type FigureAttributes } from '../../../domain/document/figure';
import { PHOTO_TEXT_LIMITS } from '../../../domain/photos/limits';
import { renditionSrcset, renditionUrl, STORY_IMAGE_SIZES } from '../../../domain/photos/renditions';
import { element, icon, setAttribute } from '../../../lib/dom';
import { DrawnNodeView } from '../direct-node-views';
import type { EditorFigureOptions } from './editor-figure';
import styles from './FigureView.module.css';

/** lucide's trash-2, the icon the rest of the app draws with lucide-react. */
const TRASH_ICON = ['M10 11v6', 'M14 11v6', 'M19 6v14a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V6', 'M3 6h18', 'M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2'];

type FigureField = 'credit' | 'alt';

/** For each figure's labels and inputs: ids unique on the page. */
let figuresDrawn = 0;

/**
 * The editor's view of a figure: the photo, its caption (the figure's own editable text), and
 * inputs for this use's credit and alt text. Tab moves from the caption to the credit and alt
 * text (editor-figure.ts); Shift+Tab or Escape goes back to the caption.
 *
 * Plain DOM, not React: a 10,000-word story holds dozens of figures, and as React node views they
 * made up about a third of the time from a click on the story to an editable body (each one a
 * portal rendered after the body: docs/benchmarks.md, "Opening a long story").
 */
export class FigureView extends DrawnNodeView {
  private readonly figure: HTMLElement;
  private readonly media: HTMLElement;
  private readonly image: HTMLImageElement;
  private readonly caption: HTMLElement;
  private readonly creditPreview: HTMLElement;
  private readonly inputs: Record<FigureField, HTMLInputElement>;
  private readonly removeButton: HTMLButtonElement;
  /** The attributes the image was last drawn with (a new src would load it again). */
  private drawnPhoto = '';

  constructor(props: NodeViewRendererProps) {
    super(null, props);
    const id = `figure-${++figuresDrawn}`;
    this.image = element('img', { class: styles.image, sizes: STORY_IMAGE_SIZES, draggable: 'false', loading: 'lazy', decoding: 'async' });
    this.media = element('div', { class: styles.media, contenteditable: 'false' }, this.image);
    this.caption = element('div', { class: styles.caption, role: 'textbox', 'aria-labelledby': `${id}-caption` });
    this.creditPreview = element('span', { class: styles.creditPreview, contenteditable: 'false', 'aria-hidden': 'true' });
    this.inputs = {
      credit: this.attributeInput(id, 'credit', { maxlength: PHOTO_TEXT_LIMITS.credit, placeholder: 'e.g. Reuters' }),
      alt: this.attributeInput(id, 'alt', { maxlength: PHOTO_TEXT_LIMITS.alt, placeholder: 'What the photo shows, for readers who cannot see it' }),
    };
    const field = (name: FigureField, label: string, className: string) =>
      element('div', { class: className }, element('label', { class: styles.label, for: `${id}-${name}` }, label), this.inputs[name]);
    this.removeButton = element('button', { type: 'button', class: styles.remove, 'aria-label': 'Remove photo', title: 'Remove photo' }, icon(TRASH_ICON));
    this.removeButton.addEventListener('click', () => {
      if (this.editor.isEditable) this.deleteNode();
    });
    this.figure = element(
      'figure',
      { class: `node-figure ${styles.figure}`, role: 'group', 'aria-label': 'Photo' },
      this.media,
      element('div', { class: styles.captionRow }, element('span', { class: styles.label, contenteditable: 'false', id: `${id}-caption` }, 'Caption'), this.caption, this.creditPreview),
      element('div', { class: styles.fields, contenteditable: 'false' }, field('credit', 'Credit', styles.field), field('alt', 'Alt text', `${styles.field} ${styles.fieldWide}`)),
      // After the fields in the tab order; shown over the photo's corner.
      this.removeButton,
    );
    this.figure.addEventListener('dragstart', (event) => this.onDragStart(event));
    this.draw();
  }

  override get dom(): HTMLElement {
    return this.figure;
  }

  override get contentDOM(): HTMLElement {
    return this.caption;
  }

  /** Brings the view in line with the node (and with whether the editor is editable now). */
  protected draw(): void {
    const { photoId, credit, alt, width, height } = this.node.attrs as FigureAttributes;
    const editable = this.editor.isEditable;
    const removable = editable && (this.extension.options as EditorFigureOptions).textEditable;
    const photo = `${photoId} ${width ?? ''}`;
    if (photo !== this.drawnPhoto) {
      this.drawnPhoto = photo;
      this.image.src = renditionUrl(photoId, 1024, 'webp');
      this.image.srcset = renditionSrcset(photoId, 'webp', width);
    }
    setAttribute(this.image, 'width', width ?? undefined);
    setAttribute(this.image, 'height', height ?? undefined);
    this.image.alt = alt ?? '';
    setAttribute(this.media, 'data-drag-handle', removable);
    setAttribute(this.caption, 'data-empty', this.node.content.size === 0);
    // As the page prints it, after the caption.
    this.creditPreview.hidden = !credit?.trim();
    this.creditPreview.textContent = credit?.trim() ? creditLine(credit) : '';
    for (const name of ['credit', 'alt'] as const) {
      const input = this.inputs[name];
      input.readOnly = !editable;
      // A field being typed in keeps its own value, so the caret never jumps.
      if (document.activeElement !== input) input.value = (this.node.attrs[name] as string | null) ?? '';
    }
    if (removable && !this.removeButton.isConnected) this.figure.append(this.removeButton);
    if (!removable) this.removeButton.remove();
  }

  /** A text input bound to a figure attribute: it follows the document unless it is being typed in. */
  private attributeInput(id: string, name: FigureField, attributes: Record<string, string | number>): HTMLInputElement {
    const input = element('input', { id: `${id}-${name}`, class: styles.input, 'data-figure-field': name, ...attributes });
    input.addEventListener('input', () => {
      const value = oneLine(input.value);
      if (value !== input.value) {
        const caret = input.selectionStart;
        input.value = value;
        input.setSelectionRange(caret, caret);
      }
      // The story may have left this person's hands since the view last drew (setEditable does not
      // redraw node views): a change that could not be saved is not taken.
      if (this.editor.isEditable) this.updateAttributes({ [name]: value });
    });
    input.addEventListener('blur', () => {
      input.value = (this.node.attrs[name] as string | null) ?? '';
    });
    // Shift+Tab (from the credit) or Escape goes back to the end of the caption.
    input.addEventListener('keydown', (event) => {
      if (!(event.key === 'Escape' || (name === 'credit' && event.key === 'Tab' && event.shiftKey))) return;
      const pos = this.getPos();
      if (typeof pos !== 'number') return;
      event.preventDefault();
      this.editor.chain().focus(pos + 1 + this.node.content.size).run();
    });
    return input;
  }
}
