import {
  fillPlaceholders,
  formatList,
  localeOf,
  lookupMessage,
  renderMessage,
} from '../../../functions/src/core/i18n/translate';
import { translate, translator } from '../../../bot/src/i18n/translate';
import { createTranslator, langOf, registerResources } from '../../../tab/src/i18n/translate';
import { formatReason } from '../../../functions/src/core/matching/messages';

const dictionaries = {
  en: { hello: 'Hello {name}', people: '{n, plural, one {# person} other {# people}}', onlyEn: 'English only' },
  de: { hello: 'Hallo {name}', people: '{n, plural, one {# Person} other {# Personen}}' },
};

describe('the shared message renderer', () => {
  it('falls back to English for a key the language lacks, and to nothing for an unknown key', () => {
    expect(lookupMessage(dictionaries, 'de', 'onlyEn')).toBe('English only');
    expect(lookupMessage(dictionaries, 'de', 'hello')).toBe('Hallo {name}');
    expect(lookupMessage(dictionaries, 'de', 'nope')).toBeUndefined();
  });

  it('chooses plural forms by the language and numbers in its notation', () => {
    expect(renderMessage(dictionaries.de.people, 'de', { n: 1 }, { missing: 'throw' })).toBe('1 Person');
    expect(renderMessage(dictionaries.de.people, 'de', { n: 1200 }, { missing: 'throw' })).toBe('1.200 Personen');
    expect(renderMessage(dictionaries.en.people, 'en', { n: 1200 }, { missing: 'throw' })).toBe('1,200 people');
  });

  it('keeps a missing placeholder visible or refuses it, as the caller asks', () => {
    expect(fillPlaceholders('Hello {name}', {}, { missing: 'keep' })).toBe('Hello {name}');
    expect(() => fillPlaceholders('Hello {name}', {}, { missing: 'throw', name: 'hello' })).toThrow(
      'Message hello needs the parameter {name}.',
    );
    expect(() => renderMessage(dictionaries.en.people, 'en', {}, { missing: 'throw', name: 'people' })).toThrow(
      'Message people needs the number {n}.',
    );
  });

  it('formats a parameter with the caller’s formatter', () => {
    const text = fillPlaceholders('{a} / {b}', { a: 1.5, b: 'x' }, { missing: 'keep', format: (n, v) => `${n}=${v}` });
    expect(text).toBe('a=1.5 / b=x');
  });

  it('writes lists in the language', () => {
    expect(formatList('en', ['a', 'b', 'c'])).toBe('a, b and c');
    expect(formatList('de', ['a', 'b', 'c'])).toBe('a, b und c');
  });
});

describe('the bot, the tab and the matching explanations agree', () => {
  beforeAll(() => {
    registerResources('en', { 'x.count': '{n, plural, one {# pair} other {# pairs}}' });
    registerResources('de', { 'x.count': '{n, plural, one {# Paar} other {# Paare}}' });
  });

  it('on the language of a Teams locale', () => {
    for (const tag of ['de-DE', 'de-at', 'DE', 'en-US', 'fr-FR', '', undefined, null]) {
      expect([tag, langOf(tag)]).toEqual([tag, localeOf(tag)]);
      expect([tag, translator(tag).locale]).toEqual([tag, localeOf(tag)]);
    }
  });

  it('on lists and plural forms', () => {
    for (const lang of ['en', 'de'] as const) {
      expect(createTranslator(lang).list(['a', 'b'])).toBe(translator(lang).list(['a', 'b']));
      expect(createTranslator(lang).tk('x.count', { n: 2000 })).toBe(
        renderMessage(
          lang === 'de' ? '{n, plural, one {# Paar} other {# Paare}}' : '{n, plural, one {# pair} other {# pairs}}',
          lang,
          { n: 2000 },
          { missing: 'throw' },
        ),
      );
    }
    expect(translate('en', 'series.rhythmValue', { minutes: 45, weekday: 'x', weeks: 1 })).toBe(
      'every week on x, 45 minutes',
    );
  });

  it('on falling back to English in the matching explanations', () => {
    expect(formatReason('reason.timezone.same', {}, 'de')).toBe('Gleiche Zeitzone');
    expect(formatReason('reason.interests', {}, 'en')).toBe('Shared interests: {interests}');
    expect(formatReason('not.a.key', {}, 'de')).toBe('not.a.key');
  });
});
