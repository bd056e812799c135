/**
 * My status in the programme: where the programme stands (the four steps), what is next for me, and
 * what I can do: opt in, confirm my mentor training, pause, resume, leave (always, without blame).
 */
import { useState } from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import type { Overview } from './overview-data';
import { currentPair, seriesOf } from './overview-data';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import type { MessageKey, Params } from '../../i18n/translate';
import { useAction } from '../../hooks/use-action';
import { PhaseSteps } from '../../components/phase-steps';
import { Section } from '../../components/layout';
import { StatusBadge } from '../../components/badges';
import { ErrorMessage } from '../../components/error-message';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ProfileForm } from './profile-form';
import { draftOf, profileOf } from './profile-options';
import { ApiError } from '../../api/problem';

const useStyles = makeStyles({
  badges: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center' },
  next: {
    padding: '10px 12px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    borderInlineStartWidth: tokens.strokeWidthThickest,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
  },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  description: { color: tokens.colorNeutralForeground2 },
});

const OPEN = ['preparation', 'matching'];

/** The one sentence that tells a person what happens next for them. */
export function nextStep(o: Overview, now: number): [MessageKey, Params] | [MessageKey] {
  const { participant: p, programme } = o;
  if (p.status === 'left') return ['next.left'];
  if (p.status === 'paused') return ['next.paused'];
  if (p.status === 'invited') return OPEN.includes(programme.phase) ? ['next.invited'] : ['next.closed'];
  const pair = currentPair(o.pairs);
  const role = p.role;
  if (pair && pair.status !== 'ended' && pair.status !== 'declined' && role) {
    if (pair.status === 'proposed') return pair[role].state === 'pending' ? ['next.answer'] : ['next.waitPartner'];
    const series = seriesOf(o, pair.id);
    if (pair.status === 'confirmed') {
      // "Being booked" only while it is: in execution, queued or under way (the API books within a minute).
      if (series?.status === 'no-slot' || pair.booking === 'no-slot') return ['next.noSlot'];
      if (programme.phase !== 'execution') return ['next.bookingAtStart'];
      if (pair.booking === 'failed') return ['next.bookingFailed'];
      return ['next.booking'];
    }
    const upcoming = series?.occurrences.find((x) => x.status !== 'cancelled' && Date.parse(x.end) > now);
    if (series?.status === 'no-slot') return ['next.noSlot'];
    if (upcoming) return ['next.session', { when: upcoming.start }];
    return ['next.done'];
  }
  if (role === 'mentor' && programme.trainingRequired && !p.trainingCompletedAt && programme.phase !== 'steering')
    return ['next.training'];
  if (programme.phase === 'steering' || programme.phase === 'closed') return ['next.steering'];
  return ['next.matching'];
}

export function StatusCard({ overview, onChange }: { overview: Overview; onChange(): Promise<void> }) {
  const s = useStyles();
  const { t, date, dateTime } = useT();
  const { api, reloadMe, now } = useApp();
  const { programme, participant } = overview;
  const [joining, setJoining] = useState(false);
  const [confirm, setConfirm] = useState<'leave' | 'pause' | undefined>();
  const [done, setDone] = useState<MessageKey | undefined>();
  const after = async (message: MessageKey) => {
    setDone(message);
    await Promise.all([onChange(), reloadMe()]);
  };
  const optIn = useAction(async (draft: ReturnType<typeof draftOf>) => {
    await api.optIn(programme.id, { profile: profileOf(draft), consentTextVersion: programme.consentTextVersion });
    setJoining(false);
    await after('done.optedIn');
  });
  const act = useAction(async (what: 'pause' | 'resume' | 'leave' | 'training') => {
    if (what === 'training') await api.recordTraining(programme.id, participant.userId);
    else await api[what](programme.id);
    setConfirm(undefined);
    await after(`done.${what}` as MessageKey);
  });
  const [key, params] = nextStep(overview, now());
  const nextParams = params?.when ? { when: dateTime(String(params.when)) } : params;
  const canResume = participant.status === 'paused' && !['steering', 'closed'].includes(programme.phase);
  const needsTraining =
    participant.status === 'opted-in' &&
    participant.role === 'mentor' &&
    programme.trainingRequired &&
    !participant.trainingCompletedAt;

  return (
    <Section title={programme.name} id="status">
      {programme.description && <Text className={s.description}>{programme.description}</Text>}
      <PhaseSteps phase={programme.phase} />
      <div className={s.badges}>
        <StatusBadge kind="status" value={participant.status} />
        {participant.role && <Text size={200}>{t(`role.${participant.role}`)}</Text>}
        {participant.role === 'mentor' && programme.trainingRequired && (
          <Text size={200}>
            ·{' '}
            {participant.trainingCompletedAt
              ? t('status.trainedOn', { date: date(participant.trainingCompletedAt) })
              : t('status.notTrained')}
          </Text>
        )}
      </div>
      <div className={s.next} data-testid="next-step">
        {t(key, nextParams)}
      </div>
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{t(done)}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={act.error} onDismiss={act.clearError} />
      {participant.status === 'invited' && OPEN.includes(programme.phase) && !joining && (
        <div className={s.actions}>
          <Button appearance="primary" onClick={() => setJoining(true)}>
            {t('optIn.start')}
          </Button>
          <Button onClick={() => setConfirm('leave')}>{t('optIn.decline')}</Button>
        </div>
      )}
      {joining && (
        <>
          <ErrorMessage error={optIn.error} onDismiss={optIn.clearError} />
          <ProfileForm
            topics={programme.topics}
            initial={draftOf(participant, participant.locale)}
            consentVersion={programme.consentTextVersion}
            submitLabel={t('optIn.submit')}
            busy={optIn.busy}
            onSubmit={(d) => void optIn.run(d)}
            onCancel={() => setJoining(false)}
            serverErrors={optIn.error instanceof ApiError ? optIn.error.problem.errors : undefined}
          />
        </>
      )}
      {participant.status !== 'invited' && participant.status !== 'left' && (
        <div className={s.actions}>
          {needsTraining && (
            <Button appearance="primary" onClick={() => void act.run('training')} disabled={act.busy}>
              {t('status.completeTraining')}
            </Button>
          )}
          {participant.status === 'opted-in' && programme.phase !== 'closed' && (
            <Button onClick={() => setConfirm('pause')}>{t('status.pause')}</Button>
          )}
          {canResume && (
            <Button appearance="primary" onClick={() => void act.run('resume')} disabled={act.busy}>
              {t('status.resume')}
            </Button>
          )}
          <Button onClick={() => setConfirm('leave')}>{t('status.leave')}</Button>
        </div>
      )}
      <ConfirmDialog
        open={confirm !== undefined}
        title={t(
          confirm === 'pause'
            ? 'status.pauseTitle'
            : participant.status === 'invited'
              ? 'optIn.declineTitle'
              : 'status.leaveTitle',
        )}
        confirmLabel={t(
          confirm === 'pause' ? 'status.pause' : participant.status === 'invited' ? 'optIn.decline' : 'status.leave',
        )}
        onConfirm={() => confirm && void act.run(confirm)}
        onCancel={() => setConfirm(undefined)}
        busy={act.busy}
        danger={confirm === 'leave'}
      >
        {t(
          confirm === 'pause'
            ? 'status.pauseText'
            : participant.status === 'invited'
              ? 'optIn.declineText'
              : 'status.leaveText',
        )}
      </ConfirmDialog>
    </Section>
  );
}
