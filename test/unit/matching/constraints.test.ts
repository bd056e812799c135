import { solveMatching, type MatchInput } from '../../../functions/src/core/matching';
import { mentee, mentor } from './support/people';

const pairsOf = (input: MatchInput) => solveMatching(input).pairs.map((p) => `${p.mentor}-${p.mentee}`);

describe('hard constraints and capacity', () => {
  it('gives a mentor with capacity 2 two mentees, and never a third', () => {
    const input: MatchInput = {
      mentors: [mentor('m', { capacity: 2 })],
      mentees: [mentee('a'), mentee('b'), mentee('c')],
    };
    const result = solveMatching(input);
    expect(result.pairCount).toBe(2);
    expect(result.pairs.every((p) => p.mentor === 'm')).toBe(true);
    expect(result.unmatched).toEqual([
      expect.objectContaining({
        role: 'mentee',
        reason: expect.objectContaining({ key: 'unmatched.capacity.mentee' }),
      }),
    ]);
  });

  it('caps mentor capacity by the programme limit', () => {
    const input: MatchInput = {
      mentors: [mentor('m', { capacity: 2 })],
      mentees: [mentee('a'), mentee('b')],
      programme: { maxMenteesPerMentor: 1 },
    };
    expect(solveMatching(input).pairCount).toBe(1);
  });

  it('prefers more pairs over a higher total fit', () => {
    // m1 fits a best, but only m1 can take b: two pairs beat the single best pair.
    const input: MatchInput = {
      mentors: [mentor('m1'), mentor('m2')],
      mentees: [mentee('a'), mentee('b')],
      scores: [
        [100, 1],
        [50, null],
      ],
    };
    expect(pairsOf(input)).toEqual(['m1-b', 'm2-a']);
  });

  it('never proposes an excluded pair, in either order of the ids', () => {
    const base: MatchInput = { mentors: [mentor('m1'), mentor('m2')], mentees: [mentee('a')], scores: [[9], [1]] };
    expect(pairsOf(base)).toEqual(['m1-a']);
    expect(pairsOf({ ...base, exclude: [['m1', 'a']] })).toEqual(['m2-a']);
    expect(pairsOf({ ...base, exclude: [['a', 'm1']] })).toEqual(['m2-a']);
  });

  it('keeps a locked pair even when another pairing would score higher', () => {
    const input: MatchInput = {
      mentors: [mentor('m1'), mentor('m2')],
      mentees: [mentee('a'), mentee('b')],
      scores: [
        [1, 10],
        [10, 1],
      ],
      lock: [['m1', 'a']],
    };
    const result = solveMatching(input);
    expect(result.pairs.map((p) => [p.mentor, p.mentee, p.locked])).toEqual([
      ['m1', 'a', true],
      ['m2', 'b', false],
    ]);
    expect(result.pairs[0]?.reasons[0]?.key).toBe('reason.locked');
  });

  it('needs a common language, compared case-insensitively', () => {
    expect(
      pairsOf({ mentors: [mentor('m', { languages: ['fr'] })], mentees: [mentee('a', { languages: ['de'] })] }),
    ).toEqual([]);
    expect(
      pairsOf({ mentors: [mentor('m', { languages: [' DE'] })], mentees: [mentee('a', { languages: ['de'] })] }),
    ).toEqual(['m-a']);
  });

  it('matches only people who opted in, are active and (when required) trained', () => {
    const input: MatchInput = {
      mentors: [mentor('untrained', { trained: false }), mentor('paused', { active: false }), mentor('ok')],
      mentees: [mentee('a'), mentee('b', { optedIn: false })],
      programme: { trainingRequired: true },
    };
    const result = solveMatching(input);
    expect(result.pairs.map((p) => `${p.mentor}-${p.mentee}`)).toEqual(['ok-a']);
    const reasons = Object.fromEntries(result.unmatched.map((u) => [u.id, u.reason.key]));
    expect(reasons).toEqual({
      untrained: 'unmatched.ineligible.untrained',
      paused: 'unmatched.ineligible.inactive',
      b: 'unmatched.ineligible.notOptedIn',
    });
  });

  it('ignores training when the programme does not require it', () => {
    expect(pairsOf({ mentors: [mentor('m', { trained: false })], mentees: [mentee('a')] })).toEqual(['m-a']);
  });

  it('still applies the hard constraints when a custom scores matrix is given', () => {
    const input: MatchInput = {
      mentors: [mentor('m', { languages: ['fr'] }), mentor('boss')],
      mentees: [mentee('a')],
      managerOf: { boss: 'a' },
      scores: [[100], [100]],
    };
    expect(pairsOf(input)).toEqual([]);
  });

  it('treats null in the scores matrix as a forbidden pair', () => {
    const input: MatchInput = { mentors: [mentor('m1'), mentor('m2')], mentees: [mentee('a')], scores: [[null], [0]] };
    expect(pairsOf(input)).toEqual(['m2-a']);
  });

  it('finishes with an empty result when nobody can be paired', () => {
    const result = solveMatching({ mentors: [], mentees: [mentee('a')] });
    expect(result).toMatchObject({ pairs: [], pairCount: 0, totalScore: 0, optimal: true });
    expect(result.unmatched[0]?.reason.key).toBe('unmatched.noPartnersAvailable');
  });
});
