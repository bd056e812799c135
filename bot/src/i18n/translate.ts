/**
 * Every string on a card comes from bot/resources/{en,de}.json, picked by the user's Teams locale
 * (German for any de-* locale, English otherwise). Placeholders are `{name}`. Rendering is the shared
 * core/i18n/translate; the bot's policy is that a missing parameter is an error.
 */
import en from '../../resources/en.json';
import de from '../../resources/de.json';
import { formatList, INTL_LOCALE, localeOf, renderMessage, type Locale } from '@tandem/core/i18n/translate';

export type MessageKey = keyof typeof en;
export type Params = Record<string, string | number>;

const RESOURCES: Record<Locale, Record<MessageKey, string>> = { en, de };

/**
 * The text for `key` in `locale` with its `{placeholders}` filled and its plural blocks
 * (`{n, plural, one {# person} other {# people}}`, chosen by `Intl.PluralRules`) resolved; a missing
 * placeholder or plural count is an error.
 */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  return renderMessage(RESOURCES[locale][key], locale, params, { missing: 'throw', name: key });
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
  const tag = INTL_LOCALE[locale];
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
    list: (items) => formatList(locale, items),
  };
}
