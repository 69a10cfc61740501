/** The desks a story can belong to. Keys are stored; labels are shown. */
export const SECTIONS = {
  news: 'News',
  world: 'World',
  politics: 'Politics',
  business: 'Business',
  science: 'Science',
  culture: 'Culture',
  sport: 'Sport',
  opinion: 'Opinion',
} as const;

export type Section = keyof typeof SECTIONS;

export const SECTION_KEYS = Object.keys(SECTIONS) as [Section, ...Section[]];

export function sectionLabel(section: string | null | undefined): string {
  if (!section) return '';
  return (SECTIONS as Record<string, string>)[section] ?? section;
}
