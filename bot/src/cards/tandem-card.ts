/**
 * "My tandem": where the person stands in one programme and what is next — phase, role, partner with
 * a chat link, the next session in the reader's zone with "Move", what is due as buttons — and the
 * three ways to step back, each behind a confirmation: pause until a date (the pair stays), end this
 * pair (no reason, no blame, both re-matched), leave the programme.
 */
import type { WhatsNext } from '@tandem/app';
import type { MessageKey, Translator } from '../i18n/translate';
import {
  actionSet,
  card,
  execute,
  facts,
  heading,
  notice,
  openUrl,
  refreshWith,
  showCard,
  subheading,
  text,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from './elements';
import { data } from './common';

/** A Teams deep link that opens a 1:1 chat with the person (by UPN or mail). */
export function chatLink(upn: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(upn)}`;
}

/** A Teams deep link to the app's "My tandem" personal tab (needs the manifest's app id). */
export function tabLink(teamsAppId: string): string {
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/my-tandem`;
}

export function dateInput(
  id: string,
  label: string,
  options: { min?: string; max?: string; value?: string; errorMessage: string },
): CardElement {
  return {
    type: 'Input.Date',
    id,
    label,
    isRequired: true,
    errorMessage: options.errorMessage,
    ...(options.min ? { min: options.min } : {}),
    ...(options.max ? { max: options.max } : {}),
    ...(options.value ? { value: options.value } : {}),
  };
}

export function timeInput(id: string, label: string, errorMessage: string, value?: string): CardElement {
  return { type: 'Input.Time', id, label, isRequired: true, errorMessage, ...(value ? { value } : {}) };
}

/** "Pause until a date": the date and a confirm button, inside a ShowCard (nothing happens on the first click). */
export function pauseUntilAction(
  t: Translator,
  programmeId: string,
  partnerName: string,
  dates: { min: string; max: string },
): CardAction {
  return showCard(t.t('tandem.pause'), {
    body: [
      text(t.t('tandem.pauseNote', { partner: partnerName })),
      dateInput('until', t.t('tandem.pauseUntil'), { ...dates, errorMessage: t.t('common.required') }),
    ],
    actions: [execute(t.t('tandem.pauseConfirm'), data('pauseUntil', { programmeId }))],
  });
}

/** "End this pair": what it means, and the confirm button. */
export function endPairAction(t: Translator, programmeId: string, pairId: string, partnerName: string): CardAction {
  return showCard(t.t('tandem.end'), {
    body: [
      text(t.t('tandem.endTitle', { partner: partnerName })),
      text(t.t('tandem.endNote', { partner: partnerName })),
    ],
    actions: [
      execute(t.t('tandem.endConfirm'), data('endPair', { programmeId, pairId }), {
        style: 'destructive',
        validate: false,
      }),
    ],
  });
}

export function leaveAction(t: Translator, programmeId: string, programmeName: string): CardAction {
  return showCard(t.t('membership.leave'), {
    body: [text(t.t('membership.leaveTitle', { programme: programmeName })), text(t.t('membership.leaveNote'))],
    actions: [
      execute(t.t('membership.leaveConfirm'), data('leave', { programmeId }), {
        style: 'destructive',
        validate: false,
      }),
    ],
  });
}

export interface TandemCardModel {
  next: WhatsNext;
  userId: string;
  /** The reader's time zone (Teams' localTimezone), else the series'. */
  timeZone?: string;
  /** Today and the last day a pause may reach (YYYY-MM-DD) for the date input. */
  pauseDates: { min: string; max: string };
  notice?: string;
  good?: string;
}

function phaseName(t: Translator, phase: string): string {
  const line = t.t(`phase.${phase}` as MessageKey);
  return line.split(' – ')[0] ?? line;
}

function dueButton(t: Translator, programmeId: string, item: WhatsNext['due'][number], zone?: string): CardAction {
  switch (item.kind) {
    case 'invitation':
      return execute(t.t('tandem.due.invitation'), data('refresh', { card: 'invitation', programmeId }), {
        validate: false,
      });
    case 'proposal':
      return execute(
        t.t('tandem.due.proposal'),
        data('refresh', { card: 'proposal', programmeId, pairId: item.pairId }),
        {
          validate: false,
        },
      );
    case 'feedback':
      return execute(
        t.t('tandem.due.feedback', { date: t.dateTime(item.start, zone) }),
        data('refresh', { card: 'feedback', programmeId, pairId: item.pairId, occurrenceIndex: item.occurrenceIndex }),
        { validate: false },
      );
    case 'assessment':
      return execute(
        t.t(`tandem.due.assessment.${item.assessment}`),
        data('refresh', { card: 'assessment', programmeId, kind: item.assessment }),
        { validate: false },
      );
    case 'training':
      return execute(t.t('tandem.due.training'), data('refresh', { card: 'training', programmeId }), {
        validate: false,
      });
  }
}

