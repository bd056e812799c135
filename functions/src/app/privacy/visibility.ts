/**
 * Who sees what about a person, in one place: the audiences of the record of processing
 * (./inventory.ts, checked against docs/privacy.md) decide which fields of a stored document a
 * reader other than the person gets. Use cases that hand someone else's documents out go through here.
 */
import type { Participant } from '../../core/model';
import type { HealthFlag, PairHealthItem } from '../../core/reports';
import type { ContainerKey } from '../../ports/containers';
import type { Caller } from '../caller';
import { PERSONAL_FIELDS, type Audience, type PersonalField } from './inventory';

/** The document with only the fields that are not personal or that the audience may see. */
export function visibleTo<T extends object>(audience: Audience, container: ContainerKey, doc: T): Partial<T> {
  const fields = PERSONAL_FIELDS[container] as Record<string, PersonalField | null | undefined>;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    const entry = fields[key];
    // Store fields (etag) and non-personal ones pass; a personal field only to its audiences.
    if (entry === undefined || entry === null || entry.seenBy.includes(audience)) kept[key] = value;
  }
  return kept as Partial<T>;
}

/** An enrollment as the caller may see it: all of it for the person, the manager's fields for anyone else. */
export function participantView<T extends Participant>(caller: Caller, p: T): T {
  return caller.userId === p.userId ? p : (visibleTo('manager', 'participants', p) as T);
}

/**
 * The audit entries a programme manager reads: how the programme was run (by managers and by
 * Tandem) and where each pair stands. Each person's own activity over time (opting in, resuming,
 * moving or re-timing sessions) is left to operators, who read the whole log in the store: it
 * would let a manager follow one person's behaviour.
 */
export const MANAGER_AUDIT_ACTIONS = [
  'programme.created',
  'programme.updated',
  'programme.phase',
  'programme.anonymity-threshold',
  'programme.retention',
  'participants.invited',
  'participant.trained',
  'matching.started',
  'matching.succeeded',
  'matching.failed',
  'pairs.published',
  'pairs.swapped',
  'pair.locked',
  'pair.unlocked',
  'pair.excluded',
  'pair.accepted',
  'pair.confirmed',
  'pair.declined',
  'pair.ended',
  'pair.booking-requested',
  'announcement.sent',
  'channel.posted',
  'message.sent',
  'programme.co-manager-added',
  'programme.co-manager-removed',
  'programme.cloned',
  'rematch.requested',
  'reconcile.fixed',
  'rematch.deferred',
  'rematch.done',
  'rematch.skipped',
] as const;

/** What kind of help fits a pair that needs attention: help finding a rhythm, or a neutral check-in. */
export type PairHelp = 'meeting-rhythm' | 'check-in';

/**
 * A pair's health as a manager sees it: that it needs attention and what help fits, never a
 * rating, that a rating was low, or who gave it. `since` (with meeting-rhythm): the last session held.
 */
export interface PairAttention {
  pairId: string;
  mentorId: string;
  menteeId: string;
  needsAttention: boolean;
  help: PairHelp[];
  since?: string;
}

const HELP_FOR: Record<HealthFlag, PairHelp> = { 'no-recent-meeting': 'meeting-rhythm', 'low-rating': 'check-in' };

export function pairAttention(item: PairHealthItem): PairAttention {
  const help = [...new Set(item.flags.map((f) => HELP_FOR[f]))];
  return {
    pairId: item.pairId,
    mentorId: item.mentorId,
    menteeId: item.menteeId,
    needsAttention: help.length > 0,
    help,
    ...(item.since ? { since: item.since } : {}),
  };
}
