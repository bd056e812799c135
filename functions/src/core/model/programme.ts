import type { Doc, IsoDateTime, LocalTime, LocalizedText, Weekday } from './common';
import { LOCAL_TIME, minutesOf } from './common';
import { type TransitionTable, assertTransition } from './transitions';
import { collectFieldErrors, InvalidError, type FieldErrors } from '../errors';
import type { TrainingModule } from './training';

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
  /** The name shown where the topic has none in the reader's language (data from before `names` has only this). */
  name: string;
  /** The name per language ("KI-Assistenten" / "AI assistants"); a missing one falls back to `name`. */
  names?: Partial<LocalizedText>;
  /** What a pair could cover in a session on this topic, shown in reminders and calendar invites. */
  guide?: LocalizedText;
}

export { topicName, topicNamesById } from './topic-names';

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
  /** The programme's time zone (IANA): kick-off and closing are written in it to every calendar. */
  timeZone?: string;
  /** Length of the kick-off and of the closing meeting in minutes (default 60). */
  kickoffMinutes?: number;
  closingMinutes?: number;
  mentorCapacity: 1 | 2;
  trainingRequired: boolean;
  /**
   * The mentor training's modules; a mentor is trained once every one is ticked. Without modules the
   * training is one confirmation (the bot's fixed checklist, or the manager's record).
   */
  trainingModules?: TrainingModule[];
  /** Groups smaller than this are suppressed in HR reports; once anyone opted in it only goes up. */
  anonymityThreshold: number;
  /** When the first person opted in: from then on the anonymity threshold can only be raised. */
  optedInSince?: IsoDateTime;
  organizer: OrganizerMode;
  weights?: MatchWeights;
  /** Version of the consent text participants agree to when they opt in. */
  consentTextVersion: string;
  /** Every version's wording (de, en) as it was shown; a version's wording never changes. */
  consentTexts?: ConsentText[];
  createdBy: string;
  /** Other managers who run the programme with its creator: they get its notices (pair health) too. */
  coManagers?: string[];
  /** The programme this one was cloned from (the previous cohort), when it was. */
  clonedFrom?: string;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** When the phase last changed, and by whom (a user id, or "timer"). */
  phaseChangedAt?: IsoDateTime;
  /** When the proposals were last published to the people in them. */
  publishedAt?: IsoDateTime;
  /** The matching job running now; set and cleared on this document so that runs and publishing never overlap. */
  matchingJobId?: string;
  /** `false` switches pair-health notices off: no daily notices and no per-pair list for managers (default on). */
  pairHealthNotices?: boolean;
  /** Months after the close until the programme's personal data is removed (default 12). */
  retentionMonths?: number;
  /** When the retention job removed the programme's personal data (only the report's aggregates remain). */
  anonymisedAt?: IsoDateTime;
}

/** One version of the consent text, word for word as participants saw it. */
export interface ConsentText {
  version: string;
  de: string;
  en: string;
  at: IsoDateTime;
}

/** The standard wording, used when a manager gives none (the tab and the bot show the same). */
export const STANDARD_CONSENT_TEXT: Pick<ConsentText, 'de' | 'en'> = {
  en: 'Taking part is voluntary. Tandem stores your answers, your pair and your session feedback for this programme. Your manager does not see your answers. HR sees only anonymous totals. You can leave or withdraw your consent at any time; your data is then handled as an erasure.',
  de: 'Die Teilnahme ist freiwillig. Tandem speichert deine Angaben, dein Tandem und dein Feedback zu den Terminen für dieses Programm. Deine Führungskraft sieht deine Angaben nicht. HR sieht nur anonyme Summen. Du kannst jederzeit aussteigen oder deine Einwilligung widerrufen; deine Daten werden dann wie bei einer Löschung behandelt.',
};

/** The wording of a consent text version, or undefined for a version recorded before wordings were kept. */
export function consentTextOf(p: Pick<Programme, 'consentTexts'>, version: string): ConsentText | undefined {
  return p.consentTexts?.find((t) => t.version === version);
}

/** Retention after the close: the default, and the bounds a programme may choose within. */
export const RETENTION_MONTHS = { default: 12, min: 1, max: 36 } as const;

/** When a closed programme's personal data is due for removal, or undefined while it is not closed. */
export function retentionDueAt(
  p: Pick<Programme, 'phase' | 'phaseChangedAt' | 'updatedAt' | 'retentionMonths'>,
): Date | undefined {
  if (p.phase !== 'closed') return undefined;
  const due = new Date(p.phaseChangedAt ?? p.updatedAt);
  due.setUTCMonth(due.getUTCMonth() + (p.retentionMonths ?? RETENTION_MONTHS.default));
  return due;
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

/** The length of a kick-off or closing meeting: the default and the bounds. */
export const EVENT_MINUTES = { default: 60, min: 15, max: 480 } as const;

/** Checks a programme's own invariants; returns field errors (empty when valid). */
export function programmeErrors(
  p: Pick<
    Programme,
    | 'name'
    | 'topics'
    | 'cadence'
    | 'mentorCapacity'
    | 'anonymityThreshold'
    | 'kickoffAt'
    | 'closingAt'
    | 'kickoffMinutes'
    | 'closingMinutes'
    | 'trainingModules'
  >,
): FieldErrors {
  const { fields: errors, add } = collectFieldErrors();
  if (!p.name.trim()) add('name', 'must not be empty');
  const ids = new Set<string>();
  p.topics.forEach((t, i) => {
    if (ids.has(t.id)) add(`topics.${i}.id`, `duplicate topic id "${t.id}"`);
    ids.add(t.id);
  });
  const moduleIds = new Set<string>();
  (p.trainingModules ?? []).forEach((m, i) => {
    if (moduleIds.has(m.id)) add(`trainingModules.${i}.id`, `duplicate module id "${m.id}"`);
    moduleIds.add(m.id);
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
  for (const key of ['kickoffMinutes', 'closingMinutes'] as const) {
    const m = p[key];
    if (m !== undefined && (!Number.isInteger(m) || m < EVENT_MINUTES.min || m > EVENT_MINUTES.max))
      add(key, `must be from ${EVENT_MINUTES.min} to ${EVENT_MINUTES.max} minutes`);
  }
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
