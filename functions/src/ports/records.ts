import type { IsoDateTime, Lease } from '../core/model';

/** A small singleton record: sync cursors (Graph delta links), timer checkpoints, leases. */
export interface StateRecord {
  id: string;
  schemaVersion: number;
  value: unknown;
  updatedAt: IsoDateTime;
}

/**
 * Remembers the outcome of a creating request by its Idempotency-Key (per caller and route), so a
 * double submit returns the first result instead of creating a second record.
 */
export interface IdempotencyRecord {
  /** `${scope}:${key}`. */
  id: string;
  schemaVersion: number;
  /** Caller + route, e.g. `user-id:POST /v1/programmes`. */
  scope: string;
  /** Hash of the request body: the same key with another body is a Conflict. */
  requestHash: string;
  status: number;
  body?: unknown;
  createdAt: IsoDateTime;
}

/** The bot's conversation with one person, for proactive messages. */
export interface ConversationRecord {
  /** The person's Entra object id. */
  id: string;
  schemaVersion: number;
  userId: string;
  /** The Bot Framework conversation reference, stored as sent by the channel. */
  reference: Record<string, unknown>;
  locale?: string;
  tenantId?: string;
  updatedAt: IsoDateTime;
  /**
   * The bot cannot reach the person through this conversation: they removed the app (installationUpdate
   * remove) or a send answered 403 (blocked or uninstalled). Cleared when they install it again.
   */
  unreachable?: { reason: 'uninstalled' | 'blocked'; at: IsoDateTime };
  /**
   * 'channel': a team channel where the app is installed (id and userId `channel:<channel id>`), for
   * posts a programme manager sends there; absent for a person's personal chat.
   */
  kind?: 'channel';
  /** The team of a channel conversation, with its name as Teams last sent it. */
  team?: { id: string; name?: string };
  /** The channel's name ("General" when Teams sends none: the team's first channel). */
  channelName?: string;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A long-running job (a matching run), polled by the tab. */
export interface JobRecord {
  id: string;
  schemaVersion: number;
  programmeId: string;
  kind: string;
  status: JobStatus;
  requestedBy: string;
  createdAt: IsoDateTime;
  startedAt?: IsoDateTime;
  finishedAt?: IsoDateTime;
  /** The worker running the job; another may take it over once this expires. */
  lease?: Lease;
  /** What the job works on, when its kind needs more than the programme (e.g. a queued Graph notification). */
  input?: unknown;
  result?: unknown;
  error?: string;
}

/** pending: due or waiting for a retry; sending: claimed by a sender until `nextAttemptAt` (its lease); sent; failed. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** One message of a fan-out (invitations, announcements), sent at most once. */
export interface OutboxMessage {
  id: string;
  schemaVersion: number;
  /** The fan-out this message belongs to (the partition key). */
  batchId: string;
  recipient: string;
  payload: Record<string, unknown>;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt?: IsoDateTime;
  sentAt?: IsoDateTime;
  /** The channel's id of the delivered activity (to update or delete the card later). */
  activityId?: string;
  lastError?: string;
  createdAt: IsoDateTime;
}
