import { CARD_CATALOGUE } from '../../support/card-catalogue';
import {
  assertValidCard,
  cardProblems,
  libraryProblems,
  ownProblems,
  MAX_CARD_BYTES,
} from '../../../bot/src/cards/validate';
import { card, execute, text, textInput, type AdaptiveCard } from '../../../bot/src/cards/elements';
import { translator } from '../../../bot/src/i18n/translate';

describe('every card Tandem sends', () => {
  for (const locale of ['en-US', 'de-DE']) {
    for (const entry of CARD_CATALOGUE) {
      it(`${entry.name} (${locale}) passes adaptivecards v1.5 and our own checks, under 40 KB`, () => {
        const built = entry.build(translator(locale));
        expect(cardProblems(built)).toEqual([]);
        expect(Buffer.byteLength(JSON.stringify(built))).toBeLessThan(MAX_CARD_BYTES);
      });
    }
  }

  it('is written in the language of the Teams locale', () => {
    const de = JSON.stringify(CARD_CATALOGUE[0]?.build(translator('de-AT')));
    const en = JSON.stringify(CARD_CATALOGUE[0]?.build(translator('fr-FR')));
    expect(de).toContain('Willkommen bei Tandem');
    expect(en).toContain('Welcome to Tandem');
  });

  it('carries an Action.Submit fallback with the same verb on every Action.Execute', () => {
    const invitation = CARD_CATALOGUE.find((e) => e.name === 'invitation')?.build(translator('en'));
    const actions = invitation?.actions ?? [];
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(action.type).toBe('Action.Execute');
      expect((action.fallback as { type: string; data: { verb: string } }).type).toBe('Action.Submit');
      expect((action.fallback as { data: { verb: string } }).data.verb).toBe(action.verb);
    }
  });
});

describe('card validation', () => {
  const base = (): AdaptiveCard => card([text('Hello')], [execute('Go', { verb: 'help' })]);

  it('accepts a well-formed card', () => {
    expect(cardProblems(base())).toEqual([]);
  });

  it('reports an unknown element and a bad property value from the adaptivecards library', () => {
    const bad = base();
    bad.body.push({ type: 'Carousel' }, { type: 'TextBlock', text: 'x', size: 'Huge' });
    const problems = libraryProblems(bad);
    expect(problems.some((p) => p.includes('Carousel'))).toBe(true);
    expect(problems.some((p) => p.includes('Huge'))).toBe(true);
  });

  it('reports an Action.Execute without a verb', () => {
    const bad = base();
    bad.actions = [{ type: 'Action.Execute', title: 'Go', data: {} }];
    expect(ownProblems(bad)).toEqual(expect.arrayContaining([expect.stringContaining('without a verb')]));
  });

  it('reports an input without an id or without a label', () => {
    const bad = base();
    bad.body.push({ type: 'Input.Text', id: 'a' }, { type: 'Input.Number', label: 'Age' });
    const problems = ownProblems(bad);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringContaining('a without a label'), expect.stringContaining('without an id')]),
    );
  });

  it('reports a template expression left in the card', () => {
    const bad = base();
    bad.body.push(text('Hello ${name}'));
    expect(ownProblems(bad)).toEqual(expect.arrayContaining([expect.stringContaining('template expression')]));
  });

  it('lets a card carry someone’s own "${…}" text when it is sent, since our builders use no templates', () => {
    const own = base();
    own.body.push(text('My interests: ${x}, jazz'));
    expect(() => assertValidCard(own)).not.toThrow();
    expect(cardProblems(own)).toHaveLength(1);
  });

  it('reports a card of 40 KB or more', () => {
    const bad = base();
    bad.body.push(textInput('long', 'Long', { value: 'x'.repeat(MAX_CARD_BYTES) }));
    expect(ownProblems(bad)).toEqual(expect.arrayContaining([expect.stringContaining('bytes')]));
  });
});
