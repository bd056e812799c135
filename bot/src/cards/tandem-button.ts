/**
 * The "Tandem" button on every card in the personal chat: one click shows where the person stands
 * and what is next (the `showStatus` verb answers with the "my tandem" cards). Cards that already
 * lead there (the welcome card, "my tandem" itself) and cards with a full row of actions are left
 * as they are.
 */
import type { Translator } from '../i18n/translate';
import { execute, type AdaptiveCard } from './elements';
import { data } from './common';

/** Teams shows up to six card-level actions; keep one place free for what the card itself needs. */
const MAX_ACTIONS = 5;

export function withTandemButton(t: Translator, card: AdaptiveCard): AdaptiveCard {
  const actions = card.actions ?? [];
  const leadsThere =
    JSON.stringify(actions).includes('"verb":"showStatus"') ||
    (card.refresh?.action as { data?: { card?: string } } | undefined)?.data?.card === 'tandem';
  if (leadsThere || actions.length >= MAX_ACTIONS) return card;
  return { ...card, actions: [...actions, execute(t.t('tandem.button'), data('showStatus', {}), { validate: false })] };
}
