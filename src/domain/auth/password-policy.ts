import { isCommonPassword } from './common-passwords';

/** OWASP ASVS: length over complexity, and no upper limit short enough to get in the way. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters`;
  if (new Set(password).size < 4) return 'Use more than a few different characters';
  if (isCommonPassword(password)) return 'This password is among the first that attackers try; choose another, for example a few unrelated words';
  return null;
}
