/**
 * Step 3, execution: every pair with its booking and sessions held vs planned, the next session, and
 * pair-health alerts for the manager to follow up: that a pair needs attention and what help fits
 * (finding a meeting rhythm, a neutral check-in), from the API (GET …/pair-health, the rule of the
 * report and the daily notices); never a rating, or that one was low. A failed booking shows its reason from the series, and
 * a pair not booked yet can be booked now ("Book now", or "Retry" after a failure or no slot).
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useAction } from '../../../hooks/use-action';
import { useApp } from '../../../app/app-context';
import { useT } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/translate';
import { useResource } from '../../../hooks/use-resource';
import { Section, Empty, Loading } from '../../../components/layout';
import { ErrorMessage } from '../../../components/error-message';
import { DataTable } from '../../../components/data-table';
import { Badge, StatusBadge } from '../../../components/badges';
import type { MeetingSeries, PairAttention, PairHelp, PairView } from '../../../api/types';
import { useWorkspace } from '../workspace-data';

const useStyles = makeStyles({
  alerts: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: '6px' },
  flags: { display: 'flex', gap: '4px', flexWrap: 'wrap' },
  meta: { color: tokens.colorNeutralForeground2 },
});

export interface PairRow {
  pair: PairView;
  series?: MeetingSeries;
  held: number;
  planned: number;
  next?: string;
  help: PairHelp[];
  /** With 'meeting-rhythm': no session held since then. */
  since?: string;
}

/** Rows for the table: sessions from the meetings, the help that fits from the API's pair health. */
export function pairRows(
  pairs: readonly PairView[],
  meetings: readonly MeetingSeries[],
  health: readonly PairAttention[],
  now: Date,
): PairRow[] {
  const iso = now.toISOString();
  const healthOf = new Map(health.map((h) => [h.pairId, h]));
  return pairs
    .filter((p) => p.publishedAt && p.status !== 'declined' && p.endReason !== 'excluded')
    .map((pair) => {
      const series = meetings.find((m) => m.kind === 'pair-series' && m.pairId === pair.id);
      const due = (series?.occurrences ?? []).filter((o) => o.status !== 'cancelled' && o.start <= iso);
      const next = (series?.occurrences ?? []).find((o) => o.status !== 'cancelled' && o.start > iso)?.start;
      const h = healthOf.get(pair.id);
      return {
        pair,
        ...(series ? { series } : {}),
        held: due.filter((o) => o.status === 'held').length,
        planned: due.length,
        ...(next ? { next } : {}),
        help: h?.help ?? [],
        ...(h?.since ? { since: h.since } : {}),
      };
    })
    .sort((a, b) => b.help.length - a.help.length || a.pair.id.localeCompare(b.pair.id));
}

/** What the manager can do about a pair's booking in execution: book it now, retry it, or nothing. */
export function bookingAction(r: PairRow, phase: string): 'bookNow' | 'retryBooking' | undefined {
  if (phase !== 'execution' || r.pair.booking === 'booked' || r.pair.booking === 'booking') return undefined;
  if (r.pair.status !== 'confirmed' && r.pair.status !== 'active') return undefined;
  return r.pair.booking === 'failed' || r.pair.booking === 'no-slot' || r.series?.status === 'no-slot'
    ? 'retryBooking'
    : 'bookNow';
}

