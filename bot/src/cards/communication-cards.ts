import type { Programme } from '../../../functions/src/core/model';
import type { Translator } from '../i18n/translate';
import {
  card,
  container,
  execute,
  heading,
  notice,
  subheading,
  text,
  textInput,
  toggle,
  type AdaptiveCard,
  type CardElement,
} from './elements';
import { data } from './common';

export interface Testimonial {
  name: string;
  text: string;
}

export interface AnnouncementCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  title: string;
  text: string;
  /** Only testimonials whose authors agreed to be quoted with their name. */
  testimonials: Testimonial[];
  /** Offer the interest list for the next cohort. */
  offerInterest: boolean;
  interestNoted?: boolean;
}

/** A programme announcement (internal communication), with opt-in testimonials and the interest list. */
export function announcementCard(t: Translator, model: AnnouncementCardModel): AdaptiveCard {
  const quotes: CardElement[] = model.testimonials.length
    ? [
        subheading(t.t('announcement.testimonials')),
        ...model.testimonials.map((q) =>
          container([text(`“${q.text}”`), text(`— ${q.name}`, { subtle: true })], 'emphasis'),
        ),
      ]
    : [];
  const interest = model.interestNoted
    ? [notice(t.t('announcement.interestNoted', { programme: model.programme.name }), 'good')]
    : [];
  return card(
    [
      text(t.t('announcement.title', { programme: model.programme.name }), { subtle: true }),
      heading(model.title),
      text(model.text),
      ...quotes,
      ...interest,
    ],
    model.offerInterest && !model.interestNoted
      ? [
          execute(t.t('announcement.interested'), data('registerInterest', { programmeId: model.programme.id }), {
            validate: false,
          }),
        ]
      : [],
  );
}

export interface TestimonialCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  existing?: string;
  saved?: boolean;
  error?: string;
}

/** Invites a participant to share a sentence for announcements, quoted only with explicit consent. */
export function testimonialCard(t: Translator, model: TestimonialCardModel): AdaptiveCard {
  return card(
    [
      heading(t.t('testimonial.title')),
      text(t.t('testimonial.intro', { programme: model.programme.name })),
      ...(model.saved ? [notice(t.t('testimonial.thanks'), 'good')] : []),
      ...(model.error ? [notice(model.error, 'attention')] : []),
      textInput('text', t.t('testimonial.text'), {
        multiline: true,
        isRequired: true,
        errorMessage: t.t('common.required'),
        value: model.existing,
      }),
      toggle('consent', t.t('testimonial.consentLabel'), t.t('testimonial.consent'), {
        isRequired: true,
        errorMessage: t.t('common.required'),
      }),
    ],
    [execute(t.t('testimonial.submit'), data('shareTestimonial', { programmeId: model.programme.id }))],
  );
}
