/**
 * HR reporting (Reports.Read): the programme's health and outcomes as charts, each with a table
 * alternative, and a CSV export. Only counts and averages; groups below the programme's anonymity
 * threshold never appear on their own (the API suppresses them; the page says so).
 */
import { useId } from 'react';
import { Button, Label, makeStyles, MessageBar, MessageBarBody, Select, tokens } from '@fluentui/react-components';
import { useApp } from '../../app/app-context';
import { useT } from '../../i18n/i18n-context';
import { useResource } from '../../hooks/use-resource';
import { useAction } from '../../hooks/use-action';
import { topicNamesById } from '@tandem/core/model/topic-names';
import { Empty, Loading, Page, PageHeader, Section } from '../../components/layout';
import { ErrorMessage } from '../../components/error-message';
import { StatusBadge } from '../../components/badges';
import { download } from '../../components/download';
import type { Programme, WithEtag } from '../../api/types';
import { Kpis } from './sections/kpis';
import { FunnelChart } from './sections/funnel-chart';
import { MeetingsChart } from './sections/meetings-chart';
import { RatingsChart, TrendChart } from './sections/ratings-chart';
import { AssessmentChart } from './sections/assessment-chart';
import { MentorGainsChart } from './sections/mentor-gains-chart';
import { AttentionChart } from './sections/attention-chart';
import { BreakdownChart } from './sections/breakdown-chart';

const useStyles = makeStyles({
  picker: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  select: { minWidth: '280px' },
  grid: {
    display: 'grid',
    gap: '16px',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    '@media (max-width: 1000px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  wide: { gridColumn: '1 / -1' },
  privacy: { color: tokens.colorNeutralForeground2 },
});

/** The report HR most likely wants first: a running programme, else the newest with results. */
export function defaultProgramme<P extends Programme>(programmes: P[]): P | undefined {
  const rank = (p: Programme) =>
    ({ execution: 0, steering: 1, closed: 2, matching: 3, preparation: 4, draft: 5 })[p.phase];
  return [...programmes].sort((a, b) => rank(a) - rank(b))[0];
}

function ProgrammeReport({ programme }: { programme: WithEtag<Programme> }) {
  const s = useStyles();
  const { t, dateTime, lang } = useT();
  const { api } = useApp();
  const report = useResource(() => api.report(programme.id), [api, programme.id]);
  const exportCsv = useAction(() => download(api, { kind: 'report', programmeId: programme.id }));
  if (!report.data) {
    return report.error ? (
      <ErrorMessage error={report.error} onRetry={() => void report.reload()} />
    ) : (
      <Loading label={t('report.loading')} />
    );
  }
  const r = report.data;
  return (
    <>
      <div className={s.picker}>
        <StatusBadge kind="phase" value={r.phase} />
        <span className={s.privacy}>{t('report.generated', { when: dateTime(r.generatedAt) })}</span>
        <Button
          appearance="primary"
          onClick={() => void exportCsv.run()}
          disabled={exportCsv.busy}
          data-testid="export-csv"
        >
          {t('report.exportCsv')}
        </Button>
      </div>
      <ErrorMessage error={exportCsv.error} onDismiss={exportCsv.clearError} />
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('report.privacy', { k: r.anonymityThreshold })}</MessageBarBody>
      </MessageBar>
      <Kpis report={r} />
      {r.funnel.invited === 0 ? (
        <Section>
          <Empty title={t('report.empty')}>{t('report.emptyHint')}</Empty>
        </Section>
      ) : (
        <div className={s.grid}>
          <FunnelChart report={r} />
          <AttentionChart report={r} />
          <MeetingsChart report={r} />
          <TrendChart report={r} />
          <RatingsChart report={r} />
          <AssessmentChart report={r} topicNames={topicNamesById(programme.topics, lang)} />
          <MentorGainsChart report={r} />
          <BreakdownChart report={r} by="department" />
          <BreakdownChart report={r} by="location" />
        </div>
      )}
    </>
  );
}

export function ReportPage() {
  const s = useStyles();
  const { t, tk } = useT();
  const { api, nav } = useApp();
  const pickerId = useId();
  const programmes = useResource(() => api.programmes(), [api]);
  const list = programmes.data ?? [];
  const selected = list.find((p) => p.id === nav.programmeId) ?? defaultProgramme(list);
  return (
    <Page>
      <PageHeader
        title={t('report.title')}
        subtitle={t('report.subtitle')}
        actions={
          list.length > 0 ? (
            <div className={s.picker}>
              <Label htmlFor={pickerId}>{t('report.programme')}</Label>
              <Select
                id={pickerId}
                className={s.select}
                value={selected?.id ?? ''}
                onChange={(_, d) => nav.go('reports', d.value)}
                data-testid="report-programme"
              >
                {list.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({tk(`phase.${p.phase}`)})
                  </option>
                ))}
              </Select>
            </div>
          ) : undefined
        }
      />
      {programmes.error ? (
        <ErrorMessage error={programmes.error} onRetry={() => void programmes.reload()} />
      ) : !programmes.data ? (
        <Loading label={t('common.loading')} />
      ) : !selected ? (
        <Section>
          <Empty title={t('report.noProgrammes')} />
        </Section>
      ) : (
        <ProgrammeReport key={selected.id} programme={selected} />
      )}
    </Page>
  );
}
