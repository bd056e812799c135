/** From invitation to a completed tandem, for everyone and per role. */
import { useT } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/translate';
import type { Report } from '../../../api/types';
import { ChartCard } from '../../../components/charts/chart-card';
import { BarList } from '../../../components/charts/bar-list';
import { DataTable } from '../../../components/data-table';

const FUNNEL = ['invited', 'optedIn', 'matched', 'confirmed', 'active', 'completed'] as const;

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
