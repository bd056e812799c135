/**
 * Moving sessions from the bot: one session to a time when both people are free that week (from
 * Graph free/busy), or the rest of the series to another weekday and time; and the cards the partner
 * gets when a session moved or the sessions were paused.
 */
import type { Programme } from '@tandem/core/model';
import type { FreeSlot } from '@tandem/core/schedule';
import type { MessageKey, Translator } from '../i18n/translate';
import {
  card,
  choiceSet,
  execute,
  heading,
  notice,
  showCard,
  text,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from './elements';
import { data, weekdayChoices } from './common';
import { timeInput } from './tandem-card';

export interface MoveCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  pairId: string;
  occurrenceIndex: number;
  start: string;
  partnerName: string;
  /** The reader's zone for the times shown; the series' (organiser's) zone for "the rest of the series". */
  timeZone: string;
  seriesTimeZone: string;
  slots: FreeSlot[];
  weekday?: string;
  notice?: string;
  good?: string;
}

export function moveCard(t: Translator, model: MoveCardModel): AdaptiveCard {
  const ids = { programmeId: model.programme.id, pairId: model.pairId, occurrenceIndex: model.occurrenceIndex };
  const body: CardElement[] = [heading(t.t('move.title', { date: t.dateTime(model.start, model.timeZone) }))];
  if (model.notice) body.push(notice(model.notice));
  if (model.good) body.push(notice(model.good, 'good'));
  const actions: CardAction[] = [];
  if (!model.good) {
    if (model.slots.length) {
      body.push(text(t.t('move.intro', { partner: model.partnerName, zone: model.timeZone })));
      body.push(
        choiceSet(
          'start',
          t.t('move.slot'),
          model.slots.map((s) => ({ title: t.dateTime(s.start, model.timeZone), value: s.start })),
          { isRequired: true, style: 'expanded', errorMessage: t.t('common.required') },
        ),
      );
      actions.push(execute(t.t('move.confirm'), data('moveSessionTo', ids), { style: 'positive' }));
    } else {
      body.push(text(t.t('move.none', { partner: model.partnerName })));
    }
  }
  actions.push(
    showCard(t.t('move.rest'), {
      body: [
        text(t.t('move.restNote', { zone: model.seriesTimeZone })),
        choiceSet('weekday', t.t('move.weekday'), weekdayChoices(t).slice(0, 5), {
          isRequired: true,
          style: 'compact',
          ...(model.weekday ? { value: model.weekday } : {}),
          errorMessage: t.t('common.required'),
        }),
        timeInput('time', t.t('move.time'), t.t('common.required')),
      ],
      actions: [execute(t.t('move.restConfirm'), data('moveSeries', ids))],
    }),
  );
  return card(body, actions);
}

export interface SessionMovedCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  partnerName: string;
  timeZone: string;
  /** One session: its new start. */
  start?: string;
  /** The rest of the series: its new weekday and time, in the series' zone. */
  rest?: { weekday: string; time: string; zone: string };
}

export function sessionMovedCard(t: Translator, model: SessionMovedCardModel): AdaptiveCard {
  return card(
    [
      heading(t.t('sessionMoved.title', { partner: model.partnerName })),
      ...(model.start ? [text(t.t('sessionMoved.one', { date: t.dateTime(model.start, model.timeZone) }))] : []),
      ...(model.rest
        ? [
            text(
              t.t('sessionMoved.rest', {
                weekday: t.t(`common.weekday.${model.rest.weekday}` as MessageKey),
                time: model.rest.time,
                zone: model.rest.zone,
              }),
            ),
          ]
        : []),
      text(model.programme.name, { subtle: true }),
    ],
    [
      execute(t.t('tandem.button'), data('refresh', { card: 'tandem', programmeId: model.programme.id }), {
        validate: false,
      }),
    ],
  );
}

export interface SessionsPausedCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  partnerName: string;
  until: string;
  sessions: number;
}

export function sessionsPausedCard(t: Translator, model: SessionsPausedCardModel): AdaptiveCard {
  const date = t.date(`${model.until}T12:00:00Z`);
  return card(
    [
      heading(t.t('sessionsPaused.title', { partner: model.partnerName })),
      text(t.t('sessionsPaused.text', { count: model.sessions, date })),
      text(model.programme.name, { subtle: true }),
    ],
    [
      execute(t.t('tandem.button'), data('refresh', { card: 'tandem', programmeId: model.programme.id }), {
        validate: false,
      }),
    ],
  );
}
