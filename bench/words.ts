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

/**
 * A wide vocabulary: 20,000 made-up words of two to four syllables. A real long story uses
 * thousands of distinct words where VOCABULARY gives 51, and full-text indexes grow with the
 * distinct words (see docs/benchmarks.md, "The bench's vocabulary, widened").
 */
const WIDE_VOCABULARY = (() => {
  const syllables = ['ba', 'ker', 'lo', 'mi', 'nor', 'pa', 'ri', 'sen', 'ta', 'vel', 'do', 'gar', 'hu', 'jin', 'ko', 'lam', 'mer', 'ni', 'ost', 'pul'];
  const words: string[] = [];
  for (let i = 0; words.length < 20_000; i++) {
    let n = i;
    let word = '';
    do {
      word += syllables[n % syllables.length];
      n = Math.floor(n / syllables.length);
    } while (n > 0 || word.length < 4);
    words.push(word);
  }
  return words;
})();

/**
 * `count` pseudo-random words of the wide vocabulary, the most common far more often than the
 * rarest (log-uniform, close to the Zipf curve of real text): about 3,100 distinct in a bench body's 8,460.
 */
export function wideWords(count: number, seed: number): string[] {
  let state = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const u = state / 2147483648;
    out.push(WIDE_VOCABULARY[Math.min(WIDE_VOCABULARY.length - 1, Math.floor(Math.exp(u * Math.log(WIDE_VOCABULARY.length))) - 1)]!);
  }
  return out;
}
