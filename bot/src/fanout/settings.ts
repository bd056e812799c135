/**
 * Fan-out settings from the environment, checked once: BOT_RATE_PER_CONVERSATION (default 7 per
 * second), BOT_RATE_PER_TENANT (default 50 per second), BOT_FANOUT_CONCURRENCY (default 200),
 * BOT_FANOUT_MAX_ATTEMPTS (default 8).
 */
import { DEFAULT_LIMITS, type FanoutOptions } from './dispatcher';
import { DEFAULT_RETRY } from './retry-policy';

export class FanoutSettingsError extends Error {}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > max)
    throw new FanoutSettingsError(`${name} must be a number above 0 and at most ${max}, got "${text}".`);
  return value;
}

export function fanoutSettings(
  env: NodeJS.ProcessEnv = process.env,
): Required<Pick<FanoutOptions, 'limits' | 'retry' | 'concurrency'>> {
  return {
    limits: {
      perConversationPerSecond: positive(
        env,
        'BOT_RATE_PER_CONVERSATION',
        DEFAULT_LIMITS.perConversationPerSecond,
        1000,
      ),
      perTenantPerSecond: positive(env, 'BOT_RATE_PER_TENANT', DEFAULT_LIMITS.perTenantPerSecond, 10_000),
    },
    retry: {
      ...DEFAULT_RETRY,
      maxAttempts: Math.round(positive(env, 'BOT_FANOUT_MAX_ATTEMPTS', DEFAULT_RETRY.maxAttempts, 50)),
    },
    concurrency: Math.round(positive(env, 'BOT_FANOUT_CONCURRENCY', 200, 2000)),
  };
}
