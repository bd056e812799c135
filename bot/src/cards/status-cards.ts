import type { Phase, Programme } from '@tandem/core/model';
import type { MessageKey, Translator } from '../i18n/translate';
import {
  bullets,
  card,
  heading,
  notice,
  openUrl,
  subheading,
  text,
  type AdaptiveCard,
  type CardElement,
} from './elements';

export interface PairEndedCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  programmeClosed: boolean;
}

/** A pair ended (the partner left or paused, or the programme closed): blameless, no reasons given. */
export function pairEndedCard(t: Translator, model: PairEndedCardModel): AdaptiveCard {
  return card([
    heading(t.t('pairEnded.title', { programme: model.programme.name })),
    text(t.t(model.programmeClosed ? 'pairEnded.closed' : 'pairEnded.text')),
  ]);
}

export interface PhaseCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  phase: Phase;
}

/** The programme moved to another phase. */
export function phaseCard(t: Translator, model: PhaseCardModel): AdaptiveCard {
  const line = t.t(`phase.${model.phase}` as MessageKey);
  return card([
    heading(t.t('phase.title', { programme: model.programme.name, phase: line.split(' – ')[0] ?? line })),
    text(line),
  ]);
}

/**
 * What a manager hears about a pair: the help that fits (app/privacy/visibility.ts: `meeting-rhythm`
 * shown as no recent meeting, `check-in`; never a rating), plus booking and decline notices.
 */
export const HEALTH_ISSUES = ['no-recent-meeting', 'check-in', 'no-slot', 'declined'] as const;
export type HealthIssue = (typeof HEALTH_ISSUES)[number];

export interface PairHealthCardModel {
  programme: Pick<Programme, 'id' | 'name'>;
  issues: Array<{ mentorName: string; menteeName: string; issue: HealthIssue; declineReason?: string }>;
  /** Link to the programme in the admin tab, when the app's deep link is known. */
  openUrl?: string;
}

/** A notice to the programme manager about pairs that may need attention. */
export function pairHealthCard(t: Translator, model: PairHealthCardModel): AdaptiveCard {
  const groups: CardElement[] = [];
  for (const issue of HEALTH_ISSUES) {
    const rows = model.issues.filter((i) => i.issue === issue);
    if (!rows.length) continue;
    groups.push(
      subheading(t.t(`health.issue.${issue}`)),
      bullets(
        rows.map((r) => {
          const pair = t.t('health.pair', { mentor: r.mentorName, mentee: r.menteeName });
          return r.declineReason ? `${pair} — ${t.t('health.declineReason', { reason: r.declineReason })}` : pair;
        }),
      ),
    );
  }
  return card(
    [
      heading(t.t('health.title', { programme: model.programme.name })),
      text(t.t('health.intro')),
      ...groups,
      ...(model.issues.length ? [] : [notice('—')]),
    ],
    model.openUrl ? [openUrl(t.t('health.open'), model.openUrl)] : [],
  );
}

/** The answer to an action on something the person may not (or no longer) act on; reveals nothing. */
export function unavailableCard(t: Translator): AdaptiveCard {
  return card([heading('Tandem'), text(t.t('common.unavailable'))]);
}
