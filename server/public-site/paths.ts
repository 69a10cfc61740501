/** The public address of a story page. */
export const storyPath = (slug: string) => `/news/${encodeURIComponent(slug)}`;
