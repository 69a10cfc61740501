/** Bounds on a story body, checked by the server before anything is stored. */
export const DOCUMENT_LIMITS = {
  /** Largest request body the story routes accept (bytes of JSON). */
  maxRequestBytes: 5 * 1024 * 1024,
  /** About 170,000 words: far past the longest investigation. */
  maxTextChars: 1_000_000,
  maxNodes: 100_000,
  /** Lists inside quotes inside lists… stop well before a stack would. */
  maxDepth: 24,
  maxTitleChars: 300,
} as const;
