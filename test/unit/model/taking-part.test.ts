import { isTakingPart } from '../../../functions/src/core/model';

describe('who is taking part in a programme (no next-cohort offer for them)', () => {
  it('is someone opted in or paused while the programme prepares, matches or runs its sessions', () => {
    for (const phase of ['preparation', 'matching', 'execution'] as const) {
      expect(isTakingPart({ status: 'opted-in' }, phase)).toBe(true);
      expect(isTakingPart({ status: 'paused' }, phase)).toBe(true);
      expect(isTakingPart({ status: 'invited' }, phase)).toBe(false);
      expect(isTakingPart({ status: 'left' }, phase)).toBe(false);
    }
    expect(isTakingPart(undefined, 'execution')).toBe(false);
  });

  it('ends with the sessions: in steering and after, alumni may sign up for the next cohort', () => {
    expect(isTakingPart({ status: 'opted-in' }, 'steering')).toBe(false);
    expect(isTakingPart({ status: 'opted-in' }, 'closed')).toBe(false);
  });
});
