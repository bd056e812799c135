import en from '../../../bot/resources/en.json';
import de from '../../../bot/resources/de.json';
import { translate, translator } from '../../../bot/src/i18n/translate';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the bot resources', () => {
  it('have the same keys in German and English', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect([key, placeholders(de[key])]).toEqual([key, placeholders(en[key])]);
    }
  });

  it('have no empty text', () => {
    for (const value of [...Object.values(en), ...Object.values(de)]) expect(value.trim()).not.toBe('');
  });
});

describe('translate', () => {
  it('fills placeholders and refuses to leave one open', () => {
    expect(translate('de', 'invitation.title', { programme: 'X' })).toBe('Ihre Einladung: X');
    expect(() => translate('en', 'invitation.title')).toThrow('{programme}');
  });

  it('picks German for every de-* Teams locale and English otherwise', () => {
    expect(translator('de-CH').locale).toBe('de');
    expect(translator('de').locale).toBe('de');
    expect(translator('en-GB').locale).toBe('en');
    expect(translator('fr-FR').locale).toBe('en');
    expect(translator(undefined).locale).toBe('en');
  });

  it('formats dates in the user language and time zone', () => {
    expect(translator('de-DE').dateTime('2026-03-10T09:00:00.000Z', 'Europe/Berlin')).toContain('10:00');
    expect(translator('de-DE').date('2026-03-10T09:00:00.000Z')).toBe('10. März 2026');
  });
});
