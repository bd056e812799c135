/** Topic names per language (pure, bundled into the tab too): what every card, page and invite shows, never an id. */
import type { LocalizedText } from './common';
import type { Topic } from './programme';

/** The topic's name in `lang`, else its default name (data from before names per language has only that). */
export function topicName(topic: Pick<Topic, 'name' | 'names'>, lang: keyof LocalizedText): string {
  return topic.names?.[lang]?.trim() || topic.name;
}

/** Display names by topic id in `lang`, for texts that carry topic ids (matching reasons, profiles). */
export function topicNamesById(
  topics: readonly Pick<Topic, 'id' | 'name' | 'names'>[],
  lang: keyof LocalizedText,
): Record<string, string> {
  return Object.fromEntries(topics.map((t) => [t.id, topicName(t, lang)]));
}
