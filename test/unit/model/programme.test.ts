import { programmeErrors, assertValidProgramme, localeOf, isInvitable } from '../../../functions/src/core/model';
import { InvalidError } from '../../../functions/src/core/errors';
import { aProgramme, anOrgUser } from '../../support/builders';

describe('programme invariants', () => {
  it('accepts the defaults', () => {
    expect(programmeErrors(aProgramme())).toEqual({});
  });

  it('names each broken field', () => {
    const errors = programmeErrors(
      aProgramme({
        name: ' ',
        topics: [
          { id: 'a', name: 'A' },
          { id: 'a', name: 'B' },
        ],
        cadence: {
          intervalWeeks: 0,
          weekday: 'tue',
          window: { start: '09:00', end: '09:30' },
          sessionMinutes: 45,
          sessions: 100,
        },
        mentorCapacity: 3 as 1,
        anonymityThreshold: 1,
        kickoffAt: '2026-03-01T00:00:00Z',
        closingAt: '2026-02-01T00:00:00Z',
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(
      [
        'anonymityThreshold',
        'cadence.intervalWeeks',
        'cadence.sessions',
        'cadence.window',
        'closingAt',
        'mentorCapacity',
        'name',
        'topics.1.id',
      ].sort(),
    );
    expect(() => assertValidProgramme(aProgramme({ name: '' }))).toThrow(InvalidError);
  });

  it('rejects a time window that is not HH:MM', () => {
    expect(
      programmeErrors(aProgramme({ cadence: { ...aProgramme().cadence, window: { start: '9', end: '25:00' } } })),
    ).toMatchObject({
      'cadence.window.start': ['must be HH:MM'],
      'cadence.window.end': ['must be HH:MM'],
    });
  });
});

describe('directory helpers', () => {
  it('pick German for any German locale and English otherwise', () => {
    expect(localeOf('de-AT')).toBe('de');
    expect(localeOf('en-GB')).toBe('en');
    expect(localeOf(undefined)).toBe('en');
  });

  it('let only enabled members be invited', () => {
    expect(isInvitable(anOrgUser())).toBe(true);
    expect(isInvitable(anOrgUser({ accountEnabled: false }))).toBe(false);
    expect(isInvitable(anOrgUser({ userType: 'Guest' }))).toBe(false);
  });
});
