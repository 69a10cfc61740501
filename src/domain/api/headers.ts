/** The header that carries the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Sent with every save by one open editor (a random id per tab and story). When a save's answer
 * is lost and it is retried on the old revision, the server sees that every save since was this
 * editor's own and does not call it a conflict.
 */
export const EDITOR_ID_HEADER = 'x-editor-id';
