import type { Programme, TrainingModule } from '@tandem/core/model';
import type { Translator } from '../i18n/translate';
import {
  actionSet,
  card,
  container,
  execute,
  heading,
  notice,
  openUrl,
  refreshWith,
  subheading,
  text,
  toggle,
  type AdaptiveCard,
  type CardElement,
} from './elements';
import { data } from './common';

/** The steps of the mentor training of a programme without modules; each is a required toggle. */
export const TRAINING_STEPS = ['principles', 'guide', 'firstSession'] as const;

/** The toggle of a module on the card: `module_<id>`. */
export const MODULE_FIELD = 'module_';

export interface TrainingCardModel {
  programme: Pick<Programme, 'id' | 'name' | 'trainingModules'>;
  userId: string;
  completedAt?: string;
  /** The modules the mentor ticked: module id → when. */
  done?: Record<string, string>;
  error?: string;
  notice?: string;
}

/** One module: its title and text in the reader's language, its link, and its tick (or when it was ticked). */
function moduleBlock(t: Translator, m: TrainingModule, index: number, doneAt: string | undefined): CardElement {
  const title = `${index + 1}. ${m.title[t.locale] || m.title.en}`;
  const body = m.text[t.locale] || m.text.en;
  return container(
    [
      subheading(title),
      ...(body ? [text(body)] : []),
      ...(m.link ? [actionSet([openUrl(t.t('training.open'), m.link)])] : []),
      doneAt
        ? text(t.t('training.moduleDone', { date: t.date(doneAt) }), { color: 'Good' })
        : toggle(`${MODULE_FIELD}${m.id}`, t.t('training.tick'), t.t('training.tickTitle')),
    ],
    doneAt ? 'good' : 'emphasis',
  );
}

/**
 * The mentor training checklist. With modules: each module with its text and link, ticked one by one
 * (trained once all are ticked); without: the fixed three-step confirmation.
 */
export function trainingCard(t: Translator, model: TrainingCardModel): AdaptiveCard {
  const { programme: p } = model;
  const refresh = refreshWith(data('refresh', { card: 'training', programmeId: p.id }), [model.userId]);
  const head = [heading(t.t('training.title', { programme: p.name })), ...(model.notice ? [notice(model.notice)] : [])];
  const modules = p.trainingModules ?? [];
  if (model.completedAt) {
    return card([...head, notice(t.t('training.completed', { date: t.date(model.completedAt) }), 'good')], [], refresh);
  }
  if (modules.length) {
    const done = model.done ?? {};
    const ticked = modules.filter((m) => done[m.id]).length;
    return card(
      [
        ...head,
        text(t.t('training.modulesIntro')),
        text(t.t('training.progress', { done: ticked, total: modules.length }), { subtle: true }),
        ...(model.error ? [notice(model.error, 'attention')] : []),
        ...modules.map((m, i) => moduleBlock(t, m, i, done[m.id])),
      ],
      [execute(t.t('training.save'), data('completeTraining', { programmeId: p.id }), { style: 'positive' })],
      refresh,
    );
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
