import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNinjs } from './ninjs';
import { expectDraftOrRefusal, fixture, outline } from './test-helpers';

describe('ninjs', () => {
  it('1.x: headline, description_text, byline, located, body_html; the "featureimage" is the lead photo, the other picture a note', () => {
    const draft = parseNinjs(fixture('ninjs-1.json'));
    expect(draft).toMatchObject({
      headline: "Lisbon's new tram line opens to crowds",
      standfirst: 'Riders queue from dawn for the first trams on the riverside route',
      byline: 'Ana Ortiz',
      dateline: 'LISBON',
      sourceDate: '2025-05-04',
      leadPhoto: { caption: 'Riders board the first tram at the Belem depot.', credit: 'Ana Ortiz', alt: '' },
      notes: ['A picture was not imported: “Crowds on the platform.” (Rui Sousa).'],
    });
    expect(outline(draft.blocks)).toEqual([
      ['p', 'The first tram left the depot at 6 a.m. with every seat taken.'],
      ['h2', 'Years in the making'],
      ['p', 'The line was first proposed in 2011, see the plan.'],
      ['readAlso', 'Read also', 'Lisbon tram fares to rise in June'],
    ]);
    expect(draft.blocks[2].content).toEqual([
      { type: 'text', text: 'The line was ' },
      { type: 'text', text: 'first proposed', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' in 2011, see ' },
      { type: 'text', text: 'the plan', marks: [{ type: 'link', attrs: { href: 'https://example.org/plan', storyId: null, title: null } }] },
      { type: 'text', text: '.' },
    ]);
  });

  it('2.x: the main headline of several, the summary, the HTML body over the plain one, by, located, a picture association with caption, credit and alt', () => {
    const draft = parseNinjs(fixture('ninjs-2.json'));
    expect(draft).toMatchObject({
      headline: 'Harbour bridge to shut for two weekends',
      standfirst: 'Repairs to the deck will close the crossing on Saturdays and Sundays',
      byline: 'Sigrid Aas',
      dateline: 'KESTREL BAY',
      sourceDate: '2025-02-11',
      leadPhoto: { caption: 'The harbour bridge at dusk.', credit: 'Harbour News Agency', alt: 'A steel bridge over a harbour at dusk' },
      notes: [],
    });
    expect(outline(draft.blocks)).toEqual([
      ['p', 'The bridge will close from 10 p.m. on Friday.'],
      ['bulletList', [['p', 'Buses every ten minutes']], [['p', 'Ferries every half hour']]],
      ['readAlso', 'Read', 'Ferry to run at night'],
    ]);
  });

  it('3.x: camelCase properties, an HTML summary as text, scripts and file:// images dropped from the body', () => {
    const draft = parseNinjs(fixture('ninjs-3.json'));
    expect(draft).toMatchObject({
      headline: 'Glacier museum opens above the tree line',
      standfirst: 'A decade late, and twice over budget',
      byline: 'Marta Ilic',
      dateline: 'GRINDELHORN',
      sourceDate: '2025-07-19',
      leadPhoto: { caption: "The museum's glass front.", credit: 'Alpine Picture Agency', alt: 'A glass building on a mountainside' },
    });
    expect(outline(draft.blocks)).toEqual([
      ['p', 'The museum opened on Saturday.'],
      ['blockquote', ['p', 'People come to see the ice and find it gone.']],
      ['orderedList', [['p', 'Cable car']], [['p', 'Footpath']]],
    ]);
  });

  it('takes a plain-text body, split on blank lines, when there is no HTML one', () => {
    const draft = parseNinjs(JSON.stringify({ headline: 'H', body_text: 'One\nline.\n\nTwo.\n\nRead also: Other story' }));
    expect(outline(draft.blocks)).toEqual([['p', 'One line.'], ['p', 'Two.'], ['readAlso', 'Read also', 'Other story']]);
  });

  it('never throws but a refusal, and what it makes always fits the story schema', () => {
    const ninjsLike = fc.record(
      {
        headline: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        headlines: fc.anything(),
        descriptions: fc.array(fc.record({ role: fc.constantFrom('summary', 'caption', 5), contenttype: fc.constantFrom('text/html', 'text/plain'), value: fc.string() })),
        bodies: fc.array(fc.record({ contentType: fc.constantFrom('text/html', 'text/plain'), value: fc.oneof(fc.string(), fc.constantFrom('<p>Read: x</p><ul><ul><li>a</li></ul></ul>', '<h1>', '<table><td>x')) })),
        body_html: fc.string(),
        by: fc.anything(),
        located: fc.string(),
        associations: fc.oneof(fc.anything(), fc.array(fc.record({ type: fc.constant('picture'), by: fc.string(), descriptions: fc.anything() }))),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(ninjsLike.map((value) => JSON.stringify(value)), fc.string(), fc.json()), (input) => expectDraftOrRefusal(parseNinjs, input)),
      { numRuns: 200 },
    );
  });
});
