import { topicNamesById, type OrgUser, type Programme, type Reason, type Role, type Topic } from '@tandem/core/model';
import { formatReason } from '@tandem/core/matching';
import type { Translator } from '../i18n/translate';
import {
  bullets,
  card,
  execute,
  facts,
  heading,
  notice,
  refreshWith,
  showCard,
  subheading,
  text,
  textInput,
  type AdaptiveCard,
  type CardElement,
} from './elements';
import { data, languageName, topicNames } from './common';

/** Where the proposal stands for the person looking at it. */
export type ProposalState = 'pending' | 'accepted' | 'confirmed' | 'declined' | 'partner-declined' | 'ended';

export interface ProposalCardModel {
  programme: Pick<Programme, 'id' | 'name' | 'topics'>;
  pairId: string;
  userId: string;
  role: Role;
  partner: Pick<OrgUser, 'displayName' | 'jobTitle' | 'department' | 'officeLocation'> & {
    languages?: string[];
    interests?: string[];
    topics?: string[];
  };
  reasons: Reason[];
  state: ProposalState;
  notice?: string;
}

/** A reason's parameters with topic ids turned into the reader's topic names (never an id on a card). */
function namedParams(
  params: Reason['params'] | undefined,
  names: Record<string, string>,
): NonNullable<Reason['params']> {
  const out: NonNullable<Reason['params']> = {};
  for (const [key, value] of Object.entries(params ?? {}))
    out[key] = Array.isArray(value)
      ? value.map((v) => names[v] ?? v)
      : typeof value === 'string'
        ? (names[value] ?? value)
        : value;
  return out;
}

/** The "why you two" lines in the reader's language; a score the manager set by hand is not shown. */
export function reasonLines(t: Translator, reasons: Reason[], topics: Topic[] = []): string[] {
  const names = topicNamesById(topics, t.locale);
  const lines = reasons
    .filter((r) => r.key !== 'reason.customScore')
    .map((r) => formatReason(r.key, namedParams(r.params, names), t.locale))
    // A reason whose parameters did not come along would show "{name}": leave it out.
    .filter((line) => !/\{\w+\}/.test(line) && !line.startsWith('reason.'));
  return lines.length ? lines : [t.t('reason.generic')];
}

/** The match proposal: the partner's profile, why this pair, accept or decline (privately, blameless). */
export function proposalCard(t: Translator, model: ProposalCardModel): AdaptiveCard {
  const { programme: p, partner } = model;
  const ids = { programmeId: p.id, pairId: model.pairId };
  const refresh = refreshWith(data('refresh', { card: 'proposal', ...ids }), [model.userId]);
  const body: CardElement[] = [
    heading(t.t('proposal.title', { programme: p.name })),
    ...(model.notice ? [notice(model.notice)] : []),
  ];
  if (model.state === 'declined' || model.state === 'partner-declined' || model.state === 'ended') {
    const key =
      model.state === 'declined'
        ? 'proposal.declined'
        : model.state === 'partner-declined'
          ? 'proposal.partnerDeclined'
          : 'proposal.ended';
    return card([...body, notice(t.t(key))], [], refresh);
  }
  body.push(
    text(t.t('proposal.intro', { partner: partner.displayName, role: t.t(`proposal.role.${model.role}`) })),
    subheading(t.t('proposal.profile', { partner: partner.displayName })),
    facts([
      [t.t('proposal.jobTitle'), partner.jobTitle],
      [t.t('proposal.department'), partner.department],
      [t.t('proposal.office'), partner.officeLocation],
      [
        t.t('proposal.languages'),
        partner.languages?.length ? t.list(partner.languages.map((l) => languageName(t, l))) : undefined,
      ],
      [t.t('proposal.interests'), partner.interests?.length ? partner.interests.join(', ') : undefined],
      [t.t('proposal.topics'), partner.topics?.length ? t.list(topicNames(t, p.topics, partner.topics)) : undefined],
    ]),
    subheading(t.t('proposal.why')),
    bullets(reasonLines(t, model.reasons, p.topics)),
  );
  if (model.state === 'accepted' || model.state === 'confirmed') {
    const key = model.state === 'accepted' ? 'proposal.waiting' : 'proposal.confirmed';
    return card([...body, notice(t.t(key, { partner: partner.displayName }), 'good')], [], refresh);
  }
  return card(
    body,
    [
      execute(t.t('proposal.accept'), data('acceptProposal', ids), { style: 'positive', validate: false }),
      showCard(t.t('proposal.decline'), {
        body: [
          subheading(t.t('proposal.declineTitle')),
          text(t.t('proposal.declineNote', { partner: partner.displayName }), { subtle: true }),
          textInput('reason', t.t('proposal.reason'), { multiline: true }),
        ],
        actions: [execute(t.t('proposal.declineConfirm'), data('declineProposal', ids), { style: 'destructive' })],
      }),
    ],
    refresh,
  );
}
