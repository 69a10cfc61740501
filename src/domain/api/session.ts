import { z } from 'zod';
import type { SessionUser } from './users';

export const loginInputSchema = z
  .object({
    email: z
      .string({ error: 'Enter your email' })
      .trim()
      .toLowerCase()
      .min(1, { error: 'Enter your email' })
      .max(254)
      .refine((email) => !/[\u0000-\u001f\u007f]/.test(email), { error: 'Enter a valid email address' }),
    password: z.string({ error: 'Enter your password' }).min(1, { error: 'Enter your password' }).max(1024),
  })
  .strict();

export type LoginInput = z.input<typeof loginInputSchema>;

export interface SessionResponse {
  user: SessionUser;
  /** Send back as `X-CSRF-Token` on every state-changing request. */
  csrfToken: string;
}
