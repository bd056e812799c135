/**
 * Tandem's Teams bot: stores the personal conversation on install, answers words ("help",
 * "status", "pause", "share") with cards, and turns card actions (Action.Execute invokes, and
 * Action.Submit messages from older clients) into use case calls through actions/handle-action.
 */
import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  TurnContext,
} from 'botbuilder';
import type { AppDeps, Caller } from '@tandem/app';
import { translator } from '../i18n/translate';
import type { AdaptiveCard } from '../cards/elements';
import { assertValidCard } from '../cards/validate';
import type { ActionContext } from '../actions/context';
import { actionPayload } from '../actions/payload';
import { handleCardAction } from '../actions/handle-action';
import { cardsForText } from '../actions/words';
import { welcomeView } from '../actions/views';
import { markUnreachable, saveConversation, tenantOf } from './conversations';
import { markTeamRemoved, saveTeamChannel } from './team-channels';
import { channelCard } from '../cards/channel-card';
import { releaseWaitingMessages } from '../fanout/waiting';

/** What the bot needs from the app, resolved per turn (the services start lazily). */
export interface BotServices {
  deps: AppDeps;
}

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

function badInvoke(message: string): InvokeResponse {
  return {
    status: 400,
    body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } },
  };
}

/** True in the person's 1:1 chat with the bot (Teams leaves conversationType out only there). */
function isPersonal(context: TurnContext): boolean {
  return (context.activity.conversation?.conversationType ?? 'personal') === 'personal';
}

export function cardActivity(card: AdaptiveCard) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

export class TandemBot extends TeamsActivityHandler {
  constructor(private readonly services: () => Promise<BotServices>) {
    super();

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const { deps } = await this.services();
      await saveConversation(deps.store, deps.clock, context.activity);
      // Installed in a team: its channel is one a programme manager can post to (app/channel-posts.ts).
      await saveTeamChannel(deps.store, deps.clock, context.activity);
      const personal = (context.activity.conversation?.conversationType ?? 'personal') === 'personal';
      // Welcome only in the personal chat: a team or group install is not a person opting to talk.
      if (personal && (context.activity.membersAdded ?? []).some((m) => m.id === botId)) {
        const ctx = this.actionContext(context, deps);
        if (ctx) {
          await releaseWaitingMessages(deps.store, ctx.caller.userId);
          await context.sendActivity(cardActivity(assertValidCard(await welcomeView(ctx), 'welcome')));
        }
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      const { deps } = await this.services();
      const saved = await saveConversation(deps.store, deps.clock, context.activity);
      if (saved) await releaseWaitingMessages(deps.store, saved.userId);
      await saveTeamChannel(deps.store, deps.clock, context.activity);
      await next();
    });

    // A team's channels as Teams reports them: new and renamed channels are offered, deleted ones not.
    const onChannelEvent = async (context: TurnContext, next: () => Promise<void>) => {
      const { deps } = await this.services();
      await saveTeamChannel(deps.store, deps.clock, context.activity);
      await next();
    };
    this.onTeamsChannelCreatedEvent((_channel, _team, context, next) => onChannelEvent(context, next));
    this.onTeamsChannelRenamedEvent((_channel, _team, context, next) => onChannelEvent(context, next));
    this.onTeamsChannelDeletedEvent((_channel, _team, context, next) => onChannelEvent(context, next));

    // Uninstalled in the personal scope: proactive messages wait (not fail) until a reinstall.
    this.onInstallationUpdateRemove(async (context, next) => {
      const userId = context.activity.from?.aadObjectId;
      if (userId && isPersonal(context)) {
        const { deps } = await this.services();
        await markUnreachable(deps.store, deps.clock, userId, 'uninstalled');
      }
      // Removed from a team: its channels are no longer offered for posts.
      if (!isPersonal(context)) {
        const { deps } = await this.services();
        await markTeamRemoved(deps.store, deps.clock, context.activity);
      }
      await next();
    });

