/** Session ratings: the distribution of 1 to 5, and the average per week. */
import { Text } from '@fluentui/react-components';
import { useT } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/translate';
import type { Report } from '../../../api/types';
import { ChartCard } from '../../../components/charts/chart-card';
import { ColumnChart } from '../../../components/charts/column-chart';
import { LineChart } from '../../../components/charts/line-chart';
import { DataTable } from '../../../components/data-table';

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
  const k = report.anonymityThreshold;
  const trend = report.ratings.trend;
  if (!trend.some((w) => w.count > 0)) {
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
  // The line runs through the weeks with ratings (sessions every few weeks leave weeks without any);
  // a hidden week stays a gap.
  const rated = trend.filter((w) => w.count > 0);
  const shown = rated.some((w) => w.average !== null);
  return (
    <ChartCard
      id="trend"
      title={t('report.trend.title')}
      description={shown ? t('report.trend.description', { k }) : t('report.trend.suppressed', { k })}
      chart={
        shown ? (
          <LineChart
            label={t('report.trend.aria')}
            categories={rated.map((w) => date(w.week, { day: 'numeric', month: 'short' }))}
            values={rated.map((w) => w.average)}
            min={1}
            max={5}
          />
        ) : null
      }
      table={
        <DataTable
          testId="trend-table"
          rowKey={(w) => w.week}
          rows={trend}
          columns={[
            { key: 'week', header: t('report.weekOf'), cell: (w) => date(w.week) },
            {
              key: 'avg',
              header: t('report.average'),
              numeric: true,
              cell: (w) =>
                w.count === 0 ? '–' : w.average === null ? t('report.suppressedShort') : number(w.average, 2),
            },
            { key: 'n', header: t('report.ratings.count'), numeric: true, cell: (w) => w.count },
          ]}
        />
      }
    />
  );
}
