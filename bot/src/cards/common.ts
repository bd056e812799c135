/** Shared pieces of Tandem's cards: choices from the domain's lists, translated. */
import { TIMES_OF_DAY, WEEKDAYS, topicName, type Topic } from '@tandem/core/model';
import type { MessageKey, Translator } from '../i18n/translate';
import type { Choice } from './elements';
import type { ActionData } from './elements';
import type { Verb } from '../actions/verbs';

export const SESSION_LANGUAGES = ['de', 'en', 'fr', 'es', 'it', 'pl', 'tr'] as const;

export function weekdayChoices(t: Translator): Choice[] {
  return WEEKDAYS.map((d) => ({ title: t.t(`common.weekday.${d}` as MessageKey), value: d }));
}

export function timeChoices(t: Translator): Choice[] {
  return TIMES_OF_DAY.map((d) => ({ title: t.t(`common.time.${d}` as MessageKey), value: d }));
}

export function languageName(t: Translator, code: string): string {
  const key = `common.language.${code}`;
  return (SESSION_LANGUAGES as readonly string[]).includes(code) ? t.t(key as MessageKey) : code;
}

export function languageChoices(t: Translator): Choice[] {
  return SESSION_LANGUAGES.map((code) => ({ title: languageName(t, code), value: code }));
}

export function ratingChoices(t: Translator): Choice[] {
  return [1, 2, 3, 4, 5].map((n) => ({ title: t.t(`common.rating.${n}` as MessageKey), value: String(n) }));
}

export function topicChoices(t: Translator, topics: Topic[]): Choice[] {
  return topics.map((topic) => ({ title: topicName(topic, t.locale), value: topic.id }));
}

/** Topic names in the reader's language; an id the programme no longer has is left out, never shown. */
export function topicNames(t: Translator, topics: Topic[], ids: string[] | undefined): string[] {
  return (ids ?? []).flatMap((id) => {
    const topic = topics.find((x) => x.id === id);
    return topic ? [topicName(topic, t.locale)] : [];
  });
}

/** Action data with a typed verb. */
export function data(verb: Verb, fields: Record<string, string | number>): ActionData {
  return { verb, ...fields };
}
