import type { Doc, IsoDateTime } from './common';
import type { Participant } from './participant';
import type { Phase } from './programme';

export const INTEREST_SCHEMA_VERSION = 1;

/** Where someone said they are interested: a card in the bot chat, or the tab (any API client). */
export const INTEREST_SOURCES = ['bot', 'api'] as const;
export type InterestSource = (typeof INTEREST_SOURCES)[number];

/**
 * One person's wish to take part in the next cohort of a programme (the interest list of the
 * steering step); id = the person's Entra object id, so a second click finds the first. Holds no
 * name: the list shows the directory's, and erasure deletes the record.
 */
export interface Interest extends Doc {
  programmeId: string;
  /** Entra object id of the person (same as `id`). */
  userId: string;
  source: InterestSource;
  registeredAt: IsoDateTime;
  /** Programmes a manager invited the person to from this list, oldest first. */
  invitedTo?: { programmeId: string; at: IsoDateTime }[];
}

/** The phases in which a participant is still taking part: their pair is being formed or meeting. */
const RUNNING: readonly Phase[] = ['preparation', 'matching', 'execution'];

/**
 * Someone taking part in a programme is not asked whether they are interested in its next cohort;
 * once the sessions are over (steering, closed) the question is fair again: alumni may come back.
 */
export function isTakingPart(p: Pick<Participant, 'status'> | undefined, phase: Phase): boolean {
  return Boolean(p && (p.status === 'opted-in' || p.status === 'paused') && RUNNING.includes(phase));
}
