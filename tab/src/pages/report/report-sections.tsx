/** The report's charts, each with its table alternative. */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/translate';
import type { Breakdown, Report } from '../../api/types';
import { ChartCard, Legend } from '../../components/charts/chart-card';
import { BarList } from '../../components/charts/bar-list';
import { ColumnChart } from '../../components/charts/column-chart';
import { LineChart } from '../../components/charts/line-chart';
import { DumbbellChart } from '../../components/charts/dumbbell-chart';
import { useSeries } from '../../components/charts/chart-styles';
import { DataTable } from '../../components/data-table';

const FUNNEL = ['invited', 'optedIn', 'matched', 'confirmed', 'active', 'completed'] as const;
const OTHER = '(smaller groups)';
const UNKNOWN = '(unknown)';

const useStyles = makeStyles({
  kpis: { display: 'grid', gap: '12px', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))' },
  kpi: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: '12px 16px',
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  kpiValue: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  kpiLabel: { color: tokens.colorNeutralForeground2 },
});

export function Kpis({ report }: { report: Report }) {
  const s = useStyles();
  const { t, number, percent } = useT();
  const r = report;
  const items: [string, string, (string | undefined)?][] = [
    [t('report.kpi.invited'), number(r.funnel.invited)],
    [
      t('report.kpi.optedIn'),
      number(r.funnel.optedIn),
      r.funnel.invited ? percent(r.funnel.optedIn / r.funnel.invited) : undefined,
    ],
    [t('report.kpi.activePairs'), number(r.pairs.active)],
    [
      t('report.kpi.meetings'),
      `${number(r.meetings.held)} / ${number(r.meetings.planned)}`,
      r.meetings.heldShare !== null ? percent(r.meetings.heldShare) : undefined,
    ],
    [
      t('report.kpi.rating'),
      r.ratings.average !== null ? number(r.ratings.average, 1) : '–',
      r.ratings.suppressed ? t('report.suppressedShort') : undefined,
    ],
    [t('report.kpi.attention'), number(r.pairs.needingAttention)],
  ];
  return (
    <div className={s.kpis} data-testid="report-kpis">
      {items.map(([label, value, sub]) => (
        <div key={label} className={s.kpi}>
          <Text className={s.kpiLabel}>{label}</Text>
          <span className={s.kpiValue}>{value}</span>
          {sub && (
            <Text size={200} className={s.kpiLabel}>
              {sub}
            </Text>
          )}
        </div>
      ))}
    </div>
  );
}

export function FunnelChart({ report }: { report: Report }) {
  const { t } = useT();
  const stage = (k: (typeof FUNNEL)[number]) => t(`report.funnel.${k}` as MessageKey);
  return (
    <ChartCard
      id="funnel"
      title={t('report.funnel.title')}
      description={t('report.funnel.description')}
      chart={
        <BarList
          label={t('report.funnel.aria')}
          bars={FUNNEL.map((k) => ({ label: stage(k), value: report.funnel[k] }))}
        />
      }
      table={
        <DataTable
          rowKey={(k) => k}
          rows={[...FUNNEL]}
          columns={[
            { key: 'stage', header: t('report.funnel.stage'), cell: (k) => stage(k) },
            { key: 'all', header: t('report.all'), numeric: true, cell: (k) => report.funnel[k] },
            { key: 'mentors', header: t('report.mentors'), numeric: true, cell: (k) => report.funnelByRole.mentor[k] },
            { key: 'mentees', header: t('report.mentees'), numeric: true, cell: (k) => report.funnelByRole.mentee[k] },
          ]}
        />
      }
    />
  );
}

