import { z } from 'zod';

// C0 controls and DEL have no place in a one-line field; newlines are not allowed either.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** One line of text: at most `max` characters, no line breaks or control characters. */
export function lineSchema(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .max(max, { error: `${label} can be at most ${max} characters` })
    .refine((value) => !CONTROL_CHARACTERS.test(value), { error: `${label} cannot contain line breaks or control characters` });
}
