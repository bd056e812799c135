import type { Cadence, Programme, TimeOfDay, Weekday } from '@tandem/core/model';
import type { MessageKey, Translator } from '../i18n/translate';
import {
  card,
  choiceSet,
  execute,
  facts,
  heading,
  notice,
  openUrl,
  text,
  type AdaptiveCard,
  type CardAction,
} from './elements';
import { data, timeChoices, weekdayChoices } from './common';

export interface SeriesBookedCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  partnerName: string;
  firstStart: string;
  timeZone: string;
  weekday: Weekday;
  intervalWeeks: number;
  sessionMinutes: number;
  joinUrl?: string;
}

/** The pair's meeting series is in both calendars: first date, rhythm and the Teams link. */
export function seriesBookedCard(t: Translator, model: SeriesBookedCardModel): AdaptiveCard {
  const actions: CardAction[] = model.joinUrl ? [openUrl(t.t('series.join'), model.joinUrl)] : [];
  return card(
    [
      heading(t.t('series.title')),
      text(t.t('series.intro', { partner: model.partnerName })),
      facts([
        [t.t('series.first'), t.dateTime(model.firstStart, model.timeZone)],
        [
          t.t('series.rhythm'),
          t.t('series.rhythmValue', {
            weeks: model.intervalWeeks,
            weekday: t.t(`common.weekday.${model.weekday}` as MessageKey),
            minutes: model.sessionMinutes,
          }),
        ],
      ]),
    ],
    actions,
  );
}

export interface NoSlotCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  pairId: string;
  partnerName: string;
  cadence: Pick<Cadence, 'weekday' | 'window'>;
  /** False while the app cannot re-book on another day: the card then says what to do instead. */
  canPick?: boolean;
  /** Set once the person picked another day (the card then confirms it). */
  requested?: { weekday: Weekday; times?: TimeOfDay[] };
  error?: string;
  notice?: string;
}

/** No common free slot on the programme's weekday: the person picks another day and time to try. */
export function noSlotCard(t: Translator, model: NoSlotCardModel): AdaptiveCard {
  const weekday = (d: Weekday) => t.t(`common.weekday.${d}` as MessageKey);
  const body = [
    heading(t.t('noSlot.title')),
    ...(model.notice ? [notice(model.notice)] : []),
    text(
      t.t('noSlot.intro', {
        partner: model.partnerName,
        weekday: weekday(model.cadence.weekday),
        window: `${model.cadence.window.start}–${model.cadence.window.end}`,
      }),
    ),
  ];
  if (model.requested) {
    return card([...body, notice(t.t('noSlot.requested', { weekday: weekday(model.requested.weekday) }), 'good')]);
  }
  if (model.canPick === false) {
    return card([...body, notice(t.t('noSlot.unavailable', { partner: model.partnerName }), 'attention')]);
  }
  const others = weekdayChoices(t)
    .slice(0, 5)
    .filter((c) => c.value !== model.cadence.weekday);
  return card(
    [
      ...body,
      ...(model.error ? [notice(model.error, 'attention')] : []),
      choiceSet('weekday', t.t('noSlot.weekday'), others, { isRequired: true, errorMessage: t.t('common.required') }),
      choiceSet('times', t.t('noSlot.times'), timeChoices(t), { multi: true }),
    ],
    [
      execute(t.t('noSlot.submit'), data('pickAnotherDay', { programmeId: model.programme.id, pairId: model.pairId }), {
        style: 'positive',
      }),
    ],
  );
}
