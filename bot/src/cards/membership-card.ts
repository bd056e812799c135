import type { ParticipantStatus, Programme } from '@tandem/core/model';
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
import { endPairAction, pauseUntilAction } from './tandem-card';

export interface MembershipCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  userId: string;
  status: ParticipantStatus;
  notice?: string;
  /** What the person agreed to: the version, when, and its wording in their language (absent if unrecorded). */
  consent?: { version: string; at: string; text?: string };
  /** In an active pair with booked sessions: "Pause until a date" keeps the pair (instead of pausing out). */
  pauseUntil?: { partnerName: string; dates: { min: string; max: string } };
  /** In a confirmed or active pair: "End this pair" (no reason, no blame). */
  endPair?: { pairId: string; partnerName: string };
}

/**
 * The person's participation: pause, resume or leave, always possible and without blame; and the
 * consent they gave, word for word, with withdrawing it (leave and erase their data in the programme).
 */
export function membershipCard(t: Translator, model: MembershipCardModel): AdaptiveCard {
  const { programme: p, status } = model;
  const ids = { programmeId: p.id };
  const actions: CardAction[] = [];
  // Every way to step back is confirmed: nothing happens on the first click.
  if (status === 'opted-in')
    actions.push(
      model.pauseUntil
        ? pauseUntilAction(t, p.id, model.pauseUntil.partnerName, model.pauseUntil.dates)
        : showCard(t.t('membership.pause'), {
            body: [text(t.t('membership.pauseNote'))],
            actions: [execute(t.t('membership.pauseConfirm'), data('pause', ids), { validate: false })],
          }),
    );
  if (model.endPair) actions.push(endPairAction(t, p.id, model.endPair.pairId, model.endPair.partnerName));
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
  if (model.consent) {
    const c = model.consent;
    const when = { version: c.version, date: t.date(c.at) };
    actions.push(
      showCard(t.t('membership.consent'), {
        body: [
          text(t.t(c.text ? 'membership.consentAgreed' : 'membership.consentUnrecorded', when)),
          ...(c.text ? [text(c.text, { subtle: true })] : []),
          text(t.t('membership.withdrawNote')),
        ],
        actions: [
          execute(t.t('membership.withdrawConfirm'), data('withdrawConsent', ids), {
            style: 'destructive',
            validate: false,
          }),
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
      ...(status === 'opted-in' && !model.pauseUntil ? [text(t.t('membership.pauseNote'), { subtle: true })] : []),
    ],
    actions,
    refreshWith(data('refresh', { card: 'membership', ...ids }), [model.userId]),
  );
}

/** After a withdrawal: the person has left and their data in the programme is erased. */
export function consentWithdrawnCard(t: Translator, programme: Pick<Programme, 'name'>): AdaptiveCard {
  return card([
    heading(t.t('membership.title', { programme: programme.name })),
    notice(t.t('membership.withdrawn'), 'good'),
  ]);
}
