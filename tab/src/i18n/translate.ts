/**
 * Every string of the tab comes from tab/resources/{en,de}.json, chosen by the Teams locale (German
 * for any de-* locale, English otherwise). Placeholders are `{name}`. Matching reasons come as message
 * keys with parameters and are rendered by the matching engine's own dictionary (pure, bundled).
 * Rendering (fallback to English, plurals, placeholders) is the shared core/i18n/translate.
 */
import type English from '../../resources/en.json';
import { formatReason } from '@tandem/core/matching/messages';
import {
  fillPlaceholders,
  formatList,
  INTL_LOCALE,
  localeOf,
  lookupMessage,
  renderMessage,
  type Locale,
} from '@tandem/core/i18n/translate';
import type { Reason } from '../api/types';

export type Lang = Locale;
export type MessageKey = keyof typeof English;
export type Params = Record<string, string | number>;

/** Each language is its own chunk; the one in use is registered before the first render. */
const RESOURCES: Record<Lang, Record<string, string>> = { en: {}, de: {} };

export function registerResources(lang: Lang, messages: Record<string, string>): void {
  RESOURCES[lang] = messages;
}

export function hasResources(lang: Lang): boolean {
  return Object.keys(RESOURCES[lang]).length > 0;
}

/** German for any de-* locale, English otherwise (the same rule as the bot's). */
export const langOf: (tag: string | null | undefined) => Lang = localeOf;

/** Fills `{name}` placeholders; an unknown one stays visible. */
export function fill(template: string, params: Params = {}): string {
  return fillPlaceholders(template, params, { missing: 'keep' });
}

export interface Translator {
  lang: Lang;
  t(key: MessageKey, params?: Params): string;
  /** A key built at run time (status, phase, weekday …); falls back to the key's last part. */
  tk(key: string, params?: Params): string;
  has(key: string): boolean;
  /** A matching reason; `names` turns ids in its parameters (topic ids) into display names. */
  reason(
    reason: Pick<Reason, 'key'> & { params?: Reason['params'] | Record<string, unknown> },
    names?: Record<string, string>,
  ): string;
  date(iso: string, options?: Intl.DateTimeFormatOptions): string;
  dateTime(iso: string): string;
  time(iso: string): string;
  number(n: number, digits?: number): string;
  percent(share: number): string;
  list(items: string[]): string;
}

export function createTranslator(lang: Lang): Translator {
  const locale = INTL_LOCALE[lang];
  const dateFmt = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const timeFmt = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const lookup = (key: string) => lookupMessage(RESOURCES, lang, key);
  // Plural blocks (`{n, plural, one {# person} other {# people}}`) are chosen by Intl.PluralRules.
  const render = (template: string, params?: Params) =>
    renderMessage(template, lang, params ?? {}, { missing: 'keep' });
  return {
    lang,
    t: (key, params) => render(lookup(key) ?? key, params),
    tk: (key, params) => render(lookup(key) ?? key.split('.').pop() ?? key, params),
    has: (key) => lookup(key) !== undefined,
    reason: ({ key, params }, names = {}) => {
      const named: Reason['params'] = {};
      for (const [name, value] of Object.entries(params ?? {})) {
        if (typeof value === 'string') named[name] = names[value] ?? value;
        else if (Array.isArray(value)) named[name] = value.map((v) => names[String(v)] ?? String(v));
        else if (typeof value === 'number') named[name] = value;
      }
      const text = formatReason(key, named, lang);
      if (text !== key && !/\{\w+\}/.test(text)) return text;
      // Keys the engine's dictionary does not know, or data without the parameters it needs (older
      // proposals): the tab's own wording, else a neutral line.
      const own = lookup(`extraReason.${key}`);
      return own ? fill(own, named as Params) : (lookup('extraReason.unknown') ?? key);
    },
    date: (iso, options) => (options ? new Intl.DateTimeFormat(locale, options) : dateFmt).format(new Date(iso)),
    dateTime: (iso) => dateTimeFmt.format(new Date(iso)),
    time: (iso) => timeFmt.format(new Date(iso)),
    number: (n, digits = 0) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n),
    percent: (share) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share),
    list: (items) => formatList(lang, items),
  };
}
