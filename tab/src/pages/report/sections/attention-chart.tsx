/** Pairs needing attention: no recent session, low ratings. */
import { useT } from '../../../i18n/i18n-context';
import type { Report } from '../../../api/types';
import { ChartCard } from '../../../components/charts/chart-card';
import { BarList } from '../../../components/charts/bar-list';
import { DataTable } from '../../../components/data-table';

export function AttentionChart({ report }: { report: Report }) {
  const { t } = useT();
  const p = report.pairs;
  const bars = [
    { label: t('report.pairs.total'), value: p.total },
    report.phase === 'steering' || report.phase === 'closed'
      ? { label: t('report.pairs.completed'), value: p.completed ?? 0 }
      : { label: t('report.pairs.active'), value: p.active },
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