export function PairsAndMeetings() {
  const s = useStyles();
  const { t, date, dateTime } = useT();
  const { api, now } = useApp();
  const w = useWorkspace();
  const meetings = useResource(() => api.meetings(w.programme.id), [api, w.programme.id, w.pairs]);
  const health = useResource(() => api.pairHealth(w.programme.id), [api, w.programme.id, w.pairs]);
  const book = useAction(async (pairId: string) => {
    await api.bookPair(w.programme.id, pairId);
    await Promise.all([w.reload(), meetings.reload()]);
  });
  if (!meetings.data)
    return meetings.error ? <ErrorMessage error={meetings.error} /> : <Loading label={t('common.loading')} />;
  const rows = pairRows(w.pairs, meetings.data, health.data ?? [], new Date(now()));
  const alerts = rows.filter((r) => r.help.length > 0);
  const events = meetings.data.filter((m) => m.kind !== 'pair-series');
  const helpText = (r: PairRow, f: PairHelp) =>
    f === 'check-in'
      ? t('health.help.check-in')
      : r.since
        ? t('health.help.meeting-rhythm', { date: date(r.since) })
        : t('health.short.meeting-rhythm');
  return (
    <>
      <Section title={t('health.title')} level={3} id="pair-health">
        {!health.data ? (
          health.error ? (
            <ErrorMessage error={health.error} onRetry={() => void health.reload()} />
          ) : (
            <Loading label={t('common.loading')} />
          )
        ) : w.programme.pairHealthNotices === false ? (
          <Empty title={t('health.off')}>{t('health.offHint')}</Empty>
        ) : alerts.length === 0 ? (
          <Empty title={t('health.none')}>{t('health.noneHint')}</Empty>
        ) : (
          <ul className={s.alerts} data-testid="pair-health">
            {alerts.map((r) => (
              <li key={r.pair.id}>
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>
                      {w.name(r.pair.mentorId)} · {w.name(r.pair.menteeId)}
                    </MessageBarTitle>{' '}
                    {r.help.map((f) => helpText(r, f)).join(' ')}{' '}
                    {t('health.held', { held: r.held, planned: r.planned })}
                  </MessageBarBody>
                </MessageBar>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('pairs.title', { n: rows.length })} level={3} id="pairs">
        {book.error !== undefined && <ErrorMessage error={book.error} />}
        {rows.length === 0 ? (
          <Empty title={t('pairs.none')} />
        ) : (
          <DataTable
            testId="pairs-table"
            rowKey={(r) => r.pair.id}
            rows={rows}
            columns={[
              { key: 'mentor', header: t('role.mentor'), cell: (r) => w.name(r.pair.mentorId) },
              { key: 'mentee', header: t('role.mentee'), cell: (r) => w.name(r.pair.menteeId) },
              {
                key: 'status',
                header: t('pairs.status'),
                cell: (r) => <StatusBadge kind="pairStatus" value={r.pair.status} />,
              },
              {
                key: 'booking',
                header: t('pairs.booking'),
                cell: (r) => (
                  <>
                    <Text size={200}>
                      {t(`booking.${r.series?.status === 'no-slot' ? 'no-slot' : r.pair.booking}` as MessageKey)}
                    </Text>
                    {bookingAction(r, w.programme.phase) && (
                      <Button
                        size="small"
                        appearance="subtle"
                        disabled={book.busy}
                        data-testid={`book-${r.pair.id}`}
                        onClick={() => void book.run(r.pair.id)}
                      >
                        {t(`pairs.${bookingAction(r, w.programme.phase)}` as MessageKey)}
                      </Button>
                    )}
                    {r.pair.booking === 'failed' && r.series?.problem && (
                      // Why the booking failed (a permission, Teams, a mailbox): what the manager can act on.
                      <Text as="p" size={100} className={s.meta} data-testid="booking-problem">
                        {r.series.problem}
                      </Text>
                    )}
                  </>
                ),
              },
              { key: 'held', header: t('pairs.held'), numeric: true, cell: (r) => `${r.held} / ${r.planned}` },
              { key: 'next', header: t('pairs.next'), cell: (r) => (r.next ? dateTime(r.next) : '–') },
              {
                key: 'flags',
                header: t('pairs.health'),
                cell: (r) =>
                  !health.data ? (
                    '–'
                  ) : r.help.length ? (
                    <span className={s.flags}>
                      {r.help.map((f) => (
                        <Badge key={f} tone="warning">
                          {t(`health.short.${f}` as MessageKey)}
                        </Badge>
                      ))}
                    </span>
                  ) : (
                    <Badge tone="success">{t('health.ok')}</Badge>
                  ),
              },
            ]}
          />
        )}
      </Section>
      {events.length > 0 && (
        <Section title={t('pairs.events')} level={3} id="events">
          <ul className={s.alerts}>
            {events.map((e) => (
              <li key={e.id}>
                <Text weight="semibold">{t(e.kind === 'kickoff' ? 'meetings.kickoff' : 'meetings.closing')}</Text>{' '}
                <span className={s.meta}>
                  {e.occurrences[0] ? dateTime(e.occurrences[0].start) : '–'} ·{' '}
                  {t(
                    `booking.${e.status === 'booked' ? 'booked' : e.status === 'no-slot' ? 'no-slot' : 'none'}` as MessageKey,
                  )}{' '}
                  · {t('pairs.attendees', { n: e.attendees.length + (e.linked?.length ?? 0) })}
                  {e.problem ? ` · ${e.problem}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
