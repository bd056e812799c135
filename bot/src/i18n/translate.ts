/**
 * Every string on a card comes from bot/resources/{en,de}.json, picked by the user's Teams locale
 * (German for any de-* locale, English otherwise). Placeholders are `{name}`.
 */
import en from '../../resources/en.json';
import de from '../../resources/de.json';
import { localeOf, type Locale } from '../../../functions/src/core/model/common';
import { selectPlurals } from '../../../functions/src/core/i18n/plural';

export type MessageKey = keyof typeof en;
export type Params = Record<string, string | number>;

const RESOURCES: Record<Locale, Record<MessageKey, string>> = { en, de };
const INTL: Record<Locale, string> = { en: 'en-GB', de: 'de-DE' };

/**
 * The text for `key` in `locale` with its `{placeholders}` filled and its plural blocks
 * (`{n, plural, one {# person} other {# people}}`, chosen by `Intl.PluralRules`) resolved; a missing
 * placeholder or plural count is an error.
 */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template = selectPlurals(RESOURCES[locale][key], INTL[locale], params);
  const open = /\{(\w+), plural,/.exec(template);
  if (open) throw new Error(`Message ${key} needs the number {${open[1]}}.`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Message ${key} needs the parameter {${name}}.`);
    return String(value);
  });
}

/** True for keys that exist in the resources (e.g. reasons that come from the matcher as data). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** A translator bound to one locale, as the card builders use it. */
export interface Translator {
  locale: Locale;
  t(key: MessageKey, params?: Params): string;
  /** A date (and time) in the user's language, in the given IANA time zone. */
  date(iso: string, timeZone?: string): string;
  dateTime(iso: string, timeZone?: string): string;
  list(items: string[]): string;
}

export function translator(localeTag: string | undefined | null): Translator {
  const locale = localeOf(localeTag);
  const tag = INTL[locale];
  const format = (iso: string, options: Intl.DateTimeFormatOptions, timeZone?: string) => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    try {
      return new Intl.DateTimeFormat(tag, { ...options, timeZone: timeZone ?? 'UTC' }).format(date);
    } catch {
      return new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }).format(date);
    }
  };
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    date: (iso, timeZone) => format(iso, { dateStyle: 'long' }, timeZone),
    dateTime: (iso, timeZone) =>
      format(iso, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }, timeZone),
    list: (items) => new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' }).format(items),
  };
}
