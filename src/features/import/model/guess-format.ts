import type { ImportFormat } from '../../../domain/api/imports';

/** The format a file or a paste is most likely in: JSON is ninjs, XML is NewsML-G2, the rest text. */
export function guessFormat(content: string, fileName = ''): ImportFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.json')) return 'ninjs';
  if (name.endsWith('.xml')) return 'newsml';
  const start = content.trimStart().slice(0, 200);
  if (start.startsWith('{')) return 'ninjs';
  if (start.startsWith('<?xml') || /^<(\w+:)?(newsItem|newsMessage|packageItem)\b/.test(start)) return 'newsml';
  return 'text';
}
