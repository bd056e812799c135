import type { Doc, IsoDateTime } from './common';

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
