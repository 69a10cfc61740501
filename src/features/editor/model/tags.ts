import { STORY_LIMITS } from '../../../domain/story/limits';

/** "water, Diplomacy ,water" → ["water", "Diplomacy"]: trimmed, no empties, no repeats. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

/** What the server would refuse about these tags, said before sending them (null: fine). */
export function tagsProblem(tags: string[]): string | null {
  if (tags.length > STORY_LIMITS.tags) return `A story can have at most ${STORY_LIMITS.tags} tags (this has ${tags.length})`;
  const long = tags.find((tag) => tag.length > STORY_LIMITS.tag);
  if (long) return `Each tag can be at most ${STORY_LIMITS.tag} characters: “${long.slice(0, 20)}…” is longer`;
  return null;
}
