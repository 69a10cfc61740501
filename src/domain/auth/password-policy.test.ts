import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('password policy (OWASP ASVS: length over complexity, no breached passwords)', () => {
  it('takes long passphrases with no composition rules', () => {
    for (const password of ['correct pony sky lantern', 'reporter-passphrase-1', 'alllowercaseisfine', 'Ünïcödé wörds are fine too', '12 words 34 chars']) {
      expect(passwordProblem(password), password).toBeNull();
    }
  });

  it('refuses short passwords, and ones too long to hash sensibly', () => {
    expect(passwordProblem('short pass1')).toMatch(/at least 12/);
    expect(passwordProblem('x'.repeat(257) + 'abcd')).toMatch(/at most/);
  });

  it('refuses the passwords attackers try first, in the spellings people use', () => {
    for (const password of [
      'password1234',
      'Password2024!',
      'P@ssw0rd12345',
      '123456789012',
      '098765432109',
      'qwertyuiopas',
      'qwertyuiop12',
      '1q2w3e4r5t6y',
      'abcdeabcdeabcde',
      'passwordpassword',
      'iloveyou1234',
      '!!Welcome2025!!',
      'Newsdesk2026!',
      'letmein-letmein',
      'correcthorsebatterystaple',
    ]) {
      expect(passwordProblem(password), password).toMatch(/attackers try/);
    }
  });
});
