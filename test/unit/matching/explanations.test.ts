import { formatReason, MESSAGES, solveMatching, type MatchInput } from '../../../functions/src/core/matching';
import { mentee, mentor } from './support/people';

describe('explanations', () => {
  it('breaks the score into components that add up to it', () => {
    const result = solveMatching({ mentors: [mentor('m')], mentees: [mentee('a')] });
    const pair = result.pairs[0]!;
    const sum = Object.values(pair.breakdown).reduce((x, y) => x + (y ?? 0), 0);
    expect(sum).toBeCloseTo(pair.score, 9);
    expect(pair.breakdown).toEqual({
      topics: 40,
      interests: 6.7,
      availability: 15,
      timezone: 10,
      crossDepartment: 10,
      seniority: 5,
    });
  });

  it('names the strongest reasons first, with what the two have in common', () => {
    const pair = solveMatching({
      mentors: [mentor('m', { topics: ['AI', 'excel'], interests: ['chess', 'jazz', 'golf'] })],
      mentees: [mentee('a', { topics: ['ai', 'excel', 'teams'], interests: ['golf', 'jazz', 'chess'] })],
    }).pairs[0]!;
    expect(pair.reasons.map((r) => r.key)).toEqual(['reason.topics', 'reason.interests', 'reason.availability']);
    expect(pair.reasons[0]?.params).toEqual({ topics: ['AI', 'excel'], covered: 2, wished: 3 });
    expect(formatReason(pair.reasons[0]!.key, pair.reasons[0]!.params, 'en')).toBe(
      'Covers 2 of 3 wished topics: AI, excel',
    );
    expect(formatReason(pair.reasons[2]!.key, pair.reasons[2]!.params, 'de')).toBe('Beide haben Zeit am Dienstag');
  });

  it('explains a custom score and the common language', () => {
    const pair = solveMatching({ mentors: [mentor('m')], mentees: [mentee('a')], scores: [[7.5]] }).pairs[0]!;
    expect(pair.breakdown).toEqual({ custom: 7.5 });
    expect(pair.reasons.map((r) => formatReason(r.key, r.params, 'de'))).toEqual([
      'Eigener Score 7,5',
      'Gemeinsame Sprache: de',
    ]);
  });

  it('says which constraint left someone without a feasible partner', () => {
    const input: MatchInput = {
      mentors: [mentor('m1', { languages: ['fr'] }), mentor('m2', { languages: ['fr'] }), mentor('boss')],
      mentees: [mentee('a')],
      managerOf: { boss: 'a' },
    };
    const reason = solveMatching(input).unmatched.find((u) => u.id === 'a')!.reason;
    expect(reason).toEqual({
      key: 'unmatched.noFeasiblePartner.language',
      params: { checked: 3, language: 2, hierarchy: 1 },
    });
    expect(formatReason(reason.key, reason.params, 'en')).toBe(
      'No feasible partner among 3 people; the main obstacle: no common language (2 of them)',
    );
  });

  it('tells a mentee left over when there are fewer places than mentees', () => {
    const result = solveMatching({ mentors: [mentor('m')], mentees: [mentee('a'), mentee('b', { jobLevel: 3 })] });
    const left = result.unmatched.find((u) => u.role === 'mentee')!;
    expect(left.reason).toEqual({ key: 'unmatched.capacity.mentee', params: { partners: 1, places: 1, people: 2 } });
  });

  it('tells a mentor left over when the group was better served otherwise', () => {
    // m3 is compatible with a and b, but m1–a and m2–b fit far better; c speaks no common language.
    const input: MatchInput = {
      mentors: [mentor('m1'), mentor('m2'), mentor('m3')],
      mentees: [mentee('a'), mentee('b'), mentee('c', { languages: ['fr'] })],
      scores: [
        [10, 1, 1],
        [null, 10, 1],
        [1, 1, 1],
      ],
    };
    const result = solveMatching(input);
    expect(result.unmatched.find((u) => u.id === 'm3')?.reason.key).toBe('unmatched.betterForGroup.mentor');
  });

  it('has a German and an English text for every key, with the same placeholders', () => {
    for (const key of Object.keys(MESSAGES.en)) {
      const de = MESSAGES.de[key];
      expect({ key, de: typeof de }).toEqual({ key, de: 'string' });
      const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(de!)).toEqual(names(MESSAGES.en[key]!));
    }
    expect(Object.keys(MESSAGES.de).sort()).toEqual(Object.keys(MESSAGES.en).sort());
  });

  it('falls back to the key for an unknown message', () => {
    expect(formatReason('reason.unknown', {}, 'de')).toBe('reason.unknown');
  });
});
