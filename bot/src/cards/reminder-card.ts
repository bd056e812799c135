import type { Programme, Topic } from '../../../functions/src/core/model';
import type { Translator } from '../i18n/translate';
import { card, facts, heading, openUrl, subheading, text, type AdaptiveCard, type CardAction } from './elements';

export interface ReminderCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  partnerName: string;
  start: string;
  timeZone: string;
  topic?: Topic;
  joinUrl?: string;
}

/** Before a session: when, the topic and its session guide, and the Teams link. */
export function reminderCard(t: Translator, model: ReminderCardModel): AdaptiveCard {
  const guide = model.topic?.guide?.[t.locale];
  const actions: CardAction[] = model.joinUrl ? [openUrl(t.t('reminder.join'), model.joinUrl)] : [];
  return card(
    [
      heading(t.t('reminder.title', { partner: model.partnerName })),
      facts([
        [t.t('reminder.when'), t.dateTime(model.start, model.timeZone)],
        [t.t('reminder.topic'), model.topic?.name],
        [t.t('common.programme'), model.programme.name],
      ]),
      subheading(t.t('reminder.guide')),
      text(guide ?? t.t('reminder.noGuide')),
    ],
    actions,
  );
}

export interface ProgrammeEventCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  kind: 'kickoff' | 'closing';
  start: string;
  timeZone: string;
  joinUrl: string;
}

/**
 * The programme's kick-off or closing for someone beyond Graph's attendee limit of one event: the
 * same Teams meeting, by its join link, instead of a calendar invitation.
 */
export function programmeEventCard(t: Translator, model: ProgrammeEventCardModel): AdaptiveCard {
  return card(
    [
      heading(t.t(`programmeEvent.${model.kind}`, { programme: model.programme.name })),
      facts([[t.t('reminder.when'), t.dateTime(model.start, model.timeZone)]]),
      text(t.t('programmeEvent.byLink')),
    ],
    [openUrl(t.t('reminder.join'), model.joinUrl)],
  );
}
