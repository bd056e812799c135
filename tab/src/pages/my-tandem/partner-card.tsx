/**
 * My partner (name, job, languages, topics and interests from the API's partner card) and "why you
 * two": the reasons the matching gave for the pair, in my language. A
 * published proposal is answered here too; a decline is private and may carry a reason that only the
 * programme manager sees.
 */
import { useState } from 'react';
import { Button, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import { useAction } from '../../hooks/use-action';
import { Section, Empty } from '../../components/layout';
import { StatusBadge } from '../../components/badges';
import { ErrorMessage } from '../../components/error-message';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Initials } from '../../components/initials';
import { currentPair, topicNames, type Overview } from './overview-data';

const useStyles = makeStyles({
  who: { display: 'flex', gap: '12px', alignItems: 'center' },
  name: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, display: 'block' },
  meta: { color: tokens.colorNeutralForeground2, display: 'block' },
  why: { margin: 0, paddingInlineStart: '20px', display: 'flex', flexDirection: 'column', gap: '4px' },
  whyTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

export function PartnerCard({ overview, onChange }: { overview: Overview; onChange(): Promise<void> }) {
  const s = useStyles();
  const { t, tk, reason, list, lang } = useT();
  const { api } = useApp();
  const [declining, setDeclining] = useState(false);
  const [declineReason, setDeclineReason] = useState('');
  const pair = currentPair(overview.pairs);
  const role = overview.participant.role;
  const answer = useAction(async (accept: boolean) => {
    if (!pair) return;
    if (accept) await api.confirmPair(overview.programme.id, pair.id);
    else await api.declinePair(overview.programme.id, pair.id, declineReason.trim() || undefined);
    setDeclining(false);
    await onChange();
  });
  if (!pair || !role) {
    return (
      <Section title={t('partner.title')} id="partner">
        <Empty title={t('partner.none')}>{t('partner.noneHint')}</Empty>
      </Section>
    );
  }
  const partnerRole = role === 'mentor' ? 'mentee' : 'mentor';
  const partner = pair.partner;
  const name = partner?.displayName || t(`partner.your.${partnerRole}`);
  const names = topicNames(overview.programme, lang);
  const details = [partner?.jobTitle, partner?.department, partner?.officeLocation].filter(Boolean);
  const mine = pair[role];
  const theirs = pair[partnerRole];
  return (
    <Section title={t('partner.title')} id="partner" actions={<StatusBadge kind="pairStatus" value={pair.status} />}>
      <div className={s.who}>
        <Initials name={name} />
        <div>
          <Text className={s.name} data-testid="partner-name">
            {name}
          </Text>
          {partner && (
            <Text className={s.meta}>
              {t(`partner.is.${partnerRole}`)}
              {details.length ? ` · ${details.join(' · ')}` : ''}
            </Text>
          )}
          {partner?.languages?.length ? (
            <Text className={s.meta}>
              {t('partner.languages', { languages: list(partner.languages.map((l) => tk(`language.${l}`))) })}
            </Text>
          ) : null}
          {partner?.topics?.length ? (
            <Text className={s.meta}>
              {t(`partner.topics.${partnerRole}`, { topics: list(partner.topics.map((x) => names[x] ?? x)) })}
            </Text>
          ) : null}
          {partner?.interests?.length ? (
            <Text className={s.meta}>{t('partner.interests', { interests: list(partner.interests) })}</Text>
          ) : null}
        </div>
      </div>
      {partner?.nextWish && (
        <div data-testid="next-wish">
          <h3 className={s.whyTitle}>{t('partner.nextWish')}</h3>
          <Text italic>“{partner.nextWish.text}”</Text>
        </div>
      )}
      {pair.explanation.reasons.length > 0 && (
        <div>
          <h3 className={s.whyTitle}>{t('partner.why')}</h3>
          <ul className={s.why} data-testid="why-you-two">
            {pair.explanation.reasons.map((r, i) => (
              <li key={i}>{reason(r, names)}</li>
            ))}
          </ul>
        </div>
      )}
      {pair.status === 'proposed' && mine.state === 'pending' && (
        <>
          <Text>{t('partner.answerPrompt')}</Text>
          <ErrorMessage error={answer.error} onDismiss={answer.clearError} />
          <div className={s.actions}>
            <Button appearance="primary" onClick={() => void answer.run(true)} disabled={answer.busy}>
              {t('partner.accept')}
            </Button>
            <Button onClick={() => setDeclining(true)} disabled={answer.busy}>
              {t('partner.decline')}
            </Button>
          </div>
        </>
      )}
      {pair.status === 'proposed' && mine.state === 'accepted' && theirs.state === 'pending' && (
        <Text>{t('partner.waiting', { name })}</Text>
      )}
      {pair.status === 'ended' && <Text>{t('partner.ended')}</Text>}
      <ConfirmDialog
        open={declining}
        title={t('partner.declineTitle')}
        confirmLabel={t('partner.decline')}
        onConfirm={() => void answer.run(false)}
        onCancel={() => setDeclining(false)}
        busy={answer.busy}
      >
        <Text block>{t('partner.declineText')}</Text>
        <Field label={t('partner.declineReason')} hint={t('partner.declineReasonHint')} style={{ marginTop: 12 }}>
          <Textarea value={declineReason} onChange={(_, v) => setDeclineReason(v.value)} maxLength={500} />
        </Field>
      </ConfirmDialog>
    </Section>
  );
}
