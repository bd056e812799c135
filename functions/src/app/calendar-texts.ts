/**
 * What Tandem writes into Outlook: subjects and cancellation comments in the pair's common language
 * (German when both read German, else English), the programme's events in the programme's languages
 * (those of the people taking part: German, English, or both).
 */
import type { Locale, Participant } from '../core/model';

/** The comment callers pass when a pair ends; sent in the pair's language (see `cancelComment`). */
export const PAIR_ENDED = 'The Tandem pair has ended.';

const ENDED: Record<Locale, string> = {
  en: PAIR_ENDED,
  de: 'Das Tandem ist beendet.',
};

/** Whether the person reads German: German among their languages, or German as the locale they use. */
function readsGerman(p: Participant | undefined): boolean {
  return Boolean(p && (p.locale === 'de' || p.languages?.some((l) => l.toLowerCase().startsWith('de'))));
}

/** The language both people of a pair read: German when both do, else English. */
export function pairLanguage(a: Participant | undefined, b: Participant | undefined): Locale {
  return readsGerman(a) && readsGerman(b) ? 'de' : 'en';
}

/** The languages of a programme's events: those its people use, German first when present; English if none. */
export function programmeLanguages(people: readonly Pick<Participant, 'locale'>[]): Locale[] {
  const used = new Set(people.map((p) => p.locale));
  const out = (['de', 'en'] as const).filter((l) => used.has(l));
  return out.length ? out : ['en'];
}

export function seriesSubject(lang: Locale, mentor: string, mentee: string): string {
  return lang === 'de' ? `Tandem-Termin: ${mentor} & ${mentee}` : `Tandem session: ${mentor} & ${mentee}`;
}

const EVENT_NAMES: Record<'kickoff' | 'closing', Record<Locale, string>> = {
  kickoff: { en: 'Kick-off', de: 'Auftakt' },
  closing: { en: 'Closing', de: 'Abschluss' },
};

/** "Tandem: <programme> — Auftakt / Kick-off" in each of the programme's languages. */
export function eventSubject(langs: readonly Locale[], programme: string, kind: 'kickoff' | 'closing'): string {
  return `Tandem: ${programme} — ${langs.map((l) => EVENT_NAMES[kind][l]).join(' / ')}`;
}

/** A cancellation comment in the pair's language: Tandem's own "pair ended" is translated, others kept. */
export function cancelComment(comment: string, lang: Locale): string {
  return comment === PAIR_ENDED ? ENDED[lang] : comment;
}

/** The comment on sessions cancelled by a pause: "paused until <date>" in the pair's language. */
export function pausedComment(lang: Locale, until: string): string {
  return lang === 'de' ? `Das Tandem pausiert bis ${until}.` : `The Tandem pair is pausing until ${until}.`;
}
