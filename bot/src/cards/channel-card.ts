import type { Translator } from '../i18n/translate';
import { card, heading, openUrl, text, type AdaptiveCard } from './elements';

export interface ChannelCardModel {
  /** The bot's id as Teams addresses it (`28:<app id>`, the activity's recipient). */
  botId: string;
  /** The word the person typed (after the mention), to repeat in the personal chat. */
  word: string;
}

/**
 * The one answer in a team channel or group chat: what Tandem is, and a deep link to the personal
 * chat with the bot. Nothing about the sender (programmes, status, partner) is ever posted where
 * others read along.
 */
export function channelCard(t: Translator, model: ChannelCardModel): AdaptiveCard {
  // Learn: "deep link to a chat with the application" is /l/chat/0/0?users=28:<bot id>.
  const chat = `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(model.botId.replace(/^28:/, ''))}`;
  return card(
    [
      heading(t.t('channel.title')),
      text(t.t('channel.intro')),
      text(t.t('channel.personal', { word: model.word }), { subtle: true }),
    ],
    [openUrl(t.t('channel.openChat'), chat)],
  );
}
