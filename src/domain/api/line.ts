import { z } from 'zod';
import { CONTROL_CHARACTERS } from './one-line';

/** One line of text: at most `max` characters, no line breaks or control characters. */
export function lineSchema(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .max(max, { error: `${label} can be at most ${max} characters` })
    .refine((value) => !CONTROL_CHARACTERS.test(value), { error: `${label} cannot contain line breaks or control characters` });
}
