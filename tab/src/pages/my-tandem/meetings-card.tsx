/** My next sessions with their Teams links, and the programme's kick-off and closing events. */
import { useState } from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { MoveRestDialog, MoveSessionDialog } from './move-dialogs';
import { useT } from '../../i18n/i18n-context';
import { Section, Empty } from '../../components/layout';
import type { MeetingSeries, Occurrence } from '../../api/types';
import { currentPair, seriesOf, type Overview } from './overview-data';
import { useApp } from '../../app/app-context';
import { ExternalLink } from '../../components/external-link';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  item: {
    display: 'grid',
    gridTemplateColumns: '52px 1fr auto',
    alignItems: 'center',
    gap: '12px',
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  date: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    lineHeight: 1.1,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: '4px 0',
  },
  month: { fontSize: tokens.fontSizeBase100, textTransform: 'uppercase', color: tokens.colorBrandForeground1 },
  day: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, display: 'block' },
  buttons: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap', justifyContent: 'flex-end' },
});

export interface UpcomingItem {
  key: string;
  kind: MeetingSeries['kind'];
  start: string;
  end: string;
  index?: number;
  joinUrl?: string;
  moved: boolean;
  /** Declined in Outlook by one of the pair: it will not take place unless they accept again. */
  declined: boolean;
}

/** The next sessions of my pair and the programme's events, soonest first. */
export function upcoming(overview: Pick<Overview, 'meetings' | 'pairs'>, now: number, max = 4): UpcomingItem[] {
  const pair = currentPair(overview.pairs);
  const mine = pair && pair.status === 'active' ? seriesOf(overview, pair.id) : undefined;
  const events = overview.meetings.filter((m) => m.kind !== 'pair-series' && m.status === 'booked');
  const items: UpcomingItem[] = [];
  const add = (s: MeetingSeries, o: Occurrence) => {
    if (o.status === 'cancelled' || Date.parse(o.end) <= now) return;
    items.push({
      key: `${s.id}:${o.index}`,
      kind: s.kind,
      start: o.start,
      end: o.end,
      index: o.index,
      moved: o.status === 'moved',
      declined: o.status === 'declined',
      ...(s.joinUrl ? { joinUrl: s.joinUrl } : {}),
    });
  };
  for (const s of [...(mine ? [mine] : []), ...events]) for (const o of s.occurrences) add(s, o);
  return items.sort((a, b) => a.start.localeCompare(b.start)).slice(0, max);
}

export function MeetingsCard({ overview, onChange }: { overview: Overview; onChange?: () => Promise<void> }) {
  const s = useStyles();
  const { t, date, time } = useT();
  const { now } = useApp();
  const items = upcoming(overview, now());
  const pair = currentPair(overview.pairs);
  const series = seriesOf(overview, pair?.id);
  const sessions = series?.occurrences.filter((o) => o.status !== 'cancelled').length ?? 0;
  // Either of the pair moves a session (or the rest of the series) while the pair is active and booked.
  const movable =
    pair?.status === 'active' && series?.status === 'booked' && overview.participant.status === 'opted-in';
  const partnerName = pair?.partner?.displayName ?? '';
  const [moving, setMoving] = useState<number | 'rest' | undefined>();
  const [moved, setMoved] = useState<string | undefined>();
  const afterMove = async (message: string) => {
    setMoving(undefined);
    setMoved(message);
    await onChange?.();
  };
  return (
    <Section title={t('meetings.title')} id="meetings">
      {moved && (
        <MessageBar intent="success" data-testid="moved">
          <MessageBarBody>{moved}</MessageBarBody>
        </MessageBar>
      )}
      {series?.status === 'no-slot' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{series.problem ?? t('meetings.noSlot')}</MessageBarBody>
        </MessageBar>
      )}
      {items.length === 0 ? (
        <Empty title={t('meetings.none')}>{t('meetings.noneHint')}</Empty>
      ) : (
        <ul className={s.list} data-testid="upcoming-meetings">
          {items.map((m) => (
            <li key={m.key} className={s.item}>
              <span className={s.date} aria-hidden>
                <span className={s.month}>{date(m.start, { month: 'short' })}</span>
                <span className={s.day}>{date(m.start, { day: 'numeric' })}</span>
              </span>
              <div>
                <Text weight="semibold">
                  {m.kind === 'pair-series'
                    ? t('meetings.session', { n: (m.index ?? 0) + 1, of: sessions })
                    : t(m.kind === 'kickoff' ? 'meetings.kickoff' : 'meetings.closing')}
                </Text>
                <Text className={s.meta}>
                  {date(m.start)}, {time(m.start)}–{time(m.end)}
                  {m.moved ? ` · ${t('meetings.moved')}` : ''}
                  {m.declined ? ` · ${t('meetings.declined')}` : ''}
                </Text>
              </div>
              <span className={s.buttons}>
                {movable && m.kind === 'pair-series' && m.index !== undefined && Date.parse(m.start) > now() && (
                  <Button size="small" onClick={() => setMoving(m.index)}>
                    {t('move.button')}
                  </Button>
                )}
                {m.joinUrl && <ExternalLink href={m.joinUrl}>{t('meetings.join')}</ExternalLink>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {movable && series && (
        <div>
          <Button appearance="subtle" onClick={() => setMoving('rest')}>
            {t('move.rest')}
          </Button>
        </div>
      )}
      {movable && series && typeof moving === 'number' && (
        <MoveSessionDialog
          programmeId={overview.programme.id}
          series={series}
          index={moving}
          partnerName={partnerName}
          onClose={() => setMoving(undefined)}
          onMoved={afterMove}
        />
      )}
      {movable && series && moving === 'rest' && (
        <MoveRestDialog
          programmeId={overview.programme.id}
          series={series}
          partnerName={partnerName}
          onClose={() => setMoving(undefined)}
          onMoved={afterMove}
        />
      )}
    </Section>
  );
}
