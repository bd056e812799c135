import type { Doc, IsoDateTime, Locale, TimeOfDay, Weekday } from './common';
import type { PairingRecord } from './pairing';
import { type TransitionTable, assertTransition } from './transitions';
import { collectFieldErrors, InvalidError } from '../errors';

export const PARTICIPANT_SCHEMA_VERSION = 1;

export const ROLES = ['mentor', 'mentee'] as const;
/** Mentor: the (usually junior) person who teaches; mentee: the (usually senior) person who learns. */
export type Role = (typeof ROLES)[number];

export const PARTICIPANT_STATUSES = ['invited', 'opted-in', 'paused', 'left'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/**
 * Taking part is voluntary: an invitation can be accepted (opt in) or declined (left); a participant
 * can pause and resume, and leave at any time. Someone who left can be invited again.
 */
export const PARTICIPANT_TRANSITIONS: TransitionTable<ParticipantStatus> = {
  invited: ['opted-in', 'left'],
  'opted-in': ['paused', 'left'],
  paused: ['opted-in', 'left'],
  left: ['invited'],
};

/** Recorded consent: which version of the consent text was agreed to, and when. */
export interface Consent {
  textVersion: string;
  at: IsoDateTime;
}

/** What a participant tells us about themselves when opting in (and may change later). */
export interface Profile {
  role: Role;
  /** Topic ids a mentor can teach. */
  teachTopics: string[];
  /** Topic ids a mentee wants to learn. */
  learnTopics: string[];
  interests: string[];
  /** ISO 639-1 codes, e.g. ["de", "en"]. */
  languages: string[];
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  weekdays: Weekday[];
  times: TimeOfDay[];
  /** An optional sentence for the programme's testimonials ("why I joined"), shown only with consent. */
  testimonial?: string;
}

/** One person's enrollment in one programme; id = the person's Entra object id. */
export interface Participant extends Doc, Partial<Profile>, PairingRecord {
  programmeId: string;
  /** Entra object id of the person (same as `id`). */
  userId: string;
  displayName: string;
  status: ParticipantStatus;
  locale: Locale;
  invitedAt: IsoDateTime;
  invitedBy: string;
  consent?: Consent;
  optedInAt?: IsoDateTime;
  trainingCompletedAt?: IsoDateTime;
  /** When the person agreed that their testimonial may be quoted (with their name); unset: never quoted. */
  testimonialConsentAt?: IsoDateTime;
  /** The training modules a mentor ticked: module id → when. */
  trainingModulesDone?: Record<string, IsoDateTime>;
  pausedAt?: IsoDateTime;
  leftAt?: IsoDateTime;
  updatedAt: IsoDateTime;
  /** Set when the person asked for erasure: the record keeps only what the report's totals need. */
  erasedAt?: IsoDateTime;
  /** Tandem installed for the invitee through Graph, so the bot can reach them (app/invitee-reach.ts). */
  appInstall?: AppInstall;
  /** Whether Tandem may book in this person's calendar (the deployment's Exchange scope), checked at invitation. */
  calendarAccess?: CalendarAccess;
}

/**
 * pending: to be installed (again after `nextAttemptAt`); installed: Graph installed it now;
 * already-installed: it was there (409, or the person has a conversation with the bot);
 * blocked-by-policy: the person's app permission policy does not allow Tandem (403); failed: for good.
 */
export const APP_INSTALL_STATES = ['pending', 'installed', 'already-installed', 'blocked-by-policy', 'failed'] as const;
export type AppInstallState = (typeof APP_INSTALL_STATES)[number];

/** Where installing Tandem for one invitee stands. */
export interface AppInstall {
  state: AppInstallState;
  /** Install calls made (a claim counts: a run that stopped mid-call is retried after `nextAttemptAt`). */
  attempts: number;
  at: IsoDateTime;
  nextAttemptAt?: IsoDateTime;
  /** Graph's status and message of the last failure (no personal data). */
  error?: string;
}

/** granted: mailbox settings readable; outside-scope: 403 (not in the app's Exchange scope); no-mailbox: 404. */
export type CalendarAccess = 'granted' | 'outside-scope' | 'no-mailbox';

export const PROFILE_LIMITS = { listItems: 20, textLength: 280 } as const;

/** Checks a profile's invariants (mentor teaches something, mentee learns something, a language). */
export function assertValidProfile(profile: Profile): void {
  const { fields, add } = collectFieldErrors();
  if (profile.role === 'mentor' && profile.teachTopics.length === 0)
    add('teachTopics', 'a mentor teaches at least one topic');
  if (profile.role === 'mentee' && profile.learnTopics.length === 0)
    add('learnTopics', 'a mentee wants to learn at least one topic');
  if (profile.languages.length === 0) add('languages', 'at least one language');
  if (profile.weekdays.length === 0) add('weekdays', 'at least one weekday');
  if (Object.keys(fields).length) throw new InvalidError('The profile is not complete.', fields);
}

function move(p: Participant, to: ParticipantStatus, now: IsoDateTime): Participant {
  assertTransition('The participant', PARTICIPANT_TRANSITIONS, p.status, to);
  return { ...p, status: to, updatedAt: now };
}

/** Opting in is explicit consent: it needs the consent record and a complete profile. */
export function optIn(p: Participant, profile: Profile, consent: Consent, now: IsoDateTime): Participant {
  if (!consent.textVersion)
    throw new InvalidError('Consent must name the text version agreed to.', { consent: ['required'] });
  assertValidProfile(profile);
  return { ...move(p, 'opted-in', now), ...profile, consent, optedInAt: now, pausedAt: undefined };
}

export function pause(p: Participant, now: IsoDateTime): Participant {
  return { ...move(p, 'paused', now), pausedAt: now };
}

export function resume(p: Participant, now: IsoDateTime): Participant {
  return { ...move(p, 'opted-in', now), pausedAt: undefined };
}

/** Leaving is always allowed and without blame; the pair ends and the partner is re-matched elsewhere. */
export function leave(p: Participant, now: IsoDateTime): Participant {
  return { ...move(p, 'left', now), leftAt: now };
}

export function reinvite(p: Participant, invitedBy: string, now: IsoDateTime): Participant {
  return { ...move(p, 'invited', now), invitedAt: now, invitedBy, leftAt: undefined, consent: undefined };
}

/** True when the participant can be matched: opted in, and trained if the programme requires it. */
export function isMatchable(p: Participant, trainingRequired: boolean): boolean {
  if (p.status !== 'opted-in') return false;
  if (p.role === 'mentor' && trainingRequired && !p.trainingCompletedAt) return false;
  return true;
}

/** A testimonial may be quoted only when its author agreed to that, separately from taking part. */
export function isQuotable(p: Pick<Participant, 'testimonial' | 'testimonialConsentAt'>): boolean {
  return Boolean(p.testimonial && p.testimonialConsentAt);
}
