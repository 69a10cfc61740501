/** An item of the RSS feed. */
export interface FeedItem {
  title: string;
  link: string;
  description: string;
  published: string;
  author?: string;
  category?: string;
}

export interface FeedChannel {
  title: string;
  link: string;
  description: string;
  selfLink: string;
  items: FeedItem[];
}

/** Characters XML 1.0 cannot hold at all are dropped; the rest is escaped as text (no CDATA). */
export function xmlText(value: string): string {
  return value
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * RSS 2.0, written with plain entity escaping. (The `feed` package escapes only the first "]]>"
 * of a CDATA section, so a headline could inject elements into the feed; this cannot.)
 * The byline goes in dc:creator: RSS's own <author> must be an email address.
 */
export function rss2(channel: FeedChannel): string {
  const items = channel.items
    .map(
      (item) => `<item>
<title>${xmlText(item.title)}</title>
<link>${xmlText(item.link)}</link>
<guid isPermaLink="true">${xmlText(item.link)}</guid>
<pubDate>${new Date(item.published).toUTCString()}</pubDate>
<description>${xmlText(item.description)}</description>${item.author ? `\n<dc:creator>${xmlText(item.author)}</dc:creator>` : ''}${
        item.category ? `\n<category>${xmlText(item.category)}</category>` : ''
      }
</item>`,
    )
    .join('\n');
  const lastBuild = channel.items[0] ? `\n<lastBuildDate>${new Date(channel.items[0].published).toUTCString()}</lastBuildDate>` : '';
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xmlText(channel.title)}</title>
<link>${xmlText(channel.link)}</link>
<description>${xmlText(channel.description)}</description>
<language>en</language>${lastBuild}
<atom:link href="${xmlText(channel.selfLink)}" rel="self" type="application/rss+xml"/>
${items}
</channel>
</rss>
`;
}
