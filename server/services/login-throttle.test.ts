import { describe, expect, it } from 'vitest';
import { FREE_ATTEMPTS, throttleKeys, waitAfter } from './login-throttle';

describe('login throttle', () => {
  it('lets the free attempts through, then doubles the wait up to fifteen minutes', () => {
    const free = FREE_ATTEMPTS.account;
    expect([0, 1, free - 1].map((n) => waitAfter(n, free))).toEqual([0, 0, 0]);
    expect([free, free + 1, free + 2, free + 5].map((n) => waitAfter(n, free))).toEqual([1, 2, 4, 32]);
    expect(waitAfter(free + 40, free)).toBe(15 * 60);
  });

  it('counts per account and per address, more generously per address', () => {
    expect(throttleKeys('ana@example.org', '10.0.0.1')).toEqual({ account: 'email:ana@example.org', address: 'ip:10.0.0.1' });
    expect(FREE_ATTEMPTS.address).toBeGreaterThan(FREE_ATTEMPTS.account);
  });
});