export function tandemCard(t: Translator, model: TandemCardModel): AdaptiveCard {
  const { next } = model;
  const p = next.programme;
  const body: CardElement[] = [heading(t.t('tandem.title', { programme: p.name }))];
  if (model.notice) body.push(notice(model.notice));
  if (model.good) body.push(notice(model.good, 'good'));
  body.push(
    facts([
      [t.t('tandem.phase'), phaseName(t, p.phase)],
      [t.t('tandem.status'), t.t(`status.${next.status}` as MessageKey)],
      [t.t('tandem.role'), next.role ? t.t(`common.role.${next.role}`) : undefined],
    ]),
  );
  if (!next.pairs.length && next.status === 'opted-in') body.push(text(t.t('tandem.waiting'), { subtle: true }));
  for (const pair of next.pairs) {
    const zone = model.timeZone ?? pair.next?.timeZone;
    const name = pair.partner.displayName;
    body.push(
      facts([
        [t.t('tandem.partner'), pair.status === 'proposed' ? t.t('tandem.proposed', { partner: name }) : name],
        [
          t.t('tandem.next'),
          pair.next ? t.dateTime(pair.next.start, zone) : pair.status === 'active' ? t.t('tandem.noNext') : undefined,
        ],
      ]),
    );
    if (pair.pausedUntil)
      body.push(notice(t.t('tandem.pausedUntil', { date: t.date(`${pair.pausedUntil}T12:00:00Z`) })));
    const actions: CardAction[] = [];
    if (pair.partner.upn && pair.status !== 'proposed')
      actions.push(openUrl(t.t('tandem.chat', { name }), chatLink(pair.partner.upn)));
    if (pair.next && pair.booked)
      actions.push(
        execute(
          t.t('tandem.move'),
          data('moveSession', { programmeId: p.id, pairId: pair.pairId, occurrenceIndex: pair.next.index }),
          { validate: false },
        ),
      );
    if (actions.length) body.push(actionSet(actions));
  }
  body.push(subheading(t.t('tandem.dueTitle')));
  const zone = model.timeZone ?? next.pairs.find((x) => x.next)?.next?.timeZone;
  // One row per due item: the titles are long in German, and a row of them would be cut off.
  if (next.due.length) for (const item of next.due) body.push(actionSet([dueButton(t, p.id, item, zone)]));
  else body.push(text(t.t('tandem.nothingDue'), { subtle: true }));
  const actions: CardAction[] = [];
  const booked = next.pairs.find((x) => x.booked);
  if (booked && next.status === 'opted-in')
    actions.push(pauseUntilAction(t, p.id, booked.partner.displayName, model.pauseDates));
  for (const pair of next.pairs)
    if (pair.status === 'confirmed' || pair.status === 'active')
      actions.push(endPairAction(t, p.id, pair.pairId, pair.partner.displayName));
  if (next.status === 'paused')
    actions.push(
      execute(t.t('membership.resume'), data('resume', { programmeId: p.id }), { style: 'positive', validate: false }),
    );
  if (next.status !== 'left') actions.push(leaveAction(t, p.id, p.name));
  return card(body, actions, refreshWith(data('refresh', { card: 'tandem', programmeId: p.id }), [model.userId]));
}

export interface NoProgrammeCardModel {
  /** The programme whose interest list the person can join (the newest one announced), if any. */
  interest?: { programmeId: string; noted: boolean };
  tabUrl?: string;
}

/** Someone in no programme: the interest list for the next one, and the tab. */
export function noProgrammeCard(t: Translator, model: NoProgrammeCardModel): AdaptiveCard {
  const actions: CardAction[] = [];
  if (model.interest && !model.interest.noted)
    actions.push(
      execute(t.t('tandem.notifyNext'), data('notifyNext', { programmeId: model.interest.programmeId }), {
        style: 'positive',
        validate: false,
      }),
    );
  if (model.tabUrl) actions.push(openUrl(t.t('common.openTandem'), model.tabUrl));
  return card(
    [
      heading(t.t('welcome.title')),
      text(t.t('tandem.noProgrammes')),
      ...(model.interest?.noted ? [notice(t.t('tandem.notifyNoted'), 'good')] : []),
    ],
    actions,
  );
}
