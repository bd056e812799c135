/**
 * Step 3, execution: every pair with its booking and sessions held vs planned, the next session, and
 * pair-health alerts (no meeting for two cadences, low ratings) for the manager to follow up. The
 * flags come from the API (GET …/pair-health, the rule of the report and the daily notices); a low
 * rating reaches the console only as a flag. A failed booking shows its reason from the series.
 */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useApp } from '../../../app/app-context';
import { useT } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/translate';
import { useResource } from '../../../hooks/use-resource';
import { Section, Empty, Loading } from '../../../components/layout';
import { ErrorMessage } from '../../../components/error-message';
import { DataTable } from '../../../components/data-table';
import { Badge, StatusBadge } from '../../../components/badges';
import type { HealthFlag, MeetingSeries, PairHealthItem, PairView } from '../../../api/types';
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
  flags: HealthFlag[];
  /** With 'no-recent-meeting': no session held since then. */
  since?: string;
}

/** Rows for the table: sessions from the meetings, health flags from the API's pair health. */
export function pairRows(
  pairs: readonly PairView[],
  meetings: readonly MeetingSeries[],
  health: readonly PairHealthItem[],
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
        flags: h?.flags ?? [],
        ...(h?.since ? { since: h.since } : {}),
      };
    })
    .sort((a, b) => b.flags.length - a.flags.length || a.pair.id.localeCompare(b.pair.id));
}

export function PairsAndMeetings() {
  const s = useStyles();
  const { t, date, dateTime } = useT();
  const { api, now } = useApp();
  const w = useWorkspace();
  const meetings = useResource(() => api.meetings(w.programme.id), [api, w.programme.id, w.pairs]);
  const health = useResource(() => api.pairHealth(w.programme.id), [api, w.programme.id, w.pairs]);
  if (!meetings.data)
    return meetings.error ? <ErrorMessage error={meetings.error} /> : <Loading label={t('common.loading')} />;
  const rows = pairRows(w.pairs, meetings.data, health.data ?? [], new Date(now()));
  const alerts = rows.filter((r) => r.flags.length > 0);
  const events = meetings.data.filter((m) => m.kind !== 'pair-series');
  const flagText = (r: PairRow, f: HealthFlag) =>
    f === 'low-rating'
      ? t('health.flag.low-rating')
      : r.since
        ? t('health.flag.no-recent-meeting', { date: date(r.since) })
        : t('health.short.no-recent-meeting');
  return (
    <>
      <Section title={t('health.title')} level={3} id="pair-health">
        {!health.data ? (
          health.error ? (
            <ErrorMessage error={health.error} onRetry={() => void health.reload()} />
          ) : (
            <Loading label={t('common.loading')} />
          )
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
                    {r.flags.map((f) => flagText(r, f)).join(' ')}{' '}
                    {t('health.held', { held: r.held, planned: r.planned })}
                  </MessageBarBody>
                </MessageBar>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('pairs.title', { n: rows.length })} level={3} id="pairs">
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
                  ) : r.flags.length ? (
                    <span className={s.flags}>
                      {r.flags.map((f) => (
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
                  {e.occurrences[0] ? date(e.occurrences[0].start) : '–'} ·{' '}
                  {t(
                    `booking.${e.status === 'booked' ? 'booked' : e.status === 'no-slot' ? 'no-slot' : 'none'}` as MessageKey,
                  )}{' '}
                  · {t('pairs.attendees', { n: e.attendees.length })}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
