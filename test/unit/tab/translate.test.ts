import en from '../../../tab/resources/en.json';
import de from '../../../tab/resources/de.json';
import { createTranslator, fill, langOf, registerResources } from '../../../tab/src/i18n/translate';

registerResources('en', en);
registerResources('de', de);

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the tab’s strings', () => {
  it('has every English string in German too, with the same placeholders', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en))
      expect([key, placeholders((de as Record<string, string>)[key] ?? '')]).toEqual([key, placeholders(text)]);
  });

  it('picks German for any de-* Teams locale and English for everything else', () => {
    expect(['de-de', 'de-AT', 'DE', 'en-us', 'fr-fr', undefined].map(langOf)).toEqual([
      'de',
      'de',
      'de',
      'en',
      'en',
      'en',
    ]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(createTranslator('de').t('meetings.session', { n: 2, of: 6 })).toBe('Termin 2 von 6');
  });
});

describe('matching reasons in the tab', () => {
  it('are written by the matching engine’s dictionary in the reader’s language, with topic names for topic ids', () => {
    const reason = { key: 'reason.topics', params: { covered: 1, wished: 2, topics: ['ai'] } };
    expect(createTranslator('en').reason(reason, { ai: 'AI assistants' })).toBe(
      'Covers 1 of 2 wished topics: AI assistants',
    );
    expect(createTranslator('de').reason(reason, { ai: 'KI-Assistenten' })).toBe(
      'Deckt 1 von 2 gewünschten Themen ab: KI-Assistenten',
    );
  });

  it('use the tab’s own wording when a stored reason lacks what the engine’s text needs', () => {
    expect(createTranslator('en').reason({ key: 'reason.crossDepartment' })).toBe(
      'You work in different parts of the company: a chance to widen your network',
    );
    expect(createTranslator('en').reason({ key: 'reason.somethingNew', params: {} })).toBe(
      "A good fit by the programme's criteria",
    );
  });
});
