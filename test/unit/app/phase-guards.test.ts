import { phaseBlockers, type PhaseFacts } from '../../../functions/src/core/phases/guards';
import { aProgramme } from '../../support/builders';

const ready: PhaseFacts = {
  optedInMentors: 3,
  optedInMentees: 3,
  matchableMentors: 3,
  livePublishedPairs: 3,
  unpublishedProposals: 0,
  jobRunning: false,
};

describe('phase guards', () => {
  it('allow the next step when the programme is ready for it', () => {
    expect(phaseBlockers(aProgramme({ phase: 'draft' }), 'preparation', ready)).toEqual([]);
    expect(phaseBlockers(aProgramme({ phase: 'preparation' }), 'matching', ready)).toEqual([]);
    expect(phaseBlockers(aProgramme({ phase: 'matching' }), 'execution', ready)).toEqual([]);
    expect(phaseBlockers(aProgramme({ phase: 'execution' }), 'steering', ready)).toEqual([]);
    expect(phaseBlockers(aProgramme({ phase: 'steering' }), 'closed', ready)).toEqual([]);
  });

  it('refuse to skip a step or to leave the closed phase', () => {
    expect(phaseBlockers(aProgramme({ phase: 'draft' }), 'execution', ready)[0]).toMatch(
      /cannot move from draft to execution/,
    );
    expect(phaseBlockers(aProgramme({ phase: 'closed' }), 'draft', ready)[0]).toMatch(/closed is final/);
  });

  it('need trained mentors and opted-in mentees before matching', () => {
    expect(phaseBlockers(aProgramme({ phase: 'preparation' }), 'matching', { ...ready, matchableMentors: 0 })).toEqual([
      'No mentor has finished the mentor training yet.',
    ]);
    expect(phaseBlockers(aProgramme({ phase: 'preparation' }), 'matching', { ...ready, optedInMentees: 0 })).toEqual([
      'No mentee has opted in yet.',
    ]);
  });

  it('need published pairs and no pending proposals before execution, and no running job', () => {
    const p = aProgramme({ phase: 'matching' });
    expect(phaseBlockers(p, 'execution', { ...ready, livePublishedPairs: 0 })).toHaveLength(1);
    expect(phaseBlockers(p, 'execution', { ...ready, unpublishedProposals: 2 })[0]).toMatch(
      /2 proposals are not published/,
    );
    expect(phaseBlockers(p, 'execution', { ...ready, jobRunning: true })[0]).toMatch(/matching run/);
    expect(phaseBlockers(p, 'closed', { ...ready, jobRunning: true })).toEqual([]);
  });

  it('keep a programme with published pairs from going back to preparation', () => {
    expect(phaseBlockers(aProgramme({ phase: 'matching' }), 'preparation', ready)[0]).toMatch(/published/);
    expect(
      phaseBlockers(aProgramme({ phase: 'matching' }), 'preparation', { ...ready, livePublishedPairs: 0 }),
    ).toEqual([]);
  });
});
