/**
 * Moving sessions from My tandem: one session to a time when both people are free that week (the
 * API reads Outlook free/busy), or the rest of the series to another weekday and time. The partner is
 * told by the bot either way.
 */
import { useEffect, useState } from 'react';
import { Button, Field, Input, Radio, RadioGroup, Select, Spinner, Text } from '@fluentui/react-components';
import { Modal } from '../../components/modal';
import { ErrorMessage } from '../../components/error-message';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import { useAction } from '../../hooks/use-action';
import type { FreeSlot } from '../../api/session-endpoints';
import type { MeetingSeries } from '../../api/types';
import type { Weekday } from '@tandem/core/model';

const WORKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

export function MoveSessionDialog({
  programmeId,
  series,
  index,
  partnerName,
  onClose,
  onMoved,
}: {
  programmeId: string;
  series: MeetingSeries;
  index: number;
  partnerName: string;
  onClose(): void;
  onMoved(message: string): Promise<void>;
}) {
  const { t, dateTime } = useT();
  const { api } = useApp();
  const [slots, setSlots] = useState<FreeSlot[] | undefined>();
  const [chosen, setChosen] = useState<string>('');
  const load = useAction(async () => {
    const found = await api.freeSlots(programmeId, series.id, index);
    setSlots(found.slots);
    setChosen(found.slots[0]?.start ?? '');
  });
  useEffect(() => {
    void load.run();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the session changes, not when the action object does
  }, [programmeId, series.id, index]);
  const move = useAction(async () => {
    await api.moveSession(programmeId, series.id, index, chosen);
    await onMoved(t('move.moved', { n: index + 1, when: dateTime(chosen), partner: partnerName }));
  });
  return (
    <Modal
      open
      title={t('move.title', { n: index + 1 })}
      onClose={onClose}
      onSubmit={() => chosen && void move.run()}
      testId="move-session-dialog"
      actions={
        <>
          <Button type="button" appearance="secondary" onClick={onClose} disabled={move.busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" appearance="primary" disabled={move.busy || !chosen}>
            {t('move.confirm')}
          </Button>
        </>
      }
    >
      <ErrorMessage error={load.error ?? move.error} onDismiss={() => (load.clearError(), move.clearError())} />
      {slots === undefined && !load.error && <Spinner size="tiny" label={t('move.loading')} />}
      {slots && slots.length === 0 && <Text>{t('move.none', { partner: partnerName })}</Text>}
      {slots && slots.length > 0 && (
        <Field label={t('move.intro', { partner: partnerName })}>
          <RadioGroup value={chosen} onChange={(_, d) => setChosen(d.value)} aria-label={t('move.slots')}>
            {slots.map((slot) => (
              <Radio key={slot.start} value={slot.start} label={dateTime(slot.start)} />
            ))}
          </RadioGroup>
        </Field>
      )}
    </Modal>
  );
}

export function MoveRestDialog({
  programmeId,
  series,
  partnerName,
  onClose,
  onMoved,
}: {
  programmeId: string;
  series: MeetingSeries;
  partnerName: string;
  onClose(): void;
  onMoved(message: string): Promise<void>;
}) {
  const { t, tk } = useT();
  const { api } = useApp();
  const [weekday, setWeekday] = useState<Weekday>(series.weekday ?? 'tue');
  const [time, setTime] = useState('10:00');
  const move = useAction(async () => {
    await api.moveRestOfSeries(programmeId, series.id, weekday, time);
    await onMoved(t('move.restMoved', { weekday: tk(`weekday.${weekday}`), time, partner: partnerName }));
  });
  return (
    <Modal
      open
      title={t('move.restTitle')}
      onClose={onClose}
      onSubmit={() => void move.run()}
      testId="move-rest-dialog"
      actions={
        <>
          <Button type="button" appearance="secondary" onClick={onClose} disabled={move.busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" appearance="primary" disabled={move.busy || !time}>
            {t('move.restConfirm')}
          </Button>
        </>
      }
    >
      <Text>{t('move.restText', { zone: series.timeZone, partner: partnerName })}</Text>
      <ErrorMessage error={move.error} onDismiss={move.clearError} />
      <Field label={t('move.weekday')}>
        <Select value={weekday} onChange={(_, d) => setWeekday(d.value as Weekday)}>
          {WORKDAYS.map((d) => (
            <option key={d} value={d}>
              {tk(`weekday.${d}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('move.time')}>
        <Input type="time" value={time} onChange={(_, d) => setTime(d.value)} />
      </Field>
    </Modal>
  );
}
