/** Self-assessment per topic and role, start → end. */
import { useT } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/translate';
import type { Report } from '../../../api/types';
import { ChartCard, Legend } from '../../../components/charts/chart-card';
import { DumbbellChart } from '../../../components/charts/dumbbell-chart';
import { useSeries } from '../../../components/charts/chart-styles';
import { DataTable } from '../../../components/data-table';
import { BarList } from '../../../components/charts/bar-list';

type Start = NonNullable<Report['assessmentStarts']>[number];

/** Before enough people rated the end: the start of the programme alone, where enough people rated it. */
function StartOfProgramme({
  report,
  starts,
  topicNames = {},
}: {
  report: Report;
  starts: Start[];
  topicNames?: Record<string, string>;
}) {
  const { t, number } = useT();
  const k = report.anonymityThreshold;
  const label = (a: Start) => `${topicNames[a.topicId] ?? a.topicName} · ${t(`report.role.${a.role}` as MessageKey)}`;
  const shown = starts.filter((a) => !a.suppressed);
  return (
    <ChartCard
      id="assessments"
      title={t('report.assessments.startTitle')}
      description={t('report.assessments.startDescription', { k })}
      chart={
        <BarList
          label={t('report.assessments.startAria')}
          max={5}
          bars={shown.map((a) => ({ label: label(a), value: a.average ?? 0, valueText: number(a.average ?? 0, 2) }))}
        />
      }
      table={
        <DataTable
          testId="assessment-start-table"
          rowKey={(a) => `${a.topicId}-${a.role}`}
          rows={starts}
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
              cell: (a) => (a.average === null ? t('report.assessments.startTooFew', { k }) : number(a.average, 2)),
            },
          ]}
        />
      }
    />
  );
}

/** `topicNames`: the programme's topic names in the reader's language, by id (else the report's names). */
export function AssessmentChart({ report, topicNames = {} }: { report: Report; topicNames?: Record<string, string> }) {
  const { t, number } = useT();
  const SERIES = useSeries();
  const k = report.anonymityThreshold;
  const rows = report.assessments;
  const starts = report.assessmentStarts ?? [];
  if (rows.every((a) => a.suppressed) && starts.some((a) => !a.suppressed))
    return <StartOfProgramme report={report} starts={starts} topicNames={topicNames} />;
  const label = (a: Report['assessments'][number]) =>
    `${topicNames[a.topicId] ?? a.topicName} · ${t(`report.role.${a.role}` as MessageKey)}`;
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
