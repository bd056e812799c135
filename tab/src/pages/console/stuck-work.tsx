/**
 * Work that is stuck (bookings Graph refused or that found no slot; for operators also bot messages
 * given up and failed timer runs), each with a retry that hands it back to the job that does it.
 */
import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import { useResource } from '../../hooks/use-resource';
import { Section, Loading, Empty } from '../../components/layout';
import { ErrorMessage } from '../../components/error-message';
import { DataTable } from '../../components/data-table';

export function StuckWork() {
  const { t, dateTime } = useT();
  const { api } = useApp();
  const stuck = useResource(() => api.stuckWork(), [api]);
  const [busy, setBusy] = useState<string>();
  const [failed, setFailed] = useState<unknown>();
  const retry = (key: string, action: () => Promise<void>) => {
    setBusy(key);
    setFailed(undefined);
    void action()
      .then(() => stuck.reload())
      .catch((err: unknown) => setFailed(err))
      .finally(() => setBusy(undefined));
  };
  const data = stuck.data;
  const nothing = data && !data.bookings.length && !data.outbox?.length && !data.timers?.length;
  return (
    <Section title={t('stuck.title')} id="stuck-work">
      {failed ? <ErrorMessage error={failed} /> : null}
      {stuck.error ? (
        <ErrorMessage error={stuck.error} onRetry={() => void stuck.reload()} />
      ) : !data ? (
        <Loading label={t('common.loading')} />
      ) : nothing ? (
        <Empty title={t('stuck.none')} />
      ) : (
        <>
          {data.bookings.length ? (
            <DataTable
              caption={t('stuck.bookings', { count: data.counts.bookings ?? data.bookings.length })}
              testId="stuck-bookings"
              rowKey={(b) => `${b.programmeId}/${b.seriesId}`}
              rows={data.bookings}
              columns={[
                { key: 'since', header: t('stuck.since'), cell: (b) => dateTime(b.since) },
                { key: 'series', header: t('stuck.series'), cell: (b) => b.pairId ?? b.seriesId },
                { key: 'problem', header: t('stuck.problem'), cell: (b) => b.problem },
                {
                  key: 'retry',
                  header: '',
                  cell: (b) => (
                    <Button
                      size="small"
                      disabled={busy !== undefined}
                      onClick={() => retry(b.seriesId, () => api.retryStuckBooking(b.programmeId, b.seriesId))}
                      data-testid={`retry-booking-${b.seriesId}`}
                    >
                      {t('stuck.retry')}
                    </Button>
                  ),
                },
              ]}
            />
          ) : null}
          {data.outbox?.length ? (
            <DataTable
              caption={t('stuck.outbox', { count: data.counts.outbox ?? data.outbox.length })}
              testId="stuck-outbox"
              rowKey={(m) => `${m.batchId}/${m.id}`}
              rows={data.outbox}
              columns={[
                { key: 'since', header: t('stuck.since'), cell: (m) => dateTime(m.createdAt) },
                { key: 'recipient', header: t('stuck.recipient'), cell: (m) => m.recipient },
                { key: 'problem', header: t('stuck.problem'), cell: (m) => `${m.lastError} (${m.attempts}×)` },
                {
                  key: 'retry',
                  header: '',
                  cell: (m) => (
                    <Button
                      size="small"
                      disabled={busy !== undefined}
                      onClick={() => retry(m.id, () => api.retryStuckMessage(m.batchId, m.id))}
                      data-testid={`retry-message-${m.id}`}
                    >
                      {t('stuck.retry')}
                    </Button>
                  ),
                },
              ]}
            />
          ) : null}
          {data.timers?.length ? (
            <DataTable
              caption={t('stuck.timers')}
              testId="stuck-timers"
              rowKey={(r) => r.name}
              rows={data.timers}
              columns={[
                { key: 'name', header: t('stuck.timer'), cell: (r) => r.name },
                { key: 'since', header: t('stuck.since'), cell: (r) => (r.startedAt ? dateTime(r.startedAt) : '') },
                { key: 'problem', header: t('stuck.problem'), cell: (r) => r.error },
              ]}
            />
          ) : null}
        </>
      )}
    </Section>
  );
}
