import type { Doc, IsoDateTime, LocalTime, LocalizedText, Weekday } from './common';
import { LOCAL_TIME, minutesOf } from './common';
import { type TransitionTable, assertTransition } from './transitions';
import { collectFieldErrors, InvalidError, type FieldErrors } from '../errors';

export const PROGRAMME_SCHEMA_VERSION = 1;

/** The programme's life: the four steps of the concept paper between a draft and the close. */
export const PHASES = ['draft', 'preparation', 'matching', 'execution', 'steering', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Phases move forward one step at a time; a programme can be closed (cancelled) from any phase, and
 * matching can go back to preparation (to invite more people before publishing).
 */
export const PHASE_TRANSITIONS: TransitionTable<Phase> = {
  draft: ['preparation', 'closed'],
  preparation: ['matching', 'closed'],
  matching: ['preparation', 'execution', 'closed'],
  execution: ['steering', 'closed'],
  steering: ['closed'],
  closed: [],
};

/** A topic the programme is about, e.g. "AI assistants", with an optional session guide. */
export interface Topic {
  id: string;
  name: string;
  /** What a pair could cover in a session on this topic, shown in reminders and calendar invites. */
  guide?: LocalizedText;
}

/** The frame for every pair's meetings. */
export interface Cadence {
  /** A session every N weeks. */
  intervalWeeks: number;
  weekday: Weekday;
  /** Earliest start and latest end of a session, in each participant's local time. */
  window: { start: LocalTime; end: LocalTime };
  sessionMinutes: number;
  sessions: number;
}

/** Who organises the series in Outlook: the mentee, or a shared programme mailbox. */
export type OrganizerMode = { kind: 'mentee' } | { kind: 'mailbox'; address: string };

/** Per-programme weights of the fit score (see core/matching); missing keys use the defaults. */
export type MatchWeights = Partial<Record<string, number>>;

export interface Programme extends Doc {
  name: string;
  description: string;
  topics: Topic[];
  phase: Phase;
  cadence: Cadence;
  kickoffAt?: IsoDateTime;
  closingAt?: IsoDateTime;
  mentorCapacity: 1 | 2;
  trainingRequired: boolean;
  /** Groups smaller than this are suppressed in HR reports; once anyone opted in it only goes up. */
  anonymityThreshold: number;
  /** When the first person opted in: from then on the anonymity threshold can only be raised. */
  optedInSince?: IsoDateTime;
  organizer: OrganizerMode;
  weights?: MatchWeights;
  /** Version of the consent text participants agree to when they opt in. */
  consentTextVersion: string;
  createdBy: string;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** When the phase last changed, and by whom (a user id, or "timer"). */
  phaseChangedAt?: IsoDateTime;
  /** When the proposals were last published to the people in them. */
  publishedAt?: IsoDateTime;
  /** The matching job running now; set and cleared on this document so that runs and publishing never overlap. */
  matchingJobId?: string;
}

export const DEFAULT_ANONYMITY_THRESHOLD = 5;
/** No threshold, and no organisation's floor, is ever lower than this. */
export const MIN_ANONYMITY_THRESHOLD = 2;
/** The organisation's floor for thresholds unless it sets another (ANONYMITY_THRESHOLD_FLOOR). */
export const DEFAULT_ANONYMITY_FLOOR = 5;

/**
 * Why a programme's anonymity threshold may not become `next`, or undefined when it may: never
 * below the organisation's floor, and never lower than it was once anyone has opted in (people
 * agreed to take part under that promise, and a lower one would reveal smaller groups after the fact).
 */
export function thresholdChangeError(
  current: number | undefined,
  next: number,
  floor: number,
  anyoneOptedIn: boolean,
): string | undefined {
  if (!Number.isInteger(next) || next < floor)
    return `must be at least ${floor}, the organisation's floor for anonymity thresholds`;
  if (anyoneOptedIn && current !== undefined && next < current)
    return `can only be raised now that people have opted in (it is ${current})`;
  return undefined;
}

export const DEFAULT_CADENCE: Cadence = {
  intervalWeeks: 2,
  weekday: 'tue',
  window: { start: '09:00', end: '17:00' },
  sessionMinutes: 45,
  sessions: 6,
};

/** Checks a programme's own invariants; returns field errors (empty when valid). */
export function programmeErrors(
  p: Pick<
    Programme,
    'name' | 'topics' | 'cadence' | 'mentorCapacity' | 'anonymityThreshold' | 'kickoffAt' | 'closingAt'
  >,
): FieldErrors {
  const { fields: errors, add } = collectFieldErrors();
  if (!p.name.trim()) add('name', 'must not be empty');
  const ids = new Set<string>();
  p.topics.forEach((t, i) => {
    if (ids.has(t.id)) add(`topics.${i}.id`, `duplicate topic id "${t.id}"`);
    ids.add(t.id);
  });
  const c = p.cadence;
  if (!Number.isInteger(c.intervalWeeks) || c.intervalWeeks < 1 || c.intervalWeeks > 8)
    add('cadence.intervalWeeks', 'must be a whole number of weeks from 1 to 8');
  if (!Number.isInteger(c.sessions) || c.sessions < 1 || c.sessions > 52)
    add('cadence.sessions', 'must be from 1 to 52');
  if (!Number.isInteger(c.sessionMinutes) || c.sessionMinutes < 15 || c.sessionMinutes > 240)
    add('cadence.sessionMinutes', 'must be from 15 to 240 minutes');
  if (!LOCAL_TIME.test(c.window.start)) add('cadence.window.start', 'must be HH:MM');
  if (!LOCAL_TIME.test(c.window.end)) add('cadence.window.end', 'must be HH:MM');
  if (LOCAL_TIME.test(c.window.start) && LOCAL_TIME.test(c.window.end)) {
    if (minutesOf(c.window.end) - minutesOf(c.window.start) < c.sessionMinutes)
      add('cadence.window', 'must be at least one session long');
  }
  if (p.mentorCapacity !== 1 && p.mentorCapacity !== 2) add('mentorCapacity', 'must be 1 or 2');
  if (!Number.isInteger(p.anonymityThreshold) || p.anonymityThreshold < MIN_ANONYMITY_THRESHOLD)
    add('anonymityThreshold', `must be a whole number of at least ${MIN_ANONYMITY_THRESHOLD}`);
  if (p.kickoffAt && p.closingAt && Date.parse(p.closingAt) <= Date.parse(p.kickoffAt))
    add('closingAt', 'must be after the kick-off');
  return errors;
}

/** Throws Invalid with the field errors when the programme breaks an invariant. */
export function assertValidProgramme(p: Parameters<typeof programmeErrors>[0]): void {
  const errors = programmeErrors(p);
  if (Object.keys(errors).length) throw new InvalidError('The programme is not valid.', errors);
}

/** Returns the programme in its next phase, or throws Conflict when the move is not allowed. */
export function movePhase(p: Programme, to: Phase, now: IsoDateTime): Programme {
  assertTransition('The programme', PHASE_TRANSITIONS, p.phase, to);
  return { ...p, phase: to, phaseChangedAt: now, updatedAt: now };
}

/** True while people may still opt in (before pairs are published). */
export function isEnrollmentOpen(phase: Phase): boolean {
  return phase === 'preparation' || phase === 'matching';
}
