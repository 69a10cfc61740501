import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { photoListQuerySchema, updatePhotoInputSchema } from '../../../src/domain/api/photos';
import { photoIdSchema } from '../../../src/domain/photos/id-schema';
import { currentUser } from '../../http/auth';
import { zodRoutes, type RouteContext } from '../../http/types';
import { AppError, badRequest, payloadTooLarge, unsupportedMediaType } from '../../errors';
import { PhotoStorage } from '../../services/photo-storage';
import { getPhoto, listPhotos, updatePhoto, uploadPhoto, type PhotoStore, type UploadedFile } from '../../services/photos';

const photoParams = z.object({ id: photoIdSchema });

const ONE_FILE = 'Send one photo per upload, as multipart/form-data with a single field named "file"';

/**
 * The one file of an upload, read into memory (at most the configured size). Anything but
 * exactly one part, a file in the field "file", is refused before a byte of it is looked at.
 */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  if (!request.isMultipart()) throw unsupportedMediaType(ONE_FILE);
  let upload: UploadedFile | null = null;
  try {
    // parts: 1 — a second part (another file, or any field) ends the request with a limit error.
    for await (const part of request.parts({ preservePath: true, limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } })) {
      if (part.type !== 'file' || part.fieldname !== 'file') throw badRequest(ONE_FILE);
      // A part with a content type but no file name comes as a file without one (not what a browser sends).
      upload = { fileName: part.filename ?? '', bytes: await part.toBuffer() };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw payloadTooLarge(`The photo is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, the largest the photo desk takes`);
    }
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') throw badRequest(ONE_FILE);
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw unsupportedMediaType(ONE_FILE);
    if (code?.startsWith('FST_')) throw badRequest(`The upload could not be read: ${(error as Error).message}`);
    if (error instanceof AppError) throw error;
    // The multipart parser's own errors (a body cut short, a broken boundary) have no code.
    throw badRequest('The upload was interrupted or is not well-formed: send the photo again');
  }
  if (!upload) throw badRequest(`The request has no photo in it. ${ONE_FILE}`);
  return upload;
}

export function photoRoutes({ app, config, database }: RouteContext) {
  const routes = zodRoutes(app);
  const store: PhotoStore = { db: database.db, files: new PhotoStorage(config.dataDir), limits: config.uploads };

  routes.post(
    '/api/photos',
    {
      schema: {
        tags: ['photos'],
        summary: 'Upload a photo (multipart/form-data, one field "file"): 201 new, 200 when the same file is already in the library',
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, config.uploads.maxBytes);
      const { photo, created } = await uploadPhoto(store, currentUser(request), upload);
      return reply
        .status(created ? 201 : 200)
        .header('location', `/api/photos/${photo.id}`)
        .send(photo);
    },
  );

  routes.get(
    '/api/photos',
    { schema: { tags: ['photos'], summary: 'The library, newest first: search caption, credit and creator; filter what is missing', querystring: photoListQuerySchema } },
    async (request) => listPhotos(store, currentUser(request), request.query),
  );

  routes.get(
    '/api/photos/:id',
    { schema: { tags: ['photos'], summary: 'One photo of the library', params: photoParams } },
    async (request) => getPhoto(store, currentUser(request), request.params.id),
  );

  routes.patch(
    '/api/photos/:id',
    {
      schema: {
        tags: ['photos'],
        summary: 'Correct a photo’s caption, credit, creator, copyright or alt text in the library',
        params: photoParams,
        body: updatePhotoInputSchema,
      },
    },
    async (request) => updatePhoto(store, currentUser(request), request.params.id, request.body),
  );
}
