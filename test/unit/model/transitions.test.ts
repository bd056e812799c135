import {
  PAIR_STATUSES,
  PAIR_TRANSITIONS,
  PARTICIPANT_STATUSES,
  PARTICIPANT_TRANSITIONS,
  PHASES,
  PHASE_TRANSITIONS,
  SERIES_STATUSES,
  SERIES_TRANSITIONS,
  answer,
  canTransition,
  endPair,
  leave,
  movePhase,
  optIn,
  pause,
  resume,
  reinvite,
  isMatchable,
  activate,
} from '../../../functions/src/core/model';
import { ConflictError, InvalidError } from '../../../functions/src/core/errors';
import { aPair, aParticipant, aProgramme } from '../../support/builders';

const NOW = '2026-02-01T10:00:00.000Z';
const profile = {
  role: 'mentor' as const,
  teachTopics: ['teams'],
  learnTopics: [],
  interests: [],
  languages: ['de'],
  timeZone: 'Europe/Berlin',
  weekdays: ['tue' as const],
  times: ['morning' as const],
};

describe('programme phases', () => {
  it('go forward one step at a time from draft to closed', () => {
    let p = aProgramme({ phase: 'draft' });
    for (const phase of PHASES.slice(1)) p = movePhase(p, phase, NOW);
    expect(p.phase).toBe('closed');
    expect(p.phaseChangedAt).toBe(NOW);
  });

  it('never skip a step or go back, except matching back to preparation', () => {
    const allowed: [string, string][] = [];
    for (const from of PHASES)
      for (const to of PHASES) if (canTransition(PHASE_TRANSITIONS, from, to)) allowed.push([from, to]);
    expect(allowed).toEqual([
      ['draft', 'preparation'],
      ['draft', 'closed'],
      ['preparation', 'matching'],
      ['preparation', 'closed'],
      ['matching', 'preparation'],
      ['matching', 'execution'],
      ['matching', 'closed'],
      ['execution', 'steering'],
      ['execution', 'closed'],
      ['steering', 'closed'],
    ]);
  });

  it('refuse a disallowed move with a Conflict that names both phases', () => {
    expect(() => movePhase(aProgramme({ phase: 'draft' }), 'execution', NOW)).toThrow(ConflictError);
    expect(() => movePhase(aProgramme({ phase: 'draft' }), 'execution', NOW)).toThrow(/from draft to execution/);
    expect(() => movePhase(aProgramme({ phase: 'closed' }), 'draft', NOW)).toThrow(/closed is final/);
  });
});

describe('participant status', () => {
  it('has exactly the voluntary transitions: opt in, pause, resume, leave, be invited again', () => {
    const allowed: string[] = [];
    for (const from of PARTICIPANT_STATUSES)
      for (const to of PARTICIPANT_STATUSES)
        if (canTransition(PARTICIPANT_TRANSITIONS, from, to)) allowed.push(`${from}>${to}`);
    expect(allowed).toEqual([
      'invited>opted-in',
      'invited>left',
      'opted-in>paused',
      'opted-in>left',
      'paused>opted-in',
      'paused>left',
      'left>invited',
    ]);
  });

  it('records consent with its text version and time on opt-in', () => {
    const p = optIn(aParticipant(), profile, { textVersion: '2026-01', at: NOW }, NOW);
    expect(p.status).toBe('opted-in');
    expect(p.consent).toEqual({ textVersion: '2026-01', at: NOW });
    expect(p.optedInAt).toBe(NOW);
    expect(p.teachTopics).toEqual(['teams']);
  });

  it('refuses opt-in without a consent text version or with an incomplete profile', () => {
    expect(() => optIn(aParticipant(), profile, { textVersion: '', at: NOW }, NOW)).toThrow(InvalidError);
    expect(() => optIn(aParticipant(), { ...profile, teachTopics: [] }, { textVersion: 'v', at: NOW }, NOW)).toThrow(
      /profile is not complete/,
    );
    expect(() => optIn(aParticipant(), { ...profile, languages: [] }, { textVersion: 'v', at: NOW }, NOW)).toThrow(
      InvalidError,
    );
  });

  it('lets a participant pause, resume and leave at any time, but not leave twice', () => {
    const p = optIn(aParticipant(), profile, { textVersion: 'v', at: NOW }, NOW);
    expect(resume(pause(p, NOW), NOW).status).toBe('opted-in');
    const left = leave(pause(p, NOW), NOW);
    expect(left.status).toBe('left');
    expect(left.leftAt).toBe(NOW);
    expect(() => leave(left, NOW)).toThrow(ConflictError);
    expect(reinvite(left, 'manager-2', NOW)).toMatchObject({
      status: 'invited',
      invitedBy: 'manager-2',
      consent: undefined,
    });
  });

  it('counts only opted-in, trained mentors as matchable when training is required', () => {
    const mentor = optIn(aParticipant(), profile, { textVersion: 'v', at: NOW }, NOW);
    expect(isMatchable(mentor, true)).toBe(false);
    expect(isMatchable(mentor, false)).toBe(true);
    expect(isMatchable({ ...mentor, trainingCompletedAt: NOW }, true)).toBe(true);
    expect(isMatchable(pause({ ...mentor, trainingCompletedAt: NOW }, NOW), true)).toBe(false);
  });
});

