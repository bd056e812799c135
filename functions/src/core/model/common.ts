/** Every stored document has an id and the schema version it was written with. */
export interface Doc {
  id: string;
  schemaVersion: number;
}

/** ISO-8601 timestamp in UTC, e.g. 2026-11-26T09:30:00.000Z. */
export type IsoDateTime = string;
/** Calendar date, e.g. 2026-11-26. */
export type IsoDate = string;
/** Local wall-clock time, HH:MM (24 h). */
export type LocalTime = string;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Coarse times of day a participant prefers for sessions (local time of the participant). */
export const TIMES_OF_DAY = ['morning', 'midday', 'afternoon'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

/** Text in both product languages. */
export interface LocalizedText {
  en: string;
  de: string;
}

export const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes since midnight of an HH:MM time. */
export function minutesOf(time: LocalTime): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Picks the user's language: German for any de-* locale, English otherwise. */
export function localeOf(tag: string | undefined | null): Locale {
  return tag && tag.toLowerCase().startsWith('de') ? 'de' : 'en';
}
