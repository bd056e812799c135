/** The checks behind /api/health: each dependency is ok or degraded, with a reason. */
import type { BotConfig } from './config';
import type { HealthCheck, HealthStatus } from './ports/health';
import type { Store } from './ports/store';

export function storeHealth(store: Store): HealthCheck {
  return {
    name: 'store',
    async check() {
      try {
        await store.ping();
        return { status: 'ok' };
      } catch (err) {
        return { status: 'degraded', reason: (err as Error).message };
      }
    },
  };
}

/** The bot can only accept Teams traffic in Azure with an app id (and a secret or a managed identity). */
export function botConfigHealth(
  bot: Pick<BotConfig, 'appId' | 'appType' | 'appTenantId' | 'hasPassword'>,
  inAzure: boolean,
): HealthCheck {
  return {
    name: 'bot',
    async check(): Promise<HealthStatus> {
      if (!bot.appId) {
        return inAzure
          ? { status: 'degraded', reason: 'MicrosoftAppId is not set: the bot cannot receive Teams messages.' }
          : { status: 'ok', reason: 'local: no MicrosoftAppId, Bot Framework authentication is off' };
      }
      const type = (bot.appType ?? 'MultiTenant').toLowerCase();
      if (type === 'singletenant' && (!bot.appTenantId || !bot.hasPassword)) {
        return { status: 'degraded', reason: 'SingleTenant bots need MicrosoftAppTenantId and MicrosoftAppPassword.' };
      }
      if (type === 'userassignedmsi' && !bot.appTenantId) {
        return { status: 'degraded', reason: 'UserAssignedMSI bots need MicrosoftAppTenantId.' };
      }
      if (type === 'multitenant' && !bot.hasPassword) {
        return { status: 'degraded', reason: 'MicrosoftAppPassword is not set.' };
      }
      return { status: 'ok' };
    },
  };
}

/** Runs every check with a time limit; a check that throws or hangs is degraded, not a crash. */
export async function runHealthChecks(checks: HealthCheck[], timeoutMs = 5000): Promise<Record<string, HealthStatus>> {
  const results = await Promise.all(
    checks.map(async (c): Promise<[string, HealthStatus]> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<HealthStatus>((resolve) => {
        timer = setTimeout(
          () => resolve({ status: 'degraded', reason: `no answer within ${timeoutMs} ms` }),
          timeoutMs,
        );
      });
      try {
        return [c.name, await Promise.race([c.check(), timeout])];
      } catch (err) {
        return [c.name, { status: 'degraded', reason: (err as Error).message }];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return Object.fromEntries(results);
}
