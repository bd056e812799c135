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
  type TurnContext,
} from 'botbuilder';
import type { AppDeps } from '../../../functions/src/app/deps';
import type { Caller } from '../../../functions/src/app/caller';
import { describeMe } from '../../../functions/src/app/me';
import { translator } from '../i18n/translate';
import type { AdaptiveCard } from '../cards/elements';
import { assertValidCard } from '../cards/validate';
import type { ActionContext } from '../actions/context';
import { actionPayload } from '../actions/payload';
import { handleCardAction } from '../actions/handle-action';
import { membershipView, testimonialView, welcomeView } from '../actions/views';
import { saveConversation, tenantOf } from './conversations';
import { releaseWaitingMessages } from '../fanout/waiting';

/** What the bot needs from the app, resolved per turn (the services start lazily). */
export interface BotServices {
  deps: AppDeps;
}

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

const WORDS: Record<string, 'help' | 'status' | 'membership' | 'share'> = {
  help: 'help',
  hilfe: 'help',
  hi: 'help',
  hello: 'help',
  hallo: 'help',
  start: 'help',
  status: 'status',
  pause: 'membership',
  leave: 'membership',
  austreten: 'membership',
  verlassen: 'membership',
  share: 'share',
  teilen: 'share',
};

function badInvoke(message: string): InvokeResponse {
  return {
    status: 400,
    body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } },
  };
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
      await next();
    });

    this.onMessage(async (context, next) => {
      const { deps } = await this.services();
      await saveConversation(deps.store, deps.clock, context.activity);
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

  private async cardsForWords(ctx: ActionContext, text: string): Promise<AdaptiveCard[]> {
    const word =
      WORDS[
        text
          .trim()
          .toLowerCase()
          .replace(/[^a-zäöüß]/g, '')
      ] ?? 'help';
    if (word === 'help') return [await welcomeView(ctx)];
    const me = await describeMe(ctx.deps, ctx.caller);
    const current = me.enrollments.filter((e) => e.phase !== 'closed' && e.status !== 'left');
    if (!current.length) return [await welcomeView(ctx)];
    if (word === 'share') {
      const taking = current.filter((e) => e.status === 'opted-in');
      return taking.length
        ? Promise.all(taking.map((e) => testimonialView(ctx, e.programmeId)))
        : [await welcomeView(ctx)];
    }
    const cards = await Promise.all(current.map((e) => membershipView(ctx, e.programmeId)));
    return word === 'status' ? [await welcomeView(ctx), ...cards] : cards;
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
