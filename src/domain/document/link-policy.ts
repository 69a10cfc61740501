/** Link targets a story may carry. Anything else (javascript:, data:, vbscript:, relative paths) is refused. */
export const ALLOWED_LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const;

export const MAX_HREF_LENGTH = 2048;

/**
 * Is this an absolute http, https or mailto URL? Browsers ignore ASCII whitespace and control
 * characters inside a scheme ("java\tscript:"), so the check parses the URL the way a browser
 * would instead of matching a prefix.
 */
export function isAllowedHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length === 0 || href.length > MAX_HREF_LENGTH) return false;
  if (href !== href.trim()) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (!(ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(url.protocol)) return false;
  if (url.protocol === 'mailto:') return url.pathname.includes('@');
  return url.hostname.length > 0;
}

/** Turns what an editor typed into a link target: "example.com" becomes "https://example.com". */
export function normaliseHref(input: string): string {
  const trimmed = input.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(trimmed)) return `mailto:${trimmed}`;
  return `https://${trimmed}`;
}
