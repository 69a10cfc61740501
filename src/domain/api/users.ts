import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, passwordProblem } from '../auth/password-policy';
import { ROLES, type Role } from '../auth/roles';

/** A signed-in user as the SPA sees them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** An account as the admin screen lists it. */
export interface Account extends SessionUser {
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export const emailSchema = z
  .string({ error: 'Email must be text' })
  .trim()
  .toLowerCase()
  .max(254, { error: 'Email can be at most 254 characters' })
  .pipe(z.email({ error: 'Enter a valid email address' }));

export const nameSchema = z
  .string({ error: 'Name must be text' })
  .trim()
  .min(1, { error: 'Enter a name' })
  .max(120, { error: 'Name can be at most 120 characters' })
  .refine((name) => !/[\u0000-\u001f\u007f<>]/.test(name), { error: 'Name cannot contain control characters or < >' });

export const roleSchema = z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(', ')}` });

export const newPasswordSchema = z
  .string({ error: 'Password must be text' })
  .max(PASSWORD_MAX_LENGTH * 4)
  .superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const createAccountInputSchema = z
  .object({ email: emailSchema, name: nameSchema, role: roleSchema, password: newPasswordSchema })
  .strict()
  .refine((input) => input.password.toLowerCase() !== input.email, {
    path: ['password'],
    error: 'Do not use the email address as the password',
  });

export const updateAccountInputSchema = z
  .object({ name: nameSchema, role: roleSchema, disabled: z.boolean({ error: 'disabled must be true or false' }) })
  .partial()
  .strict()
  .refine((input) => Object.keys(input).length > 0, { error: 'Send at least one field to change' });

export type CreateAccountInput = z.input<typeof createAccountInputSchema>;
export type UpdateAccountInput = z.input<typeof updateAccountInputSchema>;
