import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectDraftOrRefusal, fixture, outline } from './test-helpers';
import { parseWireText } from './wire-text';

const p = (text: string) => ['p', text];

describe('plain-text wire copy', () => {
  it('reads a newspaper’s republished wire story: header, caption, dateline, subheading, "Read also" lines; drops the comment chrome', () => {
    const draft = parseWireText(fixture('republished-wire.txt'));
    expect(draft).toMatchObject({
      headline: 'Night ferries return to Kestrel Bay as harbour repairs end early',
      standfirst: 'Port authority to add two crossings before the summer timetable, with fares frozen until autumn',
      byline: 'AFP',
      dateline: 'KESTREL BAY',
      sourceDate: '2025-03-03',
      leadPhoto: { caption: 'Passengers board the first night ferry at the Kestrel Bay terminal, March 3, 2025.', credit: 'AFP', alt: '' },
      notes: [],
    });
    expect(outline(draft.blocks)).toEqual([
      p(
        'Night ferries returned to Kestrel Bay on Monday, three weeks ahead of schedule, after engineers finished strengthening the harbour wall that had kept the late crossings suspended since January.',
      ),
      p('The port authority said two extra crossings would be added before the summer timetable begins, and that fares would stay frozen until the autumn.'),
      p('"We promised the islands their evenings back, and we are a little early," said harbour master Ines Duarte, who rode the first boat out.'),
      ['readAlso', 'Read also', 'Harbour wall repairs to close night ferries until spring'],
      p('Shopkeepers on the islands had warned that the suspension was costing them their busiest hours, and several restaurants had cut staff over the winter.'),
      ['h2', 'Unions welcome the timetable'],
      p('The ferry workers\' union said the new crossings would be staffed without compulsory overtime, a point it had pressed during talks in February.'),
      ['readAlso', 'Read', 'Island restaurants count the cost of a quiet winter'],
      p('The authority will publish the full summer timetable next week.'),
    ]);
  });

  it('reads Associated Press copy: byline and agency lines, the dateline opening the first paragraph, hard-wrapped paragraphs, no copyright notice', () => {
    const draft = parseWireText(fixture('associated-press.txt'));
    expect(draft).toMatchObject({
      headline: 'Glacier museum opens above the tree line after a decade of delays',
      standfirst: '',
      byline: 'Marta Ilic and Tomas Berg, Associated Press',
      dateline: 'GRINDELHORN',
      sourceDate: null,
      leadPhoto: null,
    });
    expect(outline(draft.blocks)).toEqual([
      p('A museum built into the flank of a retreating glacier opened to visitors on Saturday, ten years after its first stone was laid and two cost overruns later.'),
      p('The building, reached by a cable car from the village, shows how far the ice has fallen back since the 1850s, using paintings, photographs and core samples.'),
      p('"People come to see the ice and find that it has gone," curator Lea Amsler said.'),
      p('Associated Press writer Jonas Keller in Geneva contributed to this report.'),
    ]);
  });

  it('reads Reuters wire copy: "OSLO, May 12 (Reuters) -", lines wrapped at 70, the reporting credits kept, the trust-principles footer dropped', () => {
    const draft = parseWireText(fixture('reuters-wire.txt'));
    expect(draft).toMatchObject({ headline: 'Norway\'s sovereign fund sells last coal holdings, chief says', standfirst: '', byline: 'Reuters', dateline: 'OSLO', sourceDate: null, leadPhoto: null });
    expect(outline(draft.blocks)).toEqual([
      p('Norway\'s sovereign wealth fund has sold the last of its holdings in coal miners, its chief executive said on Monday, completing an exit the fund began almost a decade ago.'),
      p('The fund, one of the world\'s largest investors, had been told by parliament to divest from companies earning most of their revenue from thermal coal.'),
      p('"The portfolio no longer holds any of them," the chief executive told reporters in Oslo.'),
      p('(Reporting by Sigrid Aas; Editing by Peter Lund)'),
    ]);
  });

  it('reads AFP copy: priority word and initials sign-off dropped, "LYON, France, June 2, 2025 (AFP) -" as dateline, agency and date', () => {
    const draft = parseWireText(fixture('afp-wire.txt'));
    expect(draft).toMatchObject({ headline: 'Lyon bakers win fight to keep Sunday trading', standfirst: '', byline: 'AFP', dateline: 'LYON', sourceDate: '2025-06-02', leadPhoto: null });
    expect(outline(draft.blocks)).toEqual([
      p('Bakers in Lyon will be allowed to open on Sundays after a court on Monday struck down a city rule that would have closed them one day a week.'),
      p('The ruling ends a two-year dispute between the city and the bakers\' federation, which argued that Sunday mornings bring a fifth of its members\' takings.'),
      p('The city said it would not appeal.'),
    ]);
  });

  it('takes one paragraph a line when the copy has no blank lines between paragraphs', () => {
    const text = 'Headline here\n\nFirst paragraph is a whole sentence that runs on for quite a while, as paragraphs do.\nSecond one is short.\nThird paragraph goes on to say something more about the matter at hand, at length.';
    expect(outline(parseWireText(text).blocks)).toEqual([
      p('First paragraph is a whole sentence that runs on for quite a while, as paragraphs do.'),
      p('Second one is short.'),
      p('Third paragraph goes on to say something more about the matter at hand, at length.'),
    ]);
  });

  it('reads other header shapes: "By Name, Agency · date", a caption with "(Photo: …)" and a REUTERS/Name credit', () => {
    const draft = parseWireText('Tram line opens\n\nBy Ana Ortiz, Reuters · 4 May 2025\nRiders on the first tram. REUTERS/Ana Ortiz\n\nLISBON:\n\nThe tram runs.');
    expect(draft).toMatchObject({ byline: 'Ana Ortiz, Reuters', sourceDate: '2025-05-04', dateline: 'LISBON', leadPhoto: { caption: 'Riders on the first tram.', credit: 'REUTERS/Ana Ortiz' } });
    expect(parseWireText('Tram line opens\nCrowds at the stop on Monday morning (Photo: Lisboa Press)\n\nText.').leadPhoto).toEqual({ caption: 'Crowds at the stop on Monday morning', credit: 'Lisboa Press', alt: '' });
  });

  it('does not take prose for a dateline or a subheading', () => {
    const draft = parseWireText('Budget passes\n\nNOTE: figures are provisional.\n\nThe budget passed by 12 votes.\n\nIt now goes to the senate.');
    expect(draft.dateline).toBe('');
    expect(outline(draft.blocks)).toEqual([p('NOTE: figures are provisional.'), p('The budget passed by 12 votes.'), p('It now goes to the senate.')]);
  });
});

describe('the text importer on any input', () => {
  const wireLike = fc.array(
    fc.oneof(
      fc.string(),
      fc.constantFrom('', 'COMMENTS', 'Read also: ', 'Read: x', 'PHOTO: ', 'SHANGHAI:', 'Reuters April 24, 2024', 'By JANE DOE', 'PARIS (AFP) - x', '\u0000', '\r\n', '\u2028', '\uFEFF', '\uD800'),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
    ),
    { maxLength: 40 },
  ).map((parts) => parts.join('\n'));

  it('never throws and always yields fields and a body the story schema accepts', () => {
    fc.assert(
      fc.property(wireLike, (text) => {
        // Text is never refused: anything the importer cannot place is a paragraph.
        expect(() => parseWireText(text)).not.toThrow();
        expectDraftOrRefusal(parseWireText, text);
      }),
      { numRuns: 400 },
    );
  });
});
