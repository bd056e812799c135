import type { Programme } from '@tandem/core/model';
import type { Translator } from '../i18n/translate';
import { card, heading, text, type AdaptiveCard } from './elements';

export interface MessageCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  title: string;
  text: string;
  sentAt?: string;
}

/** A message from the programme's managers to one pair or one person (app/manager-steps.ts). */
export function managerMessageCard(t: Translator, model: MessageCardModel): AdaptiveCard {
  return card([
    text(t.t('message.from', { programme: model.programme.name }), { subtle: true }),
    heading(model.title),
    text(model.text),
    ...(model.sentAt ? [text(t.t('message.sentAt', { date: t.date(model.sentAt) }), { subtle: true })] : []),
  ]);
}
