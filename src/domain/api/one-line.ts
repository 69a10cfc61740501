/** C0 controls and DEL: no place in a one-line field (newlines included). The server refuses them. */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A value for a one-line field as typed or pasted: each run of line breaks or other control characters becomes a space. */
export function oneLine(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}
