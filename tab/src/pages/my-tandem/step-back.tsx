/**
 * Stepping back from a pair without leaving: pause the sessions until a date (the pair stays, the
 * sessions before it are cancelled in both calendars) or end this pair (no reason, no blame, both
 * re-matched). Each behind a dialog; leaving the programme stays on the status card.
 */
import { useState } from 'react';
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorMessage } from '../../components/error-message';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import { useAction } from '../../hooks/use-action';
import type { PairView } from '../../api/types';

const DAY = 86_400_000;
/** As far ahead as the API lets a pause reach (app/session-actions.ts MAX_PAUSE_DAYS). */
const MAX_PAUSE_DAYS = 183;

export function StepBack({
  programmeId,
  pair,
  booked,
  onDone,
}: {
  programmeId: string;
  pair: PairView;
  /** The pair's sessions are booked: they can be paused. */
  booked: boolean;
  onDone(message: string): Promise<void>;
}) {
  const { t, date } = useT();
  const { api, now } = useApp();
  const [open, setOpen] = useState<'pause' | 'end' | undefined>();
  const today = now();
  const min = new Date(today + DAY).toISOString().slice(0, 10);
  const max = new Date(today + MAX_PAUSE_DAYS * DAY).toISOString().slice(0, 10);
  const [until, setUntil] = useState(new Date(today + 14 * DAY).toISOString().slice(0, 10));
  const partner = pair.partner?.displayName ?? '';
  const pause = useAction(async () => {
    const result = await api.pauseUntil(programmeId, until);
    setOpen(undefined);
    const count = result.series.reduce((n, s) => n + s.cancelled.length, 0);
    await onDone(t('stepBack.paused', { date: date(`${until}T12:00:00Z`), count }));
  });
  const end = useAction(async () => {
    await api.endPair(programmeId, pair.id);
    setOpen(undefined);
    await onDone(t('stepBack.ended'));
  });
  return (
    <>
      {booked && <Button onClick={() => setOpen('pause')}>{t('stepBack.pauseUntil')}</Button>}
      <Button onClick={() => setOpen('end')}>{t('stepBack.end')}</Button>
      <ConfirmDialog
        open={open === 'pause'}
        title={t('stepBack.pauseUntilTitle')}
        confirmLabel={t('stepBack.pauseUntilConfirm')}
        onConfirm={() => void pause.run()}
        onCancel={() => (setOpen(undefined), pause.clearError())}
        busy={pause.busy}
      >
        <Text as="p">{t('stepBack.pauseUntilText', { partner })}</Text>
        <ErrorMessage error={pause.error} onDismiss={pause.clearError} />
        <Field label={t('stepBack.firstDayBack')} required>
          <Input
            type="date"
            min={min}
            max={max}
            value={until}
            onChange={(_, d) => setUntil(d.value)}
            data-testid="pause-until-date"
          />
        </Field>
      </ConfirmDialog>
      <ConfirmDialog
        open={open === 'end'}
        title={t('stepBack.endTitle', { partner })}
        confirmLabel={t('stepBack.endConfirm')}
        onConfirm={() => void end.run()}
        onCancel={() => (setOpen(undefined), end.clearError())}
        busy={end.busy}
        danger
      >
        <Text as="p">{t('stepBack.endText', { partner })}</Text>
        <ErrorMessage error={end.error} onDismiss={end.clearError} />
      </ConfirmDialog>
    </>
  );
}
