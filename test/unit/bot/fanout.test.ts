import { RateLimiter } from '../../../bot/src/fanout/rate-limiter';
import { DEFAULT_RETRY, isRetryable, parseRetryAfter, retryDelayMs } from '../../../bot/src/fanout/retry-policy';
import { fanoutSettings } from '../../../bot/src/fanout/settings';
import { loadConfig } from '../../../functions/src/config';

describe('the fan-out rate limiter', () => {
  it('never lets more than N sends into one conversation or tenant within a second', () => {
    const limiter = new RateLimiter([
      { prefix: 'conversation:', perSecond: 7 },
      { prefix: 'tenant:', perSecond: 50 },
    ]);
    const times = Array.from({ length: 30 }, () => limiter.reserve(['conversation:a', 'tenant:t'], 0));
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(7);
    const tenant = Array.from({ length: 200 }, (_, i) => limiter.reserve([`conversation:c${i}`, 'tenant:u'], 0));
    for (const t of tenant) expect(tenant.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(50);
  });

  it('keeps a conversation quiet until a Retry-After has passed', () => {
    const limiter = new RateLimiter([{ prefix: 'conversation:', perSecond: 7 }]);
    limiter.pause('conversation:a', 5000);
    expect(limiter.reserve(['conversation:a'], 0)).toBe(5000);
    expect(limiter.reserve(['conversation:b'], 0)).toBe(0);
  });
});

describe('the fan-out retry policy', () => {
  it('retries 429, 412, 502, 504 and lost connections, and nothing else', () => {
    for (const status of [429, 412, 502, 504]) expect(isRetryable({ status, message: '' })).toBe(true);
    for (const status of [400, 401, 403, 404, 413]) expect(isRetryable({ status, message: '' })).toBe(false);
    expect(isRetryable({ code: 'ECONNRESET', message: '' })).toBe(true);
    expect(isRetryable({ message: 'card invalid' })).toBe(false);
  });

  it('backs off exponentially with jitter and never sooner than Retry-After', () => {
    const low = retryDelayMs({ message: '' }, 3, DEFAULT_RETRY, () => 0);
    const high = retryDelayMs({ message: '' }, 3, DEFAULT_RETRY, () => 1);
    expect([low, high]).toEqual([2000, 4000]);
    expect(retryDelayMs({ message: '', retryAfterMs: 9000 }, 1, DEFAULT_RETRY, () => 0)).toBe(9000);
    expect(retryDelayMs({ message: '' }, 30, DEFAULT_RETRY, () => 1)).toBe(DEFAULT_RETRY.maxDelayMs);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe('fan-out settings', () => {
  it('default to the Teams limits and refuse nonsense', () => {
    const settings = (env: NodeJS.ProcessEnv) => fanoutSettings(loadConfig(env).bot.fanout);
    expect(settings({}).limits).toEqual({ perConversationPerSecond: 7, perTenantPerSecond: 50 });
    expect(settings({}).concurrency).toBe(200);
    expect(settings({}).retry.maxAttempts).toBe(8);
    expect(settings({ BOT_RATE_PER_TENANT: '20' }).limits.perTenantPerSecond).toBe(20);
    expect(settings({ BOT_FANOUT_MAX_ATTEMPTS: '3' }).retry.maxAttempts).toBe(3);
    expect(() => settings({ BOT_RATE_PER_TENANT: 'fast' })).toThrow('BOT_RATE_PER_TENANT');
  });
});
