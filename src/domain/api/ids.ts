/** Ids the API hands out are UUIDs; anything outside this alphabet cannot be one. (No zod here: the editor imports it.) */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
