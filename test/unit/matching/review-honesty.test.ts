import { formatReason, solveMatching } from '../../../functions/src/core/matching';
import { CAUTION_FIT_BELOW, pairCautions } from '../../../functions/src/core/matching/cautions';
import { mentee, mentor } from './support/people';

describe('cautions on a proposal (manager only)', () => {
  const base = {
    mentorTopics: ['ai', 'teams'],
    menteeTopics: ['ai'],
    mentorTimeZone: 'Europe/Berlin',
    menteeTimeZone: 'Europe/London',
    score: 72,
    builtInScore: true,
  };

  it('has none for a pair with a common topic, close time zones and a good fit', () => {
    expect(pairCautions(base)).toEqual([]);
  });

  it('cautions when the two have no topic in common', () => {
    expect(pairCautions({ ...base, menteeTopics: ['excel'] }).map((c) => c.code)).toEqual(['noCommonTopic']);
  });

  it('cautions when their time zones are 3 hours or more apart, with the gap', () => {
    expect(pairCautions({ ...base, menteeTimeZone: 'America/New_York' })).toEqual([
      { code: 'timezoneGap', params: { hours: 6 } },
    ]);
    expect(pairCautions({ ...base, mentorTimeZone: 'UTC', menteeTimeZone: 'UTC+3' })).toEqual([
      { code: 'timezoneGap', params: { hours: 3 } },
    ]);
    expect(pairCautions({ ...base, mentorTimeZone: 'UTC', menteeTimeZone: 'UTC+2:45' })).toEqual([]);
  });

  it('cautions on a fit below the threshold the manager sees, never on a custom score', () => {
    expect(pairCautions({ ...base, score: 31.74 })).toEqual([
      { code: 'lowFit', params: { score: 31.7, threshold: CAUTION_FIT_BELOW } },
    ]);
    expect(pairCautions({ ...base, score: 31.7 }, 30)).toEqual([]);
    expect(pairCautions({ ...base, score: 3, builtInScore: false })).toEqual([]);
  });
});

describe('complete explanations', () => {
  it('a locked (swapped) pair keeps every reason an unlocked one has, with "kept as fixed" on top', () => {
    const people = {
      mentors: [mentor('m', { topics: ['AI', 'excel'], interests: ['chess', 'jazz', 'golf'] })],
      mentees: [mentee('a', { topics: ['ai', 'excel', 'teams'], interests: ['golf', 'jazz', 'chess'] })],
    };
    const free = solveMatching(people).pairs[0]!;
    const locked = solveMatching({ ...people, lock: [['m', 'a']] }).pairs[0]!;
    expect(locked.score).toBe(free.score);
    expect(locked.reasons.map((r) => r.key)).toEqual(['reason.locked', ...free.reasons.map((r) => r.key)]);
  });
});

describe('plural in unmatched reasons', () => {
  it('says "the one compatible mentee" instead of "each of the 1 compatible mentees", in both languages', () => {
    const one = { partners: 1, places: 1, people: 2 };
    expect(formatReason('unmatched.betterForGroup.mentor', one, 'en')).toMatch(/^The one compatible mentee is paired/);
    expect(formatReason('unmatched.betterForGroup.mentee', one, 'en')).toMatch(/^The one compatible mentor is paired/);
    expect(formatReason('unmatched.capacity.mentee', one, 'en')).toBe(
      'The one compatible mentor is fully booked: 1 mentor places for 2 mentees',
    );
    expect(formatReason('unmatched.betterForGroup.mentor', one, 'de')).toMatch(/^Die einzige passende Mentee-Person/);
    expect(formatReason('unmatched.betterForGroup.mentor', { ...one, partners: 2 }, 'en')).toMatch(
      /^Each of the 2 compatible mentees/,
    );
  });
});
