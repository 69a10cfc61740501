import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNewsml } from './newsml';
import { expectDraftOrRefusal, fixture, outline } from './test-helpers';

describe('NewsML-G2', () => {
  it('a newsMessage with a text item (XHTML body) and a picture item: contentMeta fields, the body without its repeated <h1>, the picture as lead photo', () => {
    const draft = parseNewsml(fixture('newsml-xhtml.xml'));
    expect(draft).toMatchObject({
      headline: "Norway's sovereign fund sells last coal holdings",
      standfirst: 'The fund completes a divestment parliament ordered in 2015',
      byline: 'Sigrid Aas, Nordic Wire',
      dateline: 'OSLO',
      sourceDate: '2025-05-12',
      leadPhoto: { caption: "The fund's offices in central Oslo.", credit: 'Nordic Wire/Ola Berg', alt: '' },
      notes: [],
    });
    expect(outline(draft.blocks)).toEqual([
      ['p', 'The fund has sold the last of its holdings in coal miners, its chief executive said on Monday.'],
      ['h2', "Parliament's order"],
      ['p', 'Parliament told the fund to divest in 2015 & the fund began at once.'],
      ['readAlso', 'Read also', 'Norway fund drops oil explorers'],
      ['p', 'The portfolio report is online.'],
    ]);
  });

  it('a newsItem with a NITF body: hedline, byline, dateline, abstract; hl2 as subheading, bq as quote; media as the lead photo', () => {
    const draft = parseNewsml(fixture('newsml-nitf.xml'));
    expect(draft).toMatchObject({
      headline: 'Lyon bakers win fight to keep Sunday trading',
      standfirst: 'A court strikes down a city rule closing bakeries one day a week',
      byline: 'Claire Martin',
      dateline: 'LYON',
      sourceDate: '2025-06-02',
      leadPhoto: { caption: 'A baker at work before dawn.', credit: 'Agence Test', alt: 'A baker at an oven' },
    });
    expect(outline(draft.blocks)).toEqual([
      ['p', 'Bakers in Lyon will be allowed to open on Sundays, a court ruled on Monday.'],
      ['h2', 'The city will not appeal'],
      ['p', 'The ruling ends a two-year dispute.'],
      ['blockquote', ['p', 'Sunday mornings are a fifth of our takings.']],
      ['bulletList', [['p', 'Open 7 a.m. to 1 p.m.']]],
    ]);
  });

  it('a plain-text inlineData body', () => {
    const draft = parseNewsml('<newsItem><contentMeta><headline>H</headline></contentMeta><contentSet><inlineData contenttype="text/plain">One.\n\nRead: Two</inlineData></contentSet></newsItem>');
    expect(outline(draft.blocks)).toEqual([['p', 'One.'], ['readAlso', 'Read', 'Two']]);
  });

  it('refuses DTDs before reading them, so entities are never expanded', () => {
    const bomb = `<!DOCTYPE x [<!ENTITY a "${'x'.repeat(100)}"><!ENTITY b "${'&a;'.repeat(100)}"><!ENTITY c "${'&b;'.repeat(100)}">]><newsItem><contentMeta><headline>&c;</headline></contentMeta></newsItem>`;
    expect(() => parseNewsml(bomb)).toThrow(/document type declaration/);
    expect(() => parseNewsml('<!DOCTYPE newsItem SYSTEM "http://example.org/evil.dtd"><newsItem/>')).toThrow(/document type declaration/);
  });

  it('never throws but a refusal, and what it makes always fits the story schema', () => {
    const text = fc.string().map((value) => value.replace(/[<&]/g, ' '));
    const element = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.tuple(fc.constantFrom('p', 'hl2', 'bq', 'block', 'media', 'em', 'a', 'ul', 'li', 'h1', 'body', 'media-caption', 'script'), fc.array(tie('node'), { maxLength: 4 })).map(
          ([name, children]) => `<${name}>${children.join('')}</${name}>`,
        ),
      ),
    })).node;
    const newsml = fc
      .tuple(text, fc.array(element, { maxLength: 6 }), fc.boolean())
      .map(
        ([headline, body, nitf]) =>
          `<newsItem><contentMeta><headline>${headline}</headline><located><name>${headline}</name></located></contentMeta><contentSet><inlineXML>${
            nitf ? `<nitf><body><body.content>${body.join('')}</body.content></body></nitf>` : `<html><body>${body.join('')}</body></html>`
          }</inlineXML></contentSet></newsItem>`,
      );
    fc.assert(
      fc.property(fc.oneof(newsml, fc.string()), (input) => expectDraftOrRefusal(parseNewsml, input)),
      { numRuns: 200 },
    );
  });
});
