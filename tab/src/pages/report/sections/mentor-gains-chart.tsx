/** What mentors say they gained (their end self-assessment), only where enough mentors answered. */
import { useT } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/translate';
import type { MentorGainRow, Report } from '../../../api/types';
import { ChartCard } from '../../../components/charts/chart-card';
import { BarList } from '../../../components/charts/bar-list';
import { DataTable } from '../../../components/data-table';

export function MentorGainsChart({ report }: { report: Report }) {
  const { t, number } = useT();
  const rows = report.mentorGains ?? [];
  if (!rows.length) return null;
  const k = report.anonymityThreshold;
  const label = (g: MentorGainRow) => t(`report.mentorGains.${g.gain}` as MessageKey);
  return (
    <ChartCard
      id="mentor-gains"
      title={t('report.mentorGains.title')}
      description={t('report.mentorGains.description', { k })}
      chart={
        <BarList
          label={t('report.mentorGains.title')}
          max={5}
          bars={rows
            .filter((g) => !g.suppressed)
            .map((g) => ({ label: label(g), value: g.average ?? 0, valueText: number(g.average ?? 0, 2) }))}
        />
      }
      table={
        <DataTable
          testId="mentor-gains-table"
          rowKey={(g) => g.gain}
          rows={rows}
          columns={[
            { key: 'gain', header: t('report.mentorGains.gain'), cell: label },
            {
              key: 'people',
              header: t('report.people'),
              numeric: true,
              cell: (g) => (g.suppressed ? t('report.suppressedShort') : g.people),
            },
            {
              key: 'average',
              header: t('report.mentorGains.average'),
              numeric: true,
              cell: (g) => (g.average === null ? t('report.mentorGains.tooFew', { k }) : number(g.average, 2)),
            },
          ]}
        />
      }
    />
  );
}
