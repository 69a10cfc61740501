import type { DocumentJSON } from '../../src/domain/document/types';

/** A small body with a subheading and a link, as an editor would send it. */
export function sampleBody(words = 'The ferry will run at night from Monday.'): DocumentJSON {
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: words }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Repairs until spring' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Timetables are on the ' },
          { type: 'text', text: 'port website', marks: [{ type: 'link', attrs: { href: 'https://port.example.org/t' } }] },
          { type: 'text', text: '.' },
        ],
      },
    ],
  };
}

export function paragraphs(...texts: string[]): DocumentJSON {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}
