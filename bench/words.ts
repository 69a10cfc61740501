/** Words for benchmark stories: a newsroom vocabulary, drawn deterministically so every run uses the same text. */
export const VOCABULARY = (
  'the council harbour ferry winter service minister said would report port workers night timetable ' +
  'repairs spring passengers island union vote budget agreement residents morning evening crossing ' +
  'weather storm engineers inspection hull contract operator fares route mainland school hospital ' +
  'committee statement week month year public meeting plans delay cost million funding transport'
).split(' ');

/** `count` pseudo-random words from the vocabulary; the same seed gives the same words. */
export function pseudoWords(count: number, seed: number): string[] {
  let state = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out.push(VOCABULARY[state % VOCABULARY.length]!);
  }
  return out;
}
