/** Sessions held vs planned per week (the totals alone until a first session is due). */
import { useT } from '../../../i18n/i18n-context';
import type { Report } from '../../../api/types';
import { ChartCard, Legend } from '../../../components/charts/chart-card';
import { BarList } from '../../../components/charts/bar-list';
import { ColumnChart } from '../../../components/charts/column-chart';
import { useSeries } from '../../../components/charts/chart-styles';
import { DataTable } from '../../../components/data-table';

export function MeetingsChart({ report }: { report: Report }) {
  const { t, date, percent } = useT();
  const SERIES = useSeries();
  const weekly = report.meetings.weekly;
  const week = (w: string) => date(w, { day: 'numeric', month: 'short' });
  if (!weekly.length) {
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
          testId="meetings-table"
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
