import type { ParticipantStatus, Programme } from '../../../functions/src/core/model';
import type { MessageKey, Translator } from '../i18n/translate';
import {
  card,
  execute,
  heading,
  notice,
  refreshWith,
  showCard,
  text,
  type AdaptiveCard,
  type CardAction,
} from './elements';
import { data } from './common';

export interface MembershipCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  userId: string;
  status: ParticipantStatus;
  notice?: string;
}

/** The person's participation: pause, resume or leave, always possible and without blame. */
export function membershipCard(t: Translator, model: MembershipCardModel): AdaptiveCard {
  const { programme: p, status } = model;
  const ids = { programmeId: p.id };
  const actions: CardAction[] = [];
  if (status === 'opted-in') actions.push(execute(t.t('membership.pause'), data('pause', ids), { validate: false }));
  if (status === 'paused')
    actions.push(execute(t.t('membership.resume'), data('resume', ids), { style: 'positive', validate: false }));
  if (status !== 'left') {
    actions.push(
      showCard(t.t('membership.leave'), {
        body: [text(t.t('membership.leaveTitle', { programme: p.name })), text(t.t('membership.leaveNote'))],
        actions: [
          execute(t.t('membership.leaveConfirm'), data('leave', ids), { style: 'destructive', validate: false }),
        ],
      }),
    );
  }
  const outcome: Partial<Record<ParticipantStatus, MessageKey>> = {
    paused: 'membership.paused',
    left: 'membership.left',
  };
  const outcomeKey = outcome[status];
  return card(
    [
      heading(t.t('membership.title', { programme: p.name })),
      ...(model.notice ? [notice(model.notice)] : []),
      text(t.t('membership.status', { status: t.t(`status.${status}` as MessageKey) })),
      ...(outcomeKey ? [notice(t.t(outcomeKey, { programme: p.name }), 'good')] : []),
      ...(status === 'opted-in' ? [text(t.t('membership.pauseNote'), { subtle: true })] : []),
    ],
    actions,
    refreshWith(data('refresh', { card: 'membership', ...ids }), [model.userId]),
  );
}
