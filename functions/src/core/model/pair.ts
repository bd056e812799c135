import type { Doc, IsoDateTime } from './common';
import { type TransitionTable, assertTransition } from './transitions';
import { ConflictError } from '../errors';
import type { Role } from './participant';

export const PAIR_SCHEMA_VERSION = 1;

export const PAIR_STATUSES = ['proposed', 'confirmed', 'declined', 'active', 'ended'] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];

/**
 * proposed → confirmed when both accept, → declined when either declines (the people are re-matched);
 * confirmed → active once the series is booked; a confirmed or active pair ends when someone leaves
 * or the programme closes. A proposal withdrawn before publishing simply ends.
 */
export const PAIR_TRANSITIONS: TransitionTable<PairStatus> = {
  proposed: ['confirmed', 'declined', 'ended'],
  confirmed: ['active', 'ended'],
  declined: [],
  active: ['ended'],
  ended: [],
};

export type ConfirmationState = 'pending' | 'accepted' | 'declined';

/** One side's answer to a proposal; a decline reason is for the programme manager only. */
export interface Confirmation {
  state: ConfirmationState;
  at?: IsoDateTime;
  reason?: string;
}

/** A reason for the pair, as a message key with parameters (rendered in German or English). */
export interface Reason {
  key: string;
  params?: Record<string, string | number | string[]>;
}

export interface PairExplanation {
  /** Score components by name, e.g. { topics: 40, interests: 10, availability: 15 }. */
  breakdown: Record<string, number>;
  reasons: Reason[];
}

/** Booking state of the pair's meeting series. */
export type BookingState = 'none' | 'booking' | 'booked' | 'no-slot' | 'failed';

export interface Pair extends Doc {
  programmeId: string;
  mentorId: string;
  menteeId: string;
  score: number;
  explanation: PairExplanation;
  status: PairStatus;
  mentor: Confirmation;
  mentee: Confirmation;
  /** Fixed by the programme manager: kept as it is by every re-run. */
  locked: boolean;
  /** Set when the manager publishes the proposals; participants see only published pairs. */
  publishedAt?: IsoDateTime;
  booking: BookingState;
  /** The topic the pair's sessions start with (for the session guide). */
  topicId?: string;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  endedAt?: IsoDateTime;
  /** `ended-without-blame`: one of the two (or a manager) ended the pair; both stay and are re-matched. */
  endReason?:
    | 'left'
    | 'paused'
    | 'programme-closed'
    | 'withdrawn'
    | 'removed-from-directory'
    | 'excluded'
    | 'ended-without-blame';
  /** The matching job that proposed the pair (absent for pairs made by hand or by the demo). */
  jobId?: string;
}

function move(p: Pair, to: PairStatus, now: IsoDateTime): Pair {
  assertTransition('The pair', PAIR_TRANSITIONS, p.status, to);
  return { ...p, status: to, updatedAt: now };
}

export function roleIn(pair: Pair, userId: string): Role | undefined {
  if (pair.mentorId === userId) return 'mentor';
  if (pair.menteeId === userId) return 'mentee';
  return undefined;
}

export function partnerOf(pair: Pair, userId: string): string | undefined {
  const role = roleIn(pair, userId);
  return role === 'mentor' ? pair.menteeId : role === 'mentee' ? pair.mentorId : undefined;
}

/**
 * Records one side's answer. Answering twice the same way is harmless (returns the pair unchanged);
 * changing an answer after the pair was settled is a Conflict.
 */
export function answer(pair: Pair, userId: string, accept: boolean, now: IsoDateTime, reason?: string): Pair {
  const role = roleIn(pair, userId);
  if (!role) throw new ConflictError('Only the two people in a pair can answer its proposal.');
  if (!pair.publishedAt) throw new ConflictError('This proposal has not been published yet.');
  const wanted: ConfirmationState = accept ? 'accepted' : 'declined';
  if (pair[role].state === wanted) return pair;
  if (pair.status !== 'proposed') throw new ConflictError(`The pair is already ${pair.status}.`);
  const side: Confirmation = { state: wanted, at: now, ...(reason && !accept ? { reason } : {}) };
  const next: Pair = { ...pair, [role]: side, updatedAt: now };
  if (!accept) return move(next, 'declined', now);
  if (next.mentor.state === 'accepted' && next.mentee.state === 'accepted') return move(next, 'confirmed', now);
  return next;
}

export function activate(pair: Pair, now: IsoDateTime): Pair {
  return { ...move(pair, 'active', now), booking: 'booked' };
}

export function endPair(pair: Pair, reason: NonNullable<Pair['endReason']>, now: IsoDateTime): Pair {
  if (pair.status === 'ended') return pair;
  return { ...move(pair, 'ended', now), endedAt: now, endReason: reason };
}

/** A pair still binds both people (not declined, not ended). */
export function isLivePair(pair: Pair): boolean {
  return pair.status === 'proposed' || pair.status === 'confirmed' || pair.status === 'active';
}
