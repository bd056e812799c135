/** The Channel on Bot Framework's CloudAdapter (continueConversationAsync + sendActivity). */
import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/elements';
import { cardActivity } from '../handler/tandem-bot';
import { parseRetryAfter } from '../fanout/retry-policy';
import { ChannelError, type Channel } from './channel';

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get?(name: string): string | undefined | null } };
}

/** Maps the connector's RestError (or a socket error) to a ChannelError with status and Retry-After. */
export function toChannelError(err: unknown): ChannelError {
  const e = (err ?? {}) as RestErrorLike;
  const retryAfter = parseRetryAfter(e.response?.headers?.get?.('retry-after') ?? undefined);
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const code = typeof e.code === 'string' ? e.code : undefined;
  return new ChannelError(e.message ?? String(err), status, code, retryAfter);
}

/**
 * NOTE: the connector client retries 429/5xx by itself (core-rest-pipeline's retry phase); the
 * fan-out must see every refusal to respect the limits, count retries and never resend blindly,
 * so the retry phase is taken out of each turn's client. Reaches into the SDK's client object:
 * if a future version moves it, the SDK simply keeps its own retries.
 */
function withoutSdkRetries(context: TurnContext, adapter: CloudAdapter): void {
  const connector = context.turnState.get(adapter.ConnectorClientKey) as
    { client?: { pipeline?: { removePolicy(options: { phase: string }): unknown } } } | undefined;
  connector?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}

export function teamsChannel(adapter: CloudAdapter, appId: string | undefined): Channel {
  return {
    async sendCard(reference, card: AdaptiveCard, summary?: string) {
      let activityId: string | undefined;
      // NOTE: a send that fails inside the turn is caught here, not thrown out of the callback: the
      // runtime's adapter.onTurnError would otherwise swallow it (and answer "something went wrong"
      // into the same conversation), and the fan-out would record a 403 or 429 as sent.
      let failure: unknown;
      try {
        await adapter.continueConversationAsync(
          appId ?? '',
          reference as Partial<ConversationReference>,
          async (context) => {
            withoutSdkRetries(context, adapter);
            const activity = cardActivity(card);
            if (summary) activity.summary = summary;
            try {
              activityId = (await context.sendActivity(activity))?.id;
            } catch (err) {
              failure = err;
            }
          },
        );
      } catch (err) {
        throw toChannelError(err);
      }
      if (failure !== undefined) throw toChannelError(failure);
      return activityId ? { activityId } : {};
    },
  };
}
