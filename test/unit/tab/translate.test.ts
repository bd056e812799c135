import en from '../../../tab/resources/en.json';
import de from '../../../tab/resources/de.json';
import { createTranslator, fill, langOf, registerResources } from '../../../tab/src/i18n/translate';
import { placeholdersOf, selectPlurals } from '../../../functions/src/core/i18n/plural';
import { topicName, topicNamesById } from '../../../functions/src/core/model/topic-names';

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

describe('plural forms in the tab', () => {
  it('say "1 Person" and "2 Personen", "1 person" and "2 people" (Intl.PluralRules)', () => {
    const de = createTranslator('de');
    const en = createTranslator('en');
    expect(de.t('invite.inviteChosen', { n: 1 })).toBe('1 Person einladen');
    expect(de.t('invite.inviteChosen', { n: 2 })).toBe('2 Personen einladen');
    expect(en.t('invite.inviteChosen', { n: 1 })).toBe('Invite 1 person');
    expect(en.t('invite.inviteChosen', { n: 0 })).toBe('Invite 0 people');
    expect(de.t('board.result', { pairs: 1, locked: 0, unmatched: 1 })).toBe(
      '1 Tandem vorgeschlagen (0 fixiert übernommen), 1 Person ohne Gegenüber.',
    );
    expect(en.t('announce.sent', { n: 1200 })).toBe('The announcement is on its way to 1,200 people.');
    expect(de.t('announce.sent', { n: 1200 })).toBe('Die Ankündigung ist an 1.200 Personen unterwegs.');
  });

  it('prefer an exact =N branch, fall back to other, and leave a block without its number visible', () => {
    const template = '{n, plural, =0 {nobody} one {# person} other {# people}} ({who})';
    expect(selectPlurals(template, 'en', { n: 0 })).toBe('nobody ({who})');
    expect(selectPlurals('{n, plural, other {# x}}', 'en', { n: 1 })).toBe('1 x');
    expect(selectPlurals(template, 'en', {})).toBe(template);
  });

  it('name the same placeholders and plural counts in both languages', () => {
    for (const [key, text] of Object.entries(en))
      expect([key, placeholdersOf((de as Record<string, string>)[key] ?? '')]).toEqual([key, placeholdersOf(text)]);
  });

  it('no German count of people is left without a plural form', () => {
    const counted = Object.entries(de).filter(([, text]) => /\{(n|count|optedIn|unmatched)\} Person/.test(text));
    expect(counted).toEqual([]);
  });
});

describe('topic names per language', () => {
  const topics = [
    { id: 'ai', name: 'AI assistants', names: { en: 'AI assistants', de: 'KI-Assistenten' } },
    { id: 'data', name: 'Data & dashboards' },
    { id: 'blank', name: 'Agile', names: { de: '  ' } },
  ];

  it('are the name in the reader’s language, else the stored name (data from before names per language)', () => {
    expect(topicNamesById(topics, 'de')).toEqual({ ai: 'KI-Assistenten', data: 'Data & dashboards', blank: 'Agile' });
    expect(topicNamesById(topics, 'en')).toEqual({ ai: 'AI assistants', data: 'Data & dashboards', blank: 'Agile' });
    expect(topicName({ name: 'X', names: { de: 'Y' } }, 'de')).toBe('Y');
  });

  it('turn topic ids in matching reasons into names in German', () => {
    const reason = { key: 'reason.topics', params: { covered: 1, wished: 1, topics: ['ai'] } };
    expect(createTranslator('de').reason(reason, topicNamesById(topics, 'de'))).toContain('KI-Assistenten');
  });
});
