import fs from 'node:fs';
import { z } from 'zod';
import { photoIdSchema } from '../../../src/domain/photos/id-schema';
import { RENDITION_CONTENT_TYPES, RENDITION_FORMATS, RENDITION_WIDTHS, type RenditionWidth } from '../../../src/domain/photos/renditions';
import { zodRoutes, type RouteContext } from '../../http/types';
import { notFound } from '../../errors';
import { PhotoStorage } from '../../services/photo-storage';

const FILE_PATTERN = new RegExp(`^(${RENDITION_WIDTHS.join('|')})\\.(${RENDITION_FORMATS.join('|')})$`);

const renditionParams = z.object({
  id: photoIdSchema,
  file: z.string().regex(FILE_PATTERN, { error: `a rendition file: <${RENDITION_WIDTHS.join('|')}>.<${RENDITION_FORMATS.join('|')}>` }),
});

/**
 * Should a rendition ever be opened as a page, nothing in it may run: no sources at all, and a
 * sandbox (no script, its own opaque origin).
 */
const MEDIA_CSP = "default-src 'none'; img-src 'self'; sandbox";

/** A year: a rendition's URL names its content (photo id = SHA-256 of the original), so it never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Photo renditions: `/media/photos/<id>/<320|1024|2048>.<webp|jpg>`. Public (the public site
 * shows them too), cached for good, with their real content type. Originals are never served.
 */
export function mediaRoutes({ app, config }: RouteContext) {
  const routes = zodRoutes(app);
  const files = new PhotoStorage(config.dataDir);

  routes.get(
    '/media/photos/:id/:file',
    { config: { public: true }, schema: { hide: true, params: renditionParams } },
    async (request, reply) => {
      const [, width, format] = FILE_PATTERN.exec(request.params.file)!;
      const file = files.renditionPath(request.params.id, Number(width) as RenditionWidth, format as keyof typeof RENDITION_CONTENT_TYPES);
      let stat: fs.Stats;
      try {
        stat = await fs.promises.stat(file);
      } catch {
        throw notFound('No such photo');
      }
      return reply
        .header('content-type', RENDITION_CONTENT_TYPES[format as keyof typeof RENDITION_CONTENT_TYPES])
        .header('content-length', stat.size)
        .header('cache-control', IMMUTABLE)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename="${width}.${format}"`)
        .header('content-security-policy', MEDIA_CSP)
        .send(fs.createReadStream(file));
    },
  );
}
