/**
 * The one way a message template becomes text, shared by the bot's cards, the tab and the matching
 * engine's explanations: the language is chosen from a Teams locale, a key missing in that language
 * falls back to English, plural blocks are chosen by `./plural`, then `{name}` placeholders are filled.
 * Each caller keeps only its own policy: the bot refuses a missing parameter, the tab and the matcher
 * leave it visible.
 */
import { localeOf, type Locale } from '../model/common';
import { selectPlurals } from './plural';

export { localeOf, type Locale };

/** The `Intl` locale each product language formats numbers, dates and plurals with. */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: 'en-GB', de: 'de-DE' };

/** The language every dictionary is complete in, and the one a missing key falls back to. */
export const FALLBACK_LOCALE: Locale = 'en';

/** A message's dictionaries, one per language. */
export type Dictionaries = Readonly<Record<Locale, Readonly<Record<string, string>>>>;

/** The template of `key` in `locale`, else in the fallback language, else undefined. */
export function lookupMessage(dictionaries: Dictionaries, locale: Locale, key: string): string | undefined {
  return dictionaries[locale][key] ?? dictionaries[FALLBACK_LOCALE][key];
}

export interface RenderOptions<V> {
  /** `keep` leaves `{name}` in the text; `throw` is an error naming the message and the placeholder. */
  missing: 'keep' | 'throw';
  /** The message's name in errors. */
  name?: string;
  /** A parameter's text (default `String(value)`). */
  format?: (name: string, value: V) => string;
}

/** Fills the `{name}` placeholders of `template` from `params`. */
export function fillPlaceholders<V>(
  template: string,
  params: Readonly<Record<string, V | undefined>>,
  options: RenderOptions<V>,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) {
      if (options.missing === 'throw') throw new Error(`Message ${options.name} needs the parameter {${name}}.`);
      return whole;
    }
    return options.format ? options.format(name, value) : String(value);
  });
}

/** A template's text in `locale`: plural blocks chosen by the language's rules, then placeholders filled. */
export function renderMessage<V>(
  template: string,
  locale: Locale,
  params: Readonly<Record<string, V | undefined>>,
  options: RenderOptions<V>,
): string {
  const text = selectPlurals(template, INTL_LOCALE[locale], params);
  if (options.missing === 'throw') {
    const open = /\{(\w+), plural,/.exec(text);
    if (open) throw new Error(`Message ${options.name} needs the number {${open[1]}}.`);
  }
  return fillPlaceholders(text, params, options);
}

/** A conjunction list ("a, b and c") in the language. */
export function formatList(locale: Locale, items: string[]): string {
  return new Intl.ListFormat(INTL_LOCALE[locale], { style: 'long', type: 'conjunction' }).format(items);
}
