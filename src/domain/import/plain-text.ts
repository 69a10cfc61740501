/**
 * Plain text as paragraphs: split on blank lines, the lines inside one paragraph joined with a
 * space (text copied from e-mail and wire copy is hard-wrapped). Text without any blank line
 * has a paragraph a line. Used for plain-text pastes into the story body.
 */
export function textParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
  const blankLines = /\n[ \t\u00a0]*\n/.test(normalised.trim());
  const chunks = blankLines ? normalised.split(/\n[ \t\u00a0]*\n/) : normalised.split('\n');
  return chunks.map((chunk) => chunk.split('\n').map((line) => line.trim()).filter(Boolean).join(' ').replace(/[ \t]{2,}/g, ' ')).filter(Boolean);
}
