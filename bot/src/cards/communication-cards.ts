import type { Programme } from '@tandem/core/model';
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
  /** The announcement's id: the card answering a click shows the same announcement again. */
  announcementId?: string;
  title: string;
  text: string;
  /** Only testimonials whose authors agreed to be quoted with their name. */
  testimonials: Testimonial[];
  /** Offer the interest list for the next cohort. */
  offerInterest: boolean;
  /** The person is on the list already: a note instead of the button. */
  interestNoted?: boolean;
  /** A line above the actions, e.g. "this card was out of date". */
  notice?: string;
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
      ...(model.notice ? [notice(model.notice, 'accent')] : []),
    ],
    model.offerInterest && !model.interestNoted ? [interestButton(t, model.programme.id, model.announcementId)] : [],
  );
}

function interestButton(t: Translator, programmeId: string, announcementId?: string) {
  return execute(
    t.t('announcement.interested'),
    data('registerInterest', { programmeId, ...(announcementId ? { announcementId } : {}) }),
    { validate: false },
  );
}

export interface InterestCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  /** The person is on the list. */
  noted: boolean;
  /** The list takes names (not while the programme is a draft). */
  open: boolean;
  notice?: string;
}

/** The interest list on its own, when the announcement a click came from is no longer stored. */
export function interestCard(t: Translator, model: InterestCardModel): AdaptiveCard {
  return card(
    [
      heading(t.t('interest.title', { programme: model.programme.name })),
      model.noted
        ? notice(t.t('announcement.interestNoted', { programme: model.programme.name }), 'good')
        : text(t.t('interest.intro', { programme: model.programme.name })),
      ...(model.notice ? [notice(model.notice, 'accent')] : []),
    ],
    model.open && !model.noted ? [interestButton(t, model.programme.id)] : [],
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
