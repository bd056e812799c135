/** Self-assessment per topic and role, start → end. */
import { useT } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/translate';
import type { Report } from '../../../api/types';
import { ChartCard, Legend } from '../../../components/charts/chart-card';
import { DumbbellChart } from '../../../components/charts/dumbbell-chart';
import { useSeries } from '../../../components/charts/chart-styles';
import { DataTable } from '../../../components/data-table';

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
