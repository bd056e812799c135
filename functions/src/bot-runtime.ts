/**
 * The outbox run of the process's bot: the bot runtime is part of the services the composition root
 * builds (composition.ts), shared by the messaging endpoint (http/messages) and the outbox timer
 * (timers/outbox-dispatch), neither of which imports the other.
 */
import type { Services } from './composition';
import type { DrainReport } from '../../bot/src';

/** One outbox run of the process's bot, with the configured fan-out limits, until `deadline` (ms). */
export function drainOutbox(services: Pick<Services, 'bot' | 'app'>, deadline: number): Promise<DrainReport> {
  return services.bot.drain(services.app, { deadline });
}
