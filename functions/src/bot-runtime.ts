/**
 * The process's bot (one CloudAdapter), shared by its two inbound edges: the messaging endpoint
 * (http/messages) and the outbox timer (timers/outbox-dispatch), neither of which imports the other.
 */
import { getServices } from './composition';
import type { AppDeps } from './app/deps';
import { botAuthSettings, createBotRuntime, type BotRuntime, type DrainReport } from '../../bot/src';
import { fanoutSettings } from '../../bot/src/fanout/settings';

let runtime: BotRuntime | undefined;

/** The process's bot, created on first use from the environment. */
export function botRuntime(): BotRuntime {
  runtime ??= createBotRuntime(botAuthSettings(process.env), async () => {
    const services = await getServices();
    if (!services.app) throw new Error('The use cases are not wired in this process.');
    return { deps: services.app };
  });
  return runtime;
}

/** Replaces the process's bot (tests). */
export function setBotRuntime(next: BotRuntime | undefined): void {
  runtime = next;
}

/** One outbox run of the process's bot, with the fan-out settings from the environment, until `deadline` (ms). */
export function drainOutbox(deps: AppDeps, deadline: number): Promise<DrainReport> {
  return botRuntime().drain(deps, { ...fanoutSettings(process.env), deadline });
}
