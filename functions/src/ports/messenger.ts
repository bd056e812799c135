/**
 * What the app tells people through the bot. Use cases only queue notifications (ports → outbox);
 * the bot's fan-out sends them as cards within Teams' rate limits, once each.
 */
export const NOTIFICATION_TYPES = [
  'invitation',
  'training-reminder',
  'proposal',
  'pair-confirmed',
  'pair-declined',
  'pair-ended',
  'series-booked',
  'no-slot',
  'session-reminder',
  'feedback-request',
  'assessment-request',
  'announcement',
  'manager-message',
  'pair-health',
  'phase-changed',
  'programme-event',
  'session-moved',
  'sessions-paused',
  'channel-post',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export interface Notification {
  type: NotificationType;
  /** Entra object id of the person to tell, or `channel:<channel id>` for a post to a team channel. */
  recipient: string;
  programmeId?: string;
  /** Ids and values the card needs (never free text of another person). */
  params: Record<string, string | number | boolean | null>;
  /** Same key → sent once, however often the use case runs (e.g. `reminder:pair-1:3:user-2`). */
  dedupeKey: string;
}

export interface Messenger {
  /** Queues the notifications; resolves once they are stored, before anything is sent. */
  send(notifications: Notification[], batchId?: string): Promise<{ queued: number; duplicates: number }>;
}
