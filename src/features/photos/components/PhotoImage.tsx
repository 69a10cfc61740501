import { renditionSrcset, renditionUrl, type RenditionWidth } from '../../../domain/photos/renditions';

interface PhotoImageProps {
  photoId: string;
  alt: string;
  /** The photo's size, when known: reserves its shape before it loads. */
  width?: number | null;
  height?: number | null;
  /** The rendition to start from. */
  slot?: RenditionWidth;
  sizes?: string;
  className?: string;
}

/** A library photo from its WebP renditions (the URLs follow from its id). */
export function PhotoImage({ photoId, alt, width, height, slot = 320, sizes = '320px', className }: PhotoImageProps) {
  return (
    <img
      className={className}
      src={renditionUrl(photoId, slot, 'webp')}
      srcSet={renditionSrcset(photoId, 'webp', width ?? null)}
      sizes={sizes}
      alt={alt}
      width={width ?? undefined}
      height={height ?? undefined}
      loading="lazy"
      decoding="async"
      draggable={false}
    />
  );
}
