/**
 * Where a photo's renditions live, computed from its id alone, so the shared renderer (pure,
 * no database) can write `src` and `srcset`.
 *
 * Every photo has one file per width slot and format: `/media/photos/<id>/<slot>.<webp|jpg>`.
 * A slot wider than the original holds the original width (never enlarged), so every URL
 * exists whatever the photo's size; when the original width is known, `srcset` names each
 * file's real width and leaves out slots that would only repeat it.
 */
export const RENDITION_WIDTHS = [320, 1024, 2048] as const;
export type RenditionWidth = (typeof RENDITION_WIDTHS)[number];

export const RENDITION_FORMATS = ['webp', 'jpg'] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];

export const RENDITION_CONTENT_TYPES: Record<RenditionFormat, string> = {
  webp: 'image/webp',
  jpg: 'image/jpeg',
};

/** The library's thumbnails and the editor's preview. */
export const THUMBNAIL_WIDTH: RenditionWidth = 320;
export const PREVIEW_WIDTH: RenditionWidth = 1024;

export const MEDIA_PREFIX = '/media/photos';

/** `sizes` for a photo across the story column (the canvas is 680 px wide). */
export const STORY_IMAGE_SIZES = '(min-width: 720px) 680px, 100vw';

export function renditionUrl(photoId: string, width: RenditionWidth, format: RenditionFormat): string {
  return `${MEDIA_PREFIX}/${encodeURIComponent(photoId)}/${width}.${format}`;
}

/** How wide the file in a slot is: the slot, or the original when that is narrower. */
export function renditionPixelWidth(slot: RenditionWidth, originalWidth: number): number {
  return Math.min(slot, originalWidth);
}

/** The slots worth offering for an original this wide (all of them when the width is unknown). */
export function usefulSlots(originalWidth: number | null): Array<{ slot: RenditionWidth; width: number }> {
  if (!originalWidth || originalWidth <= 0) return RENDITION_WIDTHS.map((slot) => ({ slot, width: slot }));
  const slots: Array<{ slot: RenditionWidth; width: number }> = [];
  for (const slot of RENDITION_WIDTHS) {
    slots.push({ slot, width: renditionPixelWidth(slot, originalWidth) });
    if (slot >= originalWidth) break;
  }
  return slots;
}

/** `srcset` for one format: `…/320.webp 320w, …/1024.webp 800w` for an 800 px original. */
export function renditionSrcset(photoId: string, format: RenditionFormat, originalWidth: number | null): string {
  return usefulSlots(originalWidth)
    .map(({ slot, width }) => `${renditionUrl(photoId, slot, format)} ${width}w`)
    .join(', ');
}