export function MeetingsChart({ report }: { report: Report }) {
  const { t, date, percent } = useT();
  const SERIES = useSeries();
  const weekly = report.meetings.weekly;
  const week = (w: string) => date(w, { day: 'numeric', month: 'short' });
  if (!weekly?.length) {
    return (
      <ChartCard
        id="meetings"
        title={t('report.meetings.title')}
        description={t('report.meetings.totalOnly')}
        chart={
          <BarList
            label={t('report.meetings.aria')}
            bars={[
              { label: t('report.meetings.planned'), value: report.meetings.planned },
              {
                label: t('report.meetings.held'),
                value: report.meetings.held,
                ...(report.meetings.heldShare !== null
                  ? { valueText: `${report.meetings.held} (${percent(report.meetings.heldShare)})` }
                  : {}),
              },
            ]}
          />
        }
        table={
          <DataTable
            rowKey={(r) => r[0]}
            rows={
              [
                [t('report.meetings.planned'), report.meetings.planned],
                [t('report.meetings.held'), report.meetings.held],
              ] as [string, number][]
            }
            columns={[
              { key: 'what', header: t('report.measure'), cell: (r) => r[0] },
              { key: 'n', header: t('report.count'), numeric: true, cell: (r) => r[1] },
            ]}
          />
        }
      />
    );
  }
  const series = [
    { name: t('report.meetings.planned'), values: weekly.map((w) => w.planned) },
    { name: t('report.meetings.held'), values: weekly.map((w) => w.held) },
  ];
  return (
    <ChartCard
      id="meetings"
      title={t('report.meetings.title')}
      description={t('report.meetings.description', { held: report.meetings.held, planned: report.meetings.planned })}
      legend={<Legend items={series.map((x, i) => ({ name: x.name, color: SERIES[i] ?? '' }))} />}
      chart={
        <ColumnChart label={t('report.meetings.aria')} categories={weekly.map((w) => week(w.week))} series={series} />
      }
      table={
        <DataTable
          rowKey={(w) => w.week}
          rows={weekly}
          columns={[
            { key: 'week', header: t('report.weekOf'), cell: (w) => date(w.week) },
            { key: 'planned', header: t('report.meetings.planned'), numeric: true, cell: (w) => w.planned },
            { key: 'held', header: t('report.meetings.held'), numeric: true, cell: (w) => w.held },
          ]}
        />
      }
    />
  );
}

export function RatingsChart({ report }: { report: Report }) {
  const { t, number } = useT();
  const dist = report.ratings.distribution;
  const k = report.anonymityThreshold;
  const keys = ['1', '2', '3', '4', '5'] as const;
  return (
    <ChartCard
      id="ratings"
      title={t('report.ratings.title')}
      description={
        dist
          ? t('report.ratings.description', {
              count: report.ratings.count,
              raters: report.ratings.raters,
              average: number(report.ratings.average ?? 0, 2),
            })
          : t('report.ratings.suppressed', { k })
      }
      chart={
        dist ? (
          <ColumnChart
            label={t('report.ratings.aria')}
            categories={keys.map((x) => t(`rating.${x}` as MessageKey))}
            series={[{ name: t('report.count'), values: keys.map((x) => dist[x]) }]}
          />
        ) : null
      }
      table={
        dist ? (
          <DataTable
            rowKey={(x) => x}
            rows={[...keys]}
            columns={[
              { key: 'rating', header: t('report.ratings.rating'), cell: (x) => t(`rating.${x}` as MessageKey) },
              { key: 'n', header: t('report.count'), numeric: true, cell: (x) => dist[x] },
            ]}
          />
        ) : (
          <Text>{t('report.ratings.suppressed', { k })}</Text>
        )
      }
    />
  );
}

export function TrendChart({ report }: { report: Report }) {
  const { t, date, number } = useT();
  const trend = report.ratings.trend;
  if (!trend?.length) {
    return (
      <ChartCard
        id="trend"
        title={t('report.trend.title')}
        description={t('report.trend.unavailable')}
        chart={null}
        table={<Text>{t('report.trend.unavailable')}</Text>}
      />
    );
  }
  return (
    <ChartCard
      id="trend"
      title={t('report.trend.title')}
      description={t('report.trend.description', { k: report.anonymityThreshold })}
      chart={
        <LineChart
          label={t('report.trend.aria')}
          categories={trend.map((w) => date(w.week, { day: 'numeric', month: 'short' }))}
          values={trend.map((w) => w.average)}
          min={1}
          max={5}
        />
      }
      table={
        <DataTable
          rowKey={(w) => w.week}
          rows={trend}
          columns={[
            { key: 'week', header: t('report.weekOf'), cell: (w) => date(w.week) },
            {
              key: 'avg',
              header: t('report.average'),
              numeric: true,
              cell: (w) => (w.average === null ? t('report.suppressedShort') : number(w.average, 2)),
            },
            { key: 'n', header: t('report.ratings.count'), numeric: true, cell: (w) => w.count },
          ]}
        />
      }
    />
  );
}

