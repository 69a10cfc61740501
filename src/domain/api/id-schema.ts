import { z } from 'zod';
import { ID_PATTERN } from './ids';

export const recordIdSchema = z.string().regex(ID_PATTERN, { error: 'not a valid id' });
