/** Feedback after each session (rating, held or not, what I learnt, next topic) and my feedback history. */
import { useId, useState } from 'react';
import { Button, Checkbox, Field, Label, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import { useAction } from '../../hooks/use-action';
import { Section, Empty } from '../../components/layout';
import { Modal } from '../../components/modal';
import { ErrorMessage } from '../../components/error-message';
import { RatingDots, RatingInput } from '../../components/rating-input';
import type { Feedback, Occurrence } from '../../api/types';
import { currentPair, seriesOf, type Overview } from './overview-data';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: '12px',
    justifyContent: 'space-between',
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    flexWrap: 'wrap',
  },
  text: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0, flex: '1 1 200px' },
  meta: { color: tokens.colorNeutralForeground2 },
  form: { display: 'flex', flexDirection: 'column', gap: '12px' },
});

interface SessionRow {
  occurrence: Occurrence;
  feedback?: Feedback;
}

export function pastSessions(overview: Overview, now: number): SessionRow[] {
  const pair = currentPair(overview.pairs);
  const series = seriesOf(overview, pair?.id);
  if (!pair || !series) return [];
  const mine = new Map(overview.feedback.filter((f) => f.pairId === pair.id).map((f) => [f.occurrenceIndex, f]));
  return series.occurrences
    .filter((o) => o.status !== 'cancelled' && Date.parse(o.start) <= now)
    .map((occurrence) => {
      const feedback = mine.get(occurrence.index);
      return feedback ? { occurrence, feedback } : { occurrence };
    })
    .reverse();
}

function FeedbackDialog({
  overview,
  row,
  onClose,
  onSaved,
}: {
  overview: Overview;
  row: SessionRow;
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const s = useStyles();
  const { t, date } = useT();
  const { api } = useApp();
  const ratingLabel = useId();
  const [rating, setRating] = useState<number | undefined>(row.feedback?.rating);
  const [held, setHeld] = useState(row.feedback?.held ?? true);
  const [learnt, setLearnt] = useState(row.feedback?.learnt ?? '');
  const [nextTopic, setNextTopic] = useState(row.feedback?.nextTopic ?? '');
  const [missing, setMissing] = useState(false);
  const pair = currentPair(overview.pairs);
  const save = useAction(async () => {
    if (!pair || !rating) return;
    await api.submitFeedback(overview.programme.id, {
      pairId: pair.id,
      occurrenceIndex: row.occurrence.index,
      rating,
      held,
      ...(learnt.trim() ? { learnt: learnt.trim() } : {}),
      ...(nextTopic.trim() ? { nextTopic: nextTopic.trim() } : {}),
    });
    await onSaved();
    onClose();
  });
  return (
    <Modal
      open
      title={t('feedback.dialogTitle', { n: row.occurrence.index + 1, date: date(row.occurrence.start) })}
      onClose={onClose}
      onSubmit={() => {
        setMissing(!rating);
        if (rating) void save.run();
      }}
      testId="feedback-dialog"
      actions={
        <>
          <Button type="button" onClick={onClose} disabled={save.busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" appearance="primary" disabled={save.busy}>
            {t('feedback.send')}
          </Button>
        </>
      }
    >
      <div className={s.form}>
        <ErrorMessage error={save.error} onDismiss={save.clearError} />
        <Checkbox checked={held} onChange={(_, d) => setHeld(Boolean(d.checked))} label={t('feedback.held')} />
        <Field validationMessage={missing ? t('feedback.ratingMissing') : undefined}>
          <Label id={ratingLabel} required>
            {t('feedback.rating')}
          </Label>
          <RatingInput value={rating} onChange={setRating} labelledBy={ratingLabel} />
        </Field>
        <Field label={t('feedback.learnt')} hint={t('feedback.privateHint')}>
          <Textarea value={learnt} onChange={(_, d) => setLearnt(d.value)} maxLength={1000} resize="vertical" />
        </Field>
        <Field
          label={t('feedback.nextTopic')}
          hint={overview.participant.role === 'mentee' ? t('feedback.nextTopicShared') : undefined}
        >
          <Textarea value={nextTopic} onChange={(_, d) => setNextTopic(d.value)} maxLength={280} resize="vertical" />
        </Field>
      </div>
    </Modal>
  );
}

export function FeedbackCard({ overview, onChange }: { overview: Overview; onChange(): Promise<void> }) {
  const s = useStyles();
  const { t, date } = useT();
  const { now } = useApp();
  const [open, setOpen] = useState<SessionRow | undefined>();
  const rows = pastSessions(overview, now());
  return (
    <Section title={t('feedback.title')} id="feedback">
      {rows.length === 0 ? (
        <Empty title={t('feedback.none')}>{t('feedback.noneHint')}</Empty>
      ) : (
        <ul className={s.list} data-testid="feedback-history">
          {rows.map((row) => (
            <li key={row.occurrence.index} className={s.item}>
              <div className={s.text}>
                <Text weight="semibold">
                  {t('feedback.session', { n: row.occurrence.index + 1, date: date(row.occurrence.start) })}
                </Text>
                {row.feedback ? (
                  <>
                    <span>
                      <RatingDots
                        value={row.feedback.rating}
                        label={t('feedback.ratedAria', { rating: row.feedback.rating })}
                      />{' '}
                      <Text className={s.meta}>
                        {row.feedback.held ? t('feedback.wasHeld') : t('feedback.notHeld')}
                      </Text>
                    </span>
                    {row.feedback.learnt && <Text className={s.meta}>“{row.feedback.learnt}”</Text>}
                  </>
                ) : (
                  <Text className={s.meta}>{t('feedback.open')}</Text>
                )}
              </div>
              <Button
                appearance={row.feedback ? 'subtle' : 'primary'}
                size="small"
                onClick={() => setOpen(row)}
                aria-label={t(row.feedback ? 'feedback.editAria' : 'feedback.giveAria', {
                  n: row.occurrence.index + 1,
                })}
              >
                {t(row.feedback ? 'feedback.edit' : 'feedback.give')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {open && <FeedbackDialog overview={overview} row={open} onClose={() => setOpen(undefined)} onSaved={onChange} />}
    </Section>
  );
}
