import type { Programme } from '../../../functions/src/core/model';
import type { Translator } from '../i18n/translate';
import { card, execute, heading, notice, refreshWith, text, toggle, type AdaptiveCard } from './elements';
import { data } from './common';

/** The steps of the mentor training; each is a required toggle of the checklist. */
export const TRAINING_STEPS = ['principles', 'guide', 'firstSession'] as const;

export interface TrainingCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  userId: string;
  completedAt?: string;
  error?: string;
  notice?: string;
}

/** The mentor training checklist; done once every step is ticked. */
export function trainingCard(t: Translator, model: TrainingCardModel): AdaptiveCard {
  const { programme: p } = model;
  const refresh = refreshWith(data('refresh', { card: 'training', programmeId: p.id }), [model.userId]);
  const head = [heading(t.t('training.title', { programme: p.name })), ...(model.notice ? [notice(model.notice)] : [])];
  if (model.completedAt) {
    return card([...head, notice(t.t('training.completed', { date: t.date(model.completedAt) }), 'good')], [], refresh);
  }
  return card(
    [
      ...head,
      text(t.t('training.intro')),
      ...(model.error ? [notice(model.error, 'attention')] : []),
      ...TRAINING_STEPS.map((step, i) =>
        toggle(`step_${step}`, t.t('training.step', { number: i + 1 }), t.t(`training.item.${step}`), {
          isRequired: true,
          errorMessage: t.t('training.allRequired'),
        }),
      ),
    ],
    [execute(t.t('training.complete'), data('completeTraining', { programmeId: p.id }), { style: 'positive' })],
    refresh,
  );
}
