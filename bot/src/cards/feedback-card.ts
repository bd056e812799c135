import type { Feedback, Programme } from '@tandem/core/model';
import type { Translator } from '../i18n/translate';
import {
  card,
  choiceSet,
  execute,
  heading,
  notice,
  refreshWith,
  text,
  textInput,
  toggle,
  type AdaptiveCard,
} from './elements';
import { data, ratingChoices } from './common';

export interface FeedbackCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  pairId: string;
  userId: string;
  occurrenceIndex: number;
  start: string;
  timeZone: string;
  partnerName: string;
  /** A mentee is told that their mentor sees the "next time" wish. */
  role?: 'mentor' | 'mentee';
  /** The person's earlier answer for this session: prefilled, and sending again replaces it. */
  existing?: Pick<Feedback, 'rating' | 'held' | 'learnt' | 'nextTopic'>;
  saved?: boolean;
  error?: string;
  notice?: string;
}

/** Feedback after a session: did it happen, rating, what I learnt, the next topic. */
export function feedbackCard(t: Translator, model: FeedbackCardModel): AdaptiveCard {
  const ids = { programmeId: model.programme.id, pairId: model.pairId, occurrenceIndex: model.occurrenceIndex };
  const number = model.occurrenceIndex + 1;
  const e = model.existing;
  return card(
    [
      heading(t.t('feedback.title', { partner: model.partnerName })),
      text(t.t('feedback.session', { number, date: t.date(model.start, model.timeZone) }), { subtle: true }),
      ...(model.notice ? [notice(model.notice)] : []),
      ...(model.saved ? [notice(t.t('feedback.thanks', { number }), 'good')] : []),
      ...(model.error ? [notice(model.error, 'attention')] : []),
      toggle('held', t.t('feedback.heldLabel'), t.t('feedback.held'), { value: e ? e.held : true }),
      choiceSet('rating', t.t('feedback.rating'), ratingChoices(t), {
        isRequired: true,
        errorMessage: t.t('common.required'),
        value: e ? String(e.rating) : undefined,
      }),
      textInput('learnt', t.t('feedback.learnt'), { multiline: true, value: e?.learnt }),
      textInput('nextTopic', t.t('feedback.nextTopic'), {
        placeholder: t.t('feedback.nextTopicPlaceholder'),
        value: e?.nextTopic,
      }),
      ...(model.role === 'mentee' ? [text(t.t('feedback.nextTopicShared'), { subtle: true })] : []),
    ],
    [execute(t.t('feedback.submit'), data('submitFeedback', ids), { style: 'positive' })],
    refreshWith(data('refresh', { card: 'feedback', ...ids }), [model.userId]),
  );
}
