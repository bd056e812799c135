/**
 * Our interface for proactive messages: the fan-out depends on this, not on the Bot Framework SDK,
 * so a later move to the SDK's successor replaces only teams-channel.ts.
 */
import type { AdaptiveCard } from '../cards/elements';
import type { SendFailure } from '../fanout/retry-policy';

export interface Channel {
  /** Posts the card to the stored conversation; resolves with the channel's message id. */
  sendCard(reference: Record<string, unknown>, card: AdaptiveCard, summary?: string): Promise<{ activityId?: string }>;
}

/** A send the channel refused or that did not get an answer. */
export class ChannelError extends Error implements SendFailure {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}
