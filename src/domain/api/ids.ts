import { z } from 'zod';

/** Ids the API hands out are UUIDs; anything outside this alphabet cannot be one. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const recordIdSchema = z.string().regex(ID_PATTERN, { error: 'not a valid id' });
