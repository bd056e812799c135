import en from '../../../bot/resources/en.json';
import de from '../../../bot/resources/de.json';
import { translate, translator } from '../../../bot/src/i18n/translate';
import { placeholdersOf } from '../../../functions/src/core/i18n/plural';
import { proposalCard } from '../../../bot/src/cards/proposal-card';
import { codedErrorText } from '../../../bot/src/i18n/error-text';
import { coded, ConflictError } from '../../../functions/src/core/errors';

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

describe('plural forms in the bot', () => {
  it('choose the form by Intl.PluralRules in each language, never "1 weeks" or "1 Termine"', () => {
    const params = { minutes: 45, weekday: 'x' };
    expect(translate('en', 'series.rhythmValue', { ...params, weeks: 1 })).toBe('every week on x, 45 minutes');
    expect(translate('en', 'series.rhythmValue', { ...params, weeks: 2 })).toBe('every 2 weeks on x, 45 minutes');
    expect(translate('de', 'invitation.whenOpen', { minutes: 30, weeks: 1, sessions: 1 })).toBe(
      'Jede Woche ein Termin von 30 Minuten, insgesamt 1 Termin.',
    );
    expect(translate('de', 'invitation.whenOpen', { minutes: 30, weeks: 3, sessions: 6 })).toBe(
      'Alle 3 Wochen ein Termin von 30 Minuten, insgesamt 6 Termine.',
    );
  });

  it('refuses a plural message without its number', () => {
    expect(() => translate('en', 'series.rhythmValue', { minutes: 45, weekday: 'x' })).toThrow('{weeks}');
  });

  it('name the same placeholders and plural counts in both languages', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>)
      expect([key, placeholdersOf(de[key])]).toEqual([key, placeholdersOf(en[key])]);
  });
});

describe('topic names on cards', () => {
  const programme = {
    id: 'p',
    name: 'P',
    topics: [
      { id: 'ai-assistants', name: 'AI assistants', names: { de: 'KI-Assistenten' } },
      { id: 'social-media-linkedin', name: 'Social media & LinkedIn' },
    ],
  };
  const build = (locale: string) =>
    JSON.stringify(
      proposalCard(translator(locale), {
        programme,
        pairId: 'pair-1',
        userId: 'u-1',
        role: 'mentee',
        partner: { displayName: 'Lena', topics: ['ai-assistants', 'removed-topic'] },
        reasons: [
          {
            key: 'reason.topics',
            params: { topics: ['ai-assistants', 'social-media-linkedin'], covered: 2, wished: 2 },
          },
        ],
        state: 'pending',
      }),
    );

  it('shows names in the reader’s language, falling back to the default name, never an id', () => {
    const de = build('de-DE');
    expect(de).toContain('KI-Assistenten');
    expect(de).toContain('Social media & LinkedIn');
    const en = build('en-GB');
    expect(en).toContain('AI assistants');
    for (const card of [de, en]) {
      expect(card).not.toMatch(/ai-assistants|social-media-linkedin|removed-topic/);
    }
  });
});

describe('API error codes in the bot', () => {
  it('are told in the reader’s language; an error without a code has no text of its own', () => {
    const closed = coded(new ConflictError('The programme is closed.'), 'programme-closed');
    expect(codedErrorText(translator('de-DE'), closed)).toBe('Das Programm ist abgeschlossen.');
    expect(codedErrorText(translator('en-US'), closed)).toBe('The programme is closed.');
    expect(codedErrorText(translator('de-DE'), new ConflictError('x'))).toBeUndefined();
  });
});