describe('pair status', () => {
  const published = aPair({ publishedAt: NOW });

  it('has exactly the allowed transitions', () => {
    const allowed: string[] = [];
    for (const from of PAIR_STATUSES)
      for (const to of PAIR_STATUSES) if (canTransition(PAIR_TRANSITIONS, from, to)) allowed.push(`${from}>${to}`);
    expect(allowed).toEqual([
      'proposed>confirmed',
      'proposed>declined',
      'proposed>ended',
      'confirmed>active',
      'confirmed>ended',
      'active>ended',
    ]);
  });

  it('is confirmed only when both sides accept', () => {
    const one = answer(published, 'mentor-1', true, NOW);
    expect(one.status).toBe('proposed');
    const both = answer(one, 'mentee-1', true, NOW);
    expect(both.status).toBe('confirmed');
    expect(activate(both, NOW)).toMatchObject({ status: 'active', booking: 'booked' });
  });

  it('is declined by either side, keeping the private reason', () => {
    const declined = answer(published, 'mentee-1', false, NOW, 'We work together daily');
    expect(declined.status).toBe('declined');
    expect(declined.mentee).toEqual({ state: 'declined', at: NOW, reason: 'We work together daily' });
  });

  it('treats a repeated answer as harmless and a changed answer after settling as a Conflict', () => {
    const confirmed = answer(answer(published, 'mentor-1', true, NOW), 'mentee-1', true, NOW);
    expect(answer(confirmed, 'mentee-1', true, NOW)).toBe(confirmed);
    expect(() => answer(confirmed, 'mentee-1', false, NOW)).toThrow(ConflictError);
  });

  it('refuses answers from outsiders and before publishing', () => {
    expect(() => answer(published, 'someone-else', true, NOW)).toThrow(/Only the two people/);
    expect(() => answer(aPair(), 'mentor-1', true, NOW)).toThrow(/not been published/);
  });

  it('ends once, with a reason, and stays ended', () => {
    const ended = endPair(aPair({ status: 'active' }), 'left', NOW);
    expect(ended).toMatchObject({ status: 'ended', endReason: 'left', endedAt: NOW });
    expect(endPair(ended, 'programme-closed', NOW)).toBe(ended);
    expect(() => endPair(aPair({ status: 'declined' }), 'left', NOW)).toThrow(ConflictError);
  });
});

describe('meeting series status', () => {
  it('has exactly the allowed transitions', () => {
    const allowed: string[] = [];
    for (const from of SERIES_STATUSES)
      for (const to of SERIES_STATUSES) if (canTransition(SERIES_TRANSITIONS, from, to)) allowed.push(`${from}>${to}`);
    expect(allowed).toEqual([
      'pending>booked',
      'pending>no-slot',
      'pending>cancelled',
      'booked>cancelled',
      'no-slot>pending',
      'no-slot>booked',
      'no-slot>cancelled',
    ]);
  });
});
