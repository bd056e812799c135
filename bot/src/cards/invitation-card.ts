import { topicName, type Participant, type Programme } from '@tandem/core/model';
import type { Translator } from '../i18n/translate';
import {
  card,
  choiceSet,
  execute,
  facts,
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
import { data, languageChoices, languageName, timeChoices, topicChoices, weekdayChoices } from './common';

export interface InvitationCardModel {
  programme: Pick<
    Programme,
    'id' | 'name' | 'description' | 'topics' | 'cadence' | 'kickoffAt' | 'closingAt' | 'consentTextVersion'
  >;
  inviterName: string;
  userId: string;
  /** The person's enrollment: its status decides between the form and the outcome. */
  participant: Pick<Participant, 'status' | 'displayName'> & Partial<Participant>;
  enrollmentOpen: boolean;
  /** Shown above the form when the last submit was not valid. */
  error?: string;
  notice?: string;
}

/** The programme invitation with the opt-in form (role, topics, interests, languages, times, consent). */
export function invitationCard(t: Translator, model: InvitationCardModel): AdaptiveCard {
  const { programme: p, participant } = model;
  const c = p.cadence;
  const when =
    p.kickoffAt && p.closingAt
      ? t.t('invitation.when', {
          kickoff: t.date(p.kickoffAt),
          closing: t.date(p.closingAt),
          minutes: c.sessionMinutes,
          weeks: c.intervalWeeks,
          sessions: c.sessions,
        })
      : t.t('invitation.whenOpen', { minutes: c.sessionMinutes, weeks: c.intervalWeeks, sessions: c.sessions });
  const head: CardElement[] = [
    heading(t.t('invitation.title', { programme: p.name })),
    ...(model.notice ? [notice(model.notice)] : []),
    text(t.t('invitation.intro', { inviter: model.inviterName, programme: p.name })),
    text(p.description),
    text(when),
    text(t.t('invitation.topics', { topics: t.list(p.topics.map((topic) => topicName(topic, t.locale))) }), {
      subtle: true,
    }),
  ];
  const refresh = refreshWith(data('refresh', { card: 'invitation', programmeId: p.id }), [model.userId]);
  if (participant.status === 'opted-in' || participant.status === 'paused') {
    return card(
      [
        ...head,
        notice(t.t('invitation.optedIn', { name: participant.displayName }), 'good'),
        facts([
          [t.t('invitation.role'), participant.role ? t.t(`common.role.${participant.role}`) : undefined],
          [t.t('invitation.languages'), participant.languages?.map((l) => languageName(t, l)).join(', ')],
        ]),
      ],
      [],
      refresh,
    );
  }
  if (participant.status === 'left') {
    return card([...head, notice(t.t('invitation.declined', { programme: p.name }))], [], refresh);
  }
  if (!model.enrollmentOpen) {
    return card([...head, notice(t.t('invitation.closed', { programme: p.name }), 'attention')], [], refresh);
  }
  const required = t.t('common.required');
  const form: CardElement[] = [
    subheading(t.t('invitation.formTitle')),
    ...(model.error ? [notice(model.error, 'attention')] : []),
    choiceSet(
      'role',
      t.t('invitation.role'),
      [
        { title: t.t('common.role.mentor'), value: 'mentor' },
        { title: t.t('common.role.mentee'), value: 'mentee' },
      ],
      { isRequired: true, errorMessage: required, value: participant.role },
    ),
    choiceSet('teachTopics', t.t('invitation.teachTopics'), topicChoices(t, p.topics), {
      multi: true,
      value: participant.teachTopics,
    }),
    choiceSet('learnTopics', t.t('invitation.learnTopics'), topicChoices(t, p.topics), {
      multi: true,
      value: participant.learnTopics,
    }),
    textInput('interests', t.t('invitation.interests'), {
      placeholder: t.t('invitation.interestsPlaceholder'),
      value: participant.interests?.join(', '),
    }),
    choiceSet('languages', t.t('invitation.languages'), languageChoices(t), {
      multi: true,
      style: 'compact',
      isRequired: true,
      errorMessage: required,
      value: participant.languages ?? [t.locale],
    }),
    choiceSet('weekdays', t.t('invitation.weekdays'), weekdayChoices(t).slice(0, 5), {
      multi: true,
      isRequired: true,
      errorMessage: required,
      value: participant.weekdays ?? [c.weekday],
    }),
    choiceSet('times', t.t('invitation.times'), timeChoices(t), {
      multi: true,
      value: participant.times,
    }),
    subheading(t.t('invitation.consentTitle')),
    text(t.t('invitation.consentText', { version: p.consentTextVersion }), { subtle: true }),
    toggle('consent', t.t('invitation.consentTitle'), t.t('invitation.consent'), {
      isRequired: true,
      errorMessage: t.t('invitation.consentError'),
    }),
  ];
  return card(
    [...head, ...form],
    [
      execute(t.t('invitation.optIn'), data('optIn', { programmeId: p.id }), { style: 'positive' }),
      execute(t.t('invitation.decline'), data('declineInvitation', { programmeId: p.id }), { validate: false }),
    ],
    refresh,
  );
}
