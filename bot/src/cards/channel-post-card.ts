import type { Programme } from '@tandem/core/model';
import { translator } from '../i18n/translate';
import { card, container, execute, heading, subheading, text, type AdaptiveCard, type CardElement } from './elements';
import { data } from './common';
import type { Testimonial } from './communication-cards';

/** One language's part of a channel post, as the programme manager wrote it. */
export interface ChannelPostText {
  title: string;
  text: string;
}

export interface ChannelPostCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  /** The manager's words per language; at least one. Both show, German first, on the one card. */
  de?: ChannelPostText;
  en?: ChannelPostText;
  /** Quotes of participants who agreed to be quoted with their name. */
  testimonials: Testimonial[];
}

/**
 * A post in a team channel (internal communication beyond the programme): the manager's text in
 * German and English on one card, everyone in the channel reads the same, and a "Tell me about the
 * next programme" button that puts the reader who clicks on the programme's interest list. Nothing
 * about anyone in the channel is shown; the answer to a click goes to the clicker alone.
 */
export function channelPostCard(model: ChannelPostCardModel): AdaptiveCard {
  const de = translator('de');
  const en = translator('en');
  const both = (key: Parameters<typeof en.t>[0], params?: Record<string, string>) =>
    `${de.t(key, params)} · ${en.t(key, params)}`;
  const parts: CardElement[] = [];
  for (const [lang, part] of [
    ['de', model.de],
    ['en', model.en],
  ] as const) {
    if (!part) continue;
    parts.push(container([subheading(part.title), text(part.text)], lang === 'de' ? undefined : 'emphasis'));
  }
  const quotes: CardElement[] = model.testimonials.length
    ? [
        subheading(both('channelPost.testimonials')),
        ...model.testimonials.map((q) =>
          container([text(`“${q.text}”`), text(`— ${q.name}`, { subtle: true })], 'emphasis'),
        ),
      ]
    : [];
  return card(
    [
      text(both('channelPost.from', { programme: model.programme.name }), { subtle: true }),
      heading(model.programme.name),
      ...parts,
      ...quotes,
    ],
    [
      execute(both('channelPost.tellMe'), data('registerInterest', { programmeId: model.programme.id }), {
        validate: false,
      }),
    ],
  );
}