export function AssessmentChart({ report }: { report: Report }) {
  const { t, number } = useT();
  const SERIES = useSeries();
  const k = report.anonymityThreshold;
  const rows = report.assessments;
  const label = (a: Report['assessments'][number]) => `${a.topicName} · ${t(`report.role.${a.role}` as MessageKey)}`;
  return (
    <ChartCard
      id="assessments"
      title={t('report.assessments.title')}
      description={t('report.assessments.description')}
      legend={
        <Legend
          items={[
            { name: t('report.assessments.start'), color: 'var(--colorNeutralBackground5)' },
            { name: t('report.assessments.end'), color: SERIES[0] ?? '' },
          ]}
        />
      }
      chart={
        <DumbbellChart
          label={t('report.assessments.aria')}
          rows={rows.map((a) => ({
            label: label(a),
            start: a.startAverage,
            end: a.endAverage,
            ...(a.suppressed ? { note: t('report.assessments.tooFew', { k }) } : {}),
          }))}
        />
      }
      table={
        <DataTable
          rowKey={(a) => `${a.topicId}-${a.role}`}
          rows={rows}
          columns={[
            { key: 'topic', header: t('report.assessments.topic'), cell: label },
            {
              key: 'people',
              header: t('report.people'),
              numeric: true,
              cell: (a) => (a.suppressed ? t('report.suppressedShort') : a.people),
            },
            {
              key: 'start',
              header: t('report.assessments.start'),
              numeric: true,
              cell: (a) => (a.startAverage === null ? '–' : number(a.startAverage, 2)),
            },
            {
              key: 'end',
              header: t('report.assessments.end'),
              numeric: true,
              cell: (a) => (a.endAverage === null ? '–' : number(a.endAverage, 2)),
            },
            {
              key: 'change',
              header: t('report.assessments.change'),
              numeric: true,
              cell: (a) => (a.change === null ? '–' : `${a.change > 0 ? '+' : ''}${number(a.change, 2)}`),
            },
          ]}
        />
      }
    />
  );
}

export function AttentionChart({ report }: { report: Report }) {
  const { t } = useT();
  const p = report.pairs;
  const bars = [
    { label: t('report.pairs.total'), value: p.total },
    { label: t('report.pairs.active'), value: p.active },
    { label: t('report.pairs.needingAttention'), value: p.needingAttention },
    { label: t('report.pairs.noRecentMeeting'), value: p.noRecentMeeting },
    { label: t('report.pairs.lowRatings'), value: p.lowRatings },
  ];
  return (
    <ChartCard
      id="attention"
      title={t('report.pairs.title')}
      description={t('report.pairs.description')}
      chart={<BarList label={t('report.pairs.aria')} bars={bars} series={2} />}
      table={
        <DataTable
          rowKey={(b) => b.label}
          rows={bars}
          columns={[
            { key: 'what', header: t('report.measure'), cell: (b) => b.label },
            { key: 'n', header: t('report.count'), numeric: true, cell: (b) => b.value },
          ]}
        />
      }
    />
  );
}

export function BreakdownChart({ report, by }: { report: Report; by: 'department' | 'location' | 'topic' }) {
  const { t, number, percent } = useT();
  const b: Breakdown = report.breakdowns[by];
  const k = report.anonymityThreshold;
  const groupName = (g: string) =>
    g === OTHER ? t('report.otherGroups') : g === UNKNOWN ? t('report.unknownGroup') : g;
  const note = b.suppressed
    ? t('report.breakdown.allSuppressed', { k })
    : b.suppressedGroups > 0
      ? t(by === 'topic' ? 'report.breakdown.leftOut' : 'report.breakdown.merged', { n: b.suppressedGroups, k })
      : t('report.breakdown.none', { k });
  return (
    <ChartCard
      id={`by-${by}`}
      title={t(`report.breakdown.${by}` as MessageKey)}
      description={t('report.breakdown.description')}
      note={<span data-testid={`by-${by}-note`}>{note}</span>}
      chart={
        b.rows.length ? (
          <BarList
            label={t('report.breakdown.aria', { by: t(`report.breakdown.${by}` as MessageKey) })}
            bars={b.rows.map((r) => ({ label: groupName(r.group), value: r.people, muted: r.group === OTHER }))}
          />
        ) : null
      }
      table={
        <DataTable
          testId={`by-${by}-table`}
          rowKey={(r) => r.group}
          rows={b.rows}
          columns={[
            { key: 'group', header: t('report.group'), cell: (r) => groupName(r.group) },
            { key: 'people', header: t('report.people'), numeric: true, cell: (r) => r.people },
            { key: 'matched', header: t('report.funnel.matched'), numeric: true, cell: (r) => r.matched },
            { key: 'active', header: t('report.funnel.active'), numeric: true, cell: (r) => r.active },
            { key: 'completed', header: t('report.funnel.completed'), numeric: true, cell: (r) => r.completed },
            {
              key: 'meetings',
              header: t('report.meetings.heldShare'),
              numeric: true,
              cell: (r) => (r.heldShare === null ? '–' : percent(r.heldShare)),
            },
            {
              key: 'rating',
              header: t('report.average'),
              numeric: true,
              cell: (r) => (r.averageRating === null ? t('report.suppressedShort') : number(r.averageRating, 2)),
            },
          ]}
        />
      }
    />
  );
}
