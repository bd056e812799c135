import { rematch, solveMatching, type MatchInput } from '../../../functions/src/core/matching';
import { mentee, mentor } from './support/people';

describe('re-matching after a decline or a leave', () => {
  const input: MatchInput = {
    mentors: [mentor('m1'), mentor('m2'), mentor('m3')],
    mentees: [mentee('a'), mentee('b'), mentee('c')],
    scores: [
      [9, 5, 1],
      [5, 9, 5],
      [1, 5, 9],
    ],
  };

  it('keeps confirmed pairs and re-matches only the affected people', () => {
    const first = solveMatching(input);
    expect(first.pairs.map((p) => `${p.mentor}-${p.mentee}`)).toEqual(['m1-a', 'm2-b', 'm3-c']);
    // b declined m2: exclude the pair; m1-a and m3-c are confirmed.
    const result = rematch(
      { ...input, exclude: [['m2', 'b']] },
      {
        fixedPairs: [
          ['m1', 'a'],
          ['m3', 'c'],
        ],
        affectedIds: ['m2', 'b'],
      },
    );
    expect(result.pairs.map((p) => [p.mentor, p.mentee, p.locked])).toEqual([
      ['m1', 'a', true],
      ['m3', 'c', true],
    ]);
    expect(result.unmatched.map((u) => [u.id, u.reason.key])).toEqual([
      ['m2', 'unmatched.noFeasiblePartner.excluded'],
      ['b', 'unmatched.noFeasiblePartner.excluded'],
    ]);
  });

  it('gives an affected person a new partner among people who are still free', () => {
    const withSpare: MatchInput = {
      ...input,
      mentors: [...input.mentors, mentor('m4')],
      scores: [...input.scores!, [2, 3, 4]],
    };
    const result = rematch(
      { ...withSpare, exclude: [['m2', 'b']] },
      {
        fixedPairs: [
          ['m1', 'a'],
          ['m3', 'c'],
        ],
        affectedIds: ['m2', 'b'],
      },
    );
    expect(result.pairs.map((p) => `${p.mentor}-${p.mentee}`)).toEqual(['m1-a', 'm3-c', 'm4-b']);
    expect(result.optimal).toBe(true);
  });

  it('never pairs two unaffected people with each other', () => {
    const spare: MatchInput = {
      mentors: [mentor('m1'), mentor('idle-mentor')],
      mentees: [mentee('a'), mentee('idle-mentee')],
      scores: [
        [5, 5],
        [5, 5],
      ],
    };
    const result = rematch(spare, { fixedPairs: [], affectedIds: ['a'] });
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]?.mentee).toBe('a');
    expect(result.unmatched.find((u) => u.id === 'idle-mentee')?.reason.key).toBe('unmatched.noFeasiblePartner.scope');
  });

  it('rejects an affected person who is also in a fixed pair', () => {
    expect(() => rematch(input, { fixedPairs: [['m1', 'a']], affectedIds: ['a'] })).toThrow(
      /affectedIds also in a fixed pair/,
    );
  });
});
