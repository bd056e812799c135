import type { AssessmentKind, Programme } from '../../../functions/src/core/model';
import type { Translator } from '../i18n/translate';
import {
  card,
  choiceSet,
  execute,
  heading,
  notice,
  refreshWith,
  subheading,
  text,
  textInput,
  toggle,
  type AdaptiveCard,
  type CardElement,
} from './elements';
import { data, ratingChoices } from './common';

export interface AssessmentCardModel {
  programme: Pick<Programme, 'id' | 'name' | 'topics'>;
  userId: string;
  kind: AssessmentKind;
  existing?: Record<string, number>;
  saved?: boolean;
  error?: string;
  notice?: string;
}

/** The start or end self-assessment: a 1–5 rating per topic; the end one invites an opt-in testimonial. */
export function assessmentCard(t: Translator, model: AssessmentCardModel): AdaptiveCard {
  const { programme: p } = model;
  const testimonial: CardElement[] =
    model.kind === 'end'
      ? [
          subheading(t.t('assessment.testimonialTitle')),
          textInput('testimonial', t.t('assessment.testimonial'), { multiline: true }),
          toggle('testimonialConsent', t.t('testimonial.consentLabel'), t.t('testimonial.consent')),
        ]
      : [];
  return card(
    [
      heading(t.t(model.kind === 'start' ? 'assessment.title.start' : 'assessment.title.end')),
      text(t.t('assessment.intro', { programme: p.name })),
      ...(model.notice ? [notice(model.notice)] : []),
      ...(model.saved
        ? [notice(t.t('assessment.thanks', { kind: t.t(`assessment.kind.${model.kind}`) }), 'good')]
        : []),
      ...(model.error ? [notice(model.error, 'attention')] : []),
      ...p.topics.map((topic) =>
        choiceSet(`rating_${topic.id}`, topic.name, ratingChoices(t), {
          style: 'compact',
          isRequired: true,
          errorMessage: t.t('common.required'),
          value: model.existing?.[topic.id] !== undefined ? String(model.existing[topic.id]) : undefined,
        }),
      ),
      ...testimonial,
    ],
    [
      execute(t.t('assessment.submit'), data('submitAssessment', { programmeId: p.id, kind: model.kind }), {
        style: 'positive',
      }),
    ],
    refreshWith(data('refresh', { card: 'assessment', programmeId: p.id, kind: model.kind }), [model.userId]),
  );
}
