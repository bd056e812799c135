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
import { useResource } from '../../hooks/use-resource';
import { PhaseSteps } from '../../components/phase-steps';
import { Section } from '../../components/layout';
import { StatusBadge } from '../../components/badges';
import { ErrorMessage } from '../../components/error-message';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ProfileForm } from './profile-form';
import { draftOf, profileOf } from './profile-options';
import { ApiError } from '../../api/problem';
import { TrainingChecklist } from './training-checklist';
import { Commitment } from './commitment';
import { StepBack } from './step-back';

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
  // The opt-in form's time zone starts from the person's Outlook mailbox, not the browser (UTC when
  // fresh); read while the invitation is shown, so the form opens at once. Without it: the browser's.
  const invitedNow = participant.status === 'invited' && OPEN.includes(programme.phase);
  const mailbox = useResource(async () => (invitedNow ? api.myTimeZone() : undefined), [api, invitedNow]);
  const mailboxZone = mailbox.data?.timeZone;
  const [confirm, setConfirm] = useState<'leave' | 'pause' | undefined>();
  const [done, setDone] = useState<MessageKey | undefined>();
  const [stepped, setStepped] = useState<string | undefined>();
  const livePair = currentPair(overview.pairs);
  const bound = livePair && (livePair.status === 'confirmed' || livePair.status === 'active') ? livePair : undefined;
  const pause = bound ? seriesOf(overview, bound.id)?.pause : undefined;
  const pausedUntil = pause && pause.until > new Date(now()).toISOString().slice(0, 10) ? pause.until : undefined;
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
  // With training modules the mentor ticks each module; the one-click confirmation is for programmes without.
  const trainingModules = Boolean(programme.trainingModules?.length);

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
      {stepped && (
        <MessageBar intent="success" data-testid="step-back-done">
          <MessageBarBody>{stepped}</MessageBarBody>
        </MessageBar>
      )}
      {!stepped && pausedUntil && (
        <MessageBar intent="info">
          <MessageBarBody>{t('stepBack.pausedUntil', { date: date(`${pausedUntil}T12:00:00Z`) })}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={act.error} onDismiss={act.clearError} />
      {participant.status === 'invited' && OPEN.includes(programme.phase) && <Commitment programme={programme} />}
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
            initial={draftOf(participant, participant.locale, mailboxZone)}
            consentVersion={programme.consentTextVersion}
            submitLabel={t('optIn.submit')}
            busy={optIn.busy}
            onSubmit={(d) => void optIn.run(d)}
            onCancel={() => setJoining(false)}
            serverErrors={optIn.error instanceof ApiError ? optIn.error.problem.errors : undefined}
          />
        </>
      )}
      {needsTraining && trainingModules && (
        <TrainingChecklist
          programme={programme}
          participant={participant}
          onChange={async () => {
            await Promise.all([onChange(), reloadMe()]);
          }}
        />
      )}
      {participant.status !== 'invited' && participant.status !== 'left' && (
        <div className={s.actions}>
          {needsTraining && !trainingModules && (
            <Button appearance="primary" onClick={() => void act.run('training')} disabled={act.busy}>
              {t('status.completeTraining')}
            </Button>
          )}
          {/* In a pair: pause until a date (the pair stays) or end this pair; "Pause" (out of matching) otherwise. */}
          {participant.status === 'opted-in' && bound && (
            <StepBack
              programmeId={programme.id}
              pair={bound}
              booked={bound.status === 'active' && seriesOf(overview, bound.id)?.status === 'booked'}
              onDone={async (message) => {
                setDone(undefined);
                setStepped(message);
                await Promise.all([onChange(), reloadMe()]);
              }}
            />
          )}
          {participant.status === 'opted-in' && !bound && programme.phase !== 'closed' && (
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
