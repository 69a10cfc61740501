import { escapeHtml } from '../../src/domain/document/render-html';

export const SITE_NAME = 'Newsdesk';

/**
 * The public site runs no script at all, so its policy is stricter than the app's: nothing but
 * its own stylesheet and images, no script of any kind, no forms, no framing, no <base>.
 */
export const PUBLIC_SITE_CSP = [
  "default-src 'none'",
  "img-src 'self'",
  "style-src 'self'",
  "script-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function readableDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

interface PageOptions {
  title: string;
  description?: string;
  canonicalUrl?: string;
  /** Extra <meta> tags (Open Graph), already escaped. */
  head?: string;
  main: string;
}

/** The public site's page shell: no script, one stylesheet, the site's name at the top. */
export function page({ title, description, canonicalUrl, head = '', main }: PageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${description ? `<meta name="description" content="${escapeHtml(description)}">` : ''}
${canonicalUrl ? `<link rel="canonical" href="${escapeHtml(canonicalUrl)}">` : ''}
<link rel="alternate" type="application/rss+xml" title="${SITE_NAME}" href="/feed.xml">
<link rel="stylesheet" href="/news/site.css">
${head}
</head>
<body>
<header class="site"><a href="/feed.xml" class="brand">${SITE_NAME}</a></header>
<main>
${main}
</main>
</body>
</html>
`;
}

/** A page for "there is nothing here" (404) or "it was taken down" (410). */
export function messagePage(title: string, message: string): string {
  return page({ title: `${title} — ${SITE_NAME}`, main: `<article class="message"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></article>` });
}
