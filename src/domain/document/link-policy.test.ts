import { describe, expect, it } from 'vitest';
import { isAllowedHref, normaliseHref } from './link-policy';

describe('link policy', () => {
  it.each(['https://example.org', 'http://example.org/a?b#c', 'mailto:desk@example.org', 'HTTPS://EXAMPLE.ORG/'])('allows %s', (href) => {
    expect(isAllowedHref(href)).toBe(true);
  });

  it.each(['', 'javascript:alert(1)', 'ftp://example.org', 'tel:+123', 'example.org', ' https://example.org', `https://example.org/${'a'.repeat(2048)}`])(
    'refuses %j',
    (href) => {
      expect(isAllowedHref(href)).toBe(false);
    },
  );

  it('refuses anything that is not a string', () => {
    for (const value of [null, undefined, 42, {}, ['https://example.org']]) expect(isAllowedHref(value)).toBe(false);
  });

  it('turns what an editor types into an address', () => {
    expect(normaliseHref('example.org/news')).toBe('https://example.org/news');
    expect(normaliseHref('  desk@example.org ')).toBe('mailto:desk@example.org');
    expect(normaliseHref('http://example.org')).toBe('http://example.org');
    // A scheme is kept as typed, so the policy can refuse it.
    expect(isAllowedHref(normaliseHref('javascript:alert(1)'))).toBe(false);
  });
});
