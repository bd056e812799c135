/**
 * The bot's public face for the Functions app: everything botbuilder-specific stays in bot/, and
 * the app sees only these functions (the HTTP endpoint, the outbox drain, the sample cards).
 */
import type { AppDeps } from '@tandem/app';
import { createCloudAdapter, isAuthenticationOn, type BotAuthSettings } from './adapter/bot-auth';
import { fanoutSettings, type FanoutSettingsInput } from './fanout/settings';
import { processBotRequest, type BotHttpRequest, type BotHttpResponse } from './adapter/process-request';
import { TandemBot, type BotServices } from './handler/tandem-bot';
import { teamsChannel } from './channel/teams-channel';
import type { Channel } from './channel/channel';
import { drainOutbox, limiterFor, type DrainReport, type FanoutOptions } from './fanout/dispatcher';
import type { RateLimiter } from './fanout/rate-limiter';
import { renderNotification } from './fanout/render-notification';
import { translator } from './i18n/translate';

export type { BotHttpRequest, BotHttpResponse, BotServices, DrainReport, FanoutOptions, Channel };
export { isAuthenticationOn, type BotAuthSettings, type FanoutSettingsInput };

export interface BotRuntime {
  /** Whether incoming requests must carry valid Bot Framework authentication (an app id is configured). */
  readonly authenticated: boolean;
  /** POST /api/messages. */
  handle(request: BotHttpRequest): Promise<BotHttpResponse>;
  /** Sends what the outbox holds, within the limits; resumable. */
  drain(deps: AppDeps, options?: FanoutOptions): Promise<DrainReport>;
}

export function createBotRuntime(
  settings: BotAuthSettings,
  services: () => Promise<BotServices>,
  options: {
    channel?: Channel;
    /** The fan-out's limits (the configuration's `bot.fanout`); a drain's own options take precedence. */
    fanout?: FanoutSettingsInput;
  } = {},
): BotRuntime {
  const fanout = fanoutSettings(options.fanout);
  const { adapter, auth } = createCloudAdapter(settings);
  const bot = new TandemBot(services);
  const channel = options.channel ?? teamsChannel(adapter, settings.appId);
  let limiter: RateLimiter | undefined;
  adapter.onTurnError = async (context, error) => {
    console.error(`bot turn failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    try {
      await context.sendActivity(translator(context.activity.locale).t('common.error'));
    } catch {
      // The channel may not accept a message now either.
    }
  };
  return {
    authenticated: isAuthenticationOn(settings),
    handle: (request) => processBotRequest(adapter, bot, request, isAuthenticationOn(settings) ? auth : undefined),
    drain: (deps, runOptions = {}) => {
      const drainOptions = { ...fanout, ...runOptions };
      // One pace for the whole process: runs that follow each other share the limits.
      limiter ??= drainOptions.limiter ?? limiterFor(drainOptions.limits);
      return drainOutbox(
        {
          store: deps.store,
          clock: deps.clock,
          channel,
          render: (message, conversation) => renderNotification(deps, message, conversation),
        },
        { ...drainOptions, limiter },
      );
    },
  };
}