    this.onMembersRemoved(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const userId = context.activity.from?.aadObjectId;
      if (userId && isPersonal(context) && (context.activity.membersRemoved ?? []).some((m) => m.id === botId)) {
        const { deps } = await this.services();
        await markUnreachable(deps.store, deps.clock, userId, 'uninstalled');
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const { deps } = await this.services();
      const writer = isPersonal(context) ? context.activity.from?.aadObjectId : undefined;
      const before = writer ? await deps.store.conversations.find(writer, writer) : undefined;
      await saveConversation(deps.store, deps.clock, context.activity);
      // Someone who had blocked the bot writes again: what waited for them is due now.
      if (writer && before?.unreachable) await releaseWaitingMessages(deps.store, writer);
      // In a channel or group chat the text is "<at>Tandem</at> status": the mention goes first.
      TurnContext.removeRecipientMention(context.activity);
      if (!isPersonal(context)) {
        await saveTeamChannel(deps.store, deps.clock, context.activity);
        // Nothing personal where others read along: a generic card pointing to the personal chat.
        await context.sendActivity(cardActivity(assertValidCard(this.channelAnswer(context), 'channel')));
        return next();
      }
      const ctx = this.actionContext(context, deps);
      if (!ctx) {
        await context.sendActivity(translator(context.activity.locale).t('common.unavailable'));
        return next();
      }
      const payload = actionPayload(context.activity.value);
      if (payload) {
        const result = await handleCardAction(ctx, payload);
        await this.answerSubmit(context, result.card);
        for (const followUp of result.followUps ?? []) await context.sendActivity(cardActivity(followUp));
        return next();
      }
      for (const card of await this.cardsForWords(ctx, context.activity.text ?? '')) {
        await context.sendActivity(cardActivity(assertValidCard(card)));
      }
      await next();
    });
  }

  /** The only answer in a team or group chat, whatever was asked (see cards/channel-card.ts). */
  private channelAnswer(context: TurnContext): AdaptiveCard {
    const word =
      (context.activity.text ?? '')
        .trim()
        .toLowerCase()
        .replace(/[^a-zäöüß ]/g, '')
        .split(/\s+/)[0] || 'help';
    return channelCard(translator(context.activity.locale), {
      botId: context.activity.recipient?.id ?? '',
      word: word.slice(0, 20),
    });
  }

  /** The person acting, from the activity: their Entra object id is the user id everywhere. */
  private actionContext(context: TurnContext, deps: AppDeps): ActionContext | undefined {
    const a = context.activity;
    const userId = a.from?.aadObjectId;
    if (!userId) return undefined;
    const caller: Caller = {
      userId,
      tenantId: tenantOf(a) ?? 'unknown',
      roles: [],
      ...(a.from.name ? { displayName: a.from.name } : {}),
    };
    const timeZone = (a as { localTimezone?: string }).localTimezone;
    return {
      deps,
      caller,
      t: translator(a.locale),
      ...(timeZone ? { timeZone } : {}),
    };
  }

  private cardsForWords(ctx: ActionContext, text: string): Promise<AdaptiveCard[]> {
    return cardsForText(ctx, text);
  }

  /** Action.Submit (older clients): replace the clicked card where the channel allows, else post the new one. */
  private async answerSubmit(context: TurnContext, card: AdaptiveCard): Promise<void> {
    const activity = cardActivity(assertValidCard(card));
    const replyToId = context.activity.replyToId;
    if (replyToId) {
      try {
        await context.updateActivity({ ...activity, id: replyToId });
        return;
      } catch {
        // Not every channel can update a message; a new card is the fallback.
      }
    }
    await context.sendActivity(activity);
  }

  /**
   * Invokes: Tandem answers `adaptiveCard/action` only. One without a name, an action invoke without
   * `value.action`, or a name Tandem does not handle is the sender's mistake: 400 with the reason,
   * where botbuilder would answer 501 (or fail on the missing action).
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { name, value } = context.activity;
    const action = (value as { action?: unknown } | undefined)?.action;
    if (name === 'adaptiveCard/action' && (typeof action !== 'object' || action === null || Array.isArray(action)))
      return badInvoke('An adaptiveCard/action invoke carries the card action in value.action.');
    const response = await super.onInvokeActivity(context);
    if (response.status === 501)
      return badInvoke(name ? `Tandem does not handle the invoke "${name}".` : 'An invoke activity needs a name.');
    return response;
  }

  /** Action.Execute (Universal Actions): the answer replaces the card for this person. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const { deps } = await this.services();
    const ctx = this.actionContext(context, deps);
    const payload = actionPayload(invokeValue);
    if (!ctx || !payload) {
      return {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: 'Not a Tandem card action.' } as never,
      };
    }
    const result = await handleCardAction(ctx, payload);
    for (const followUp of result.followUps ?? []) await context.sendActivity(cardActivity(followUp));
    return { statusCode: 200, type: CARD_CONTENT_TYPE, value: assertValidCard(result.card) as never };
  }
}
