import { getSchema } from '@tiptap/core';
import { documentExtensions } from './extensions';

/** The ProseMirror schema built from the shared extension list. */
export const documentSchema = getSchema(documentExtensions);
