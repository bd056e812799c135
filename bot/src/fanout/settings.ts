/**
 * The fan-out's limits from the app's checked configuration (BOT_RATE_PER_CONVERSATION, default 7
 * per second; BOT_RATE_PER_TENANT, default 50 per second; BOT_FANOUT_CONCURRENCY, default 200;
 * BOT_FANOUT_MAX_ATTEMPTS, default 8): what the operator did not set takes the bot's defaults.
 */
import { DEFAULT_LIMITS, type FanoutOptions } from './dispatcher';
import { DEFAULT_RETRY } from './retry-policy';

/** The settings as the configuration holds them (functions/src/config.ts, `bot.fanout`). */
export interface FanoutSettingsInput {
  perConversationPerSecond?: number;
  perTenantPerSecond?: number;
  concurrency?: number;
  maxAttempts?: number;
}

export type FanoutSettings = Required<Pick<FanoutOptions, 'limits' | 'retry' | 'concurrency'>>;

export function fanoutSettings(input: FanoutSettingsInput = {}): FanoutSettings {
  return {
    limits: {
      perConversationPerSecond: input.perConversationPerSecond ?? DEFAULT_LIMITS.perConversationPerSecond,
      perTenantPerSecond: input.perTenantPerSecond ?? DEFAULT_LIMITS.perTenantPerSecond,
    },
    retry: { ...DEFAULT_RETRY, maxAttempts: input.maxAttempts ?? DEFAULT_RETRY.maxAttempts },
    concurrency: input.concurrency ?? 200,
  };
}
