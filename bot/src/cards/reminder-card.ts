import { topicName, type Programme, type Topic } from '@tandem/core/model';
import type { Translator } from '../i18n/translate';
import {
  card,
  execute,
  facts,
  heading,
  openUrl,
  subheading,
  text,
  type AdaptiveCard,
  type CardAction,
} from './elements';
import { data } from './common';

export interface ReminderCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  partnerName: string;
  start: string;
  timeZone: string;
  topic?: Topic;
  joinUrl?: string;
  /** To the mentor: what the mentee would like to cover next time (their latest feedback). */
  wish?: string;
  /** The session, when it can still be moved from the card ("Move"). */
  move?: { pairId: string; occurrenceIndex: number };
}

/** Before a session: when, the topic and its session guide, and the Teams link. */
export function reminderCard(t: Translator, model: ReminderCardModel): AdaptiveCard {
  const guide = model.topic?.guide?.[t.locale];
  const actions: CardAction[] = model.joinUrl ? [openUrl(t.t('reminder.join'), model.joinUrl)] : [];
  if (model.move)
    actions.push(
      execute(t.t('tandem.move'), data('moveSession', { programmeId: model.programme.id, ...model.move }), {
        validate: false,
      }),
    );
  return card(
    [
      heading(t.t('reminder.title', { partner: model.partnerName })),
      facts([
        [t.t('reminder.when'), t.dateTime(model.start, model.timeZone)],
        [t.t('reminder.topic'), model.topic ? topicName(model.topic, t.locale) : undefined],
        [t.t('common.programme'), model.programme.name],
      ]),
      ...(model.wish ? [subheading(t.t('reminder.wish')), text(model.wish, { italic: true })] : []),
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
