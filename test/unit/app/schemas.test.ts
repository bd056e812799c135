import {
  assessmentSchema,
  createProgrammeSchema,
  feedbackSchema,
  inviteSchema,
  optInSchema,
  parseInput,
  updateProfileSchema,
} from '../../../functions/src/app/schemas';
import { InvalidError } from '../../../functions/src/core/errors';

function fieldsOf(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (err) {
    if (err instanceof InvalidError) return err.fields;
    throw err;
  }
  throw new Error('expected InvalidError');
}

const profile = {
  role: 'mentor',
  teachTopics: ['ai'],
  languages: ['de'],
  timeZone: 'Europe/Berlin',
  weekdays: ['tue'],
};

describe('the input schemas shared by the API and the bot', () => {
  it('reject unknown fields at any depth', () => {
    expect(
      fieldsOf(() => parseInput(optInSchema, { profile: { ...profile, age: 52 }, consentTextVersion: '1' })),
    ).toEqual({
      'profile.age': ['is not a known field'],
    });
  });

  it('fill in list defaults on opt-in but not on a profile change', () => {
    const parsed = parseInput(optInSchema, { profile, consentTextVersion: '1' });
    expect(parsed.profile).toMatchObject({ learnTopics: [], interests: [], times: [] });
    expect(parseInput(updateProfileSchema, { interests: ['chess'] })).toEqual({ interests: ['chess'] });
  });

  it('accept IANA time zones only', () => {
    expect(
      fieldsOf(() =>
        parseInput(optInSchema, { profile: { ...profile, timeZone: 'Mars/Olympus' }, consentTextVersion: '1' }),
      ),
    ).toHaveProperty(['profile.timeZone']);
  });

  it('refuse control characters in free text, and text over its limit', () => {
    expect(
      fieldsOf(() => parseInput(feedbackSchema, { pairId: 'p', occurrenceIndex: 0, rating: 4, learnt: 'a\u0000b' })),
    ).toHaveProperty('learnt');
    expect(
      fieldsOf(() =>
        parseInput(feedbackSchema, { pairId: 'p', occurrenceIndex: 0, rating: 4, learnt: 'x'.repeat(1001) }),
      ),
    ).toHaveProperty('learnt');
    expect(
      parseInput(feedbackSchema, { pairId: 'p', occurrenceIndex: 0, rating: 4, learnt: 'line one\nline two' }).learnt,
    ).toBe('line one\nline two');
  });

  it('keep ratings whole numbers from 1 to 5', () => {
    for (const rating of [0, 6, 2.5, '4']) {
      expect(fieldsOf(() => parseInput(feedbackSchema, { pairId: 'p', occurrenceIndex: 0, rating }))).toHaveProperty(
        'rating',
      );
    }
    expect(fieldsOf(() => parseInput(assessmentSchema, { ratings: { ai: 7 } }))).toHaveProperty(['ratings.ai']);
    expect(fieldsOf(() => parseInput(assessmentSchema, { ratings: {} }))).toHaveProperty('ratings');
  });

  it('take exactly one way of choosing whom to invite', () => {
    expect(parseInput(inviteSchema, { department: 'IT' })).toEqual({ department: 'IT' });
    expect(() => parseInput(inviteSchema, {})).toThrow(InvalidError);
    expect(() => parseInput(inviteSchema, { department: 'IT', userIds: ['a'] })).toThrow(InvalidError);
  });

  it('need a name and at least one topic for a programme, with ids fit for URLs', () => {
    expect(fieldsOf(() => parseInput(createProgrammeSchema, { name: ' ', topics: [] }))).toEqual({
      name: ['must not be empty'],
      topics: ['needs at least one topic'],
    });
    expect(
      fieldsOf(() => parseInput(createProgrammeSchema, { name: 'x', topics: [{ id: '../x', name: 'X' }] })),
    ).toHaveProperty(['topics.0.id']);
  });
});
