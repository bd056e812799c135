import {
  MENTOR_GAINS,
  topicName,
  type AssessmentKind,
  type MentorGain,
  type Programme,
  type Role,
} from '@tandem/core/model';
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
  /** The reader's role: a mentor's end assessment also asks what they gained. */
  role?: Role;
  existingGains?: Partial<Record<MentorGain, number>>;
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
  const gains: CardElement[] =
    model.kind === 'end' && model.role === 'mentor'
      ? [
          subheading(t.t('assessment.gainsTitle')),
          text(t.t('assessment.gainsIntro'), { subtle: true }),
          ...MENTOR_GAINS.map((gain) =>
            choiceSet(`gain_${gain}`, t.t(`assessment.gain.${gain}`), ratingChoices(t), {
              style: 'compact',
              value: model.existingGains?.[gain] !== undefined ? String(model.existingGains[gain]) : undefined,
            }),
          ),
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
        choiceSet(`rating_${topic.id}`, topicName(topic, t.locale), ratingChoices(t), {
          style: 'compact',
          isRequired: true,
          errorMessage: t.t('common.required'),
          value: model.existing?.[topic.id] !== undefined ? String(model.existing[topic.id]) : undefined,
        }),
      ),
      ...gains,
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
