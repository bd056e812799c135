/** Participation by department, location or topic, with small groups merged or left out (by the API) and the page saying so. */
import { useT } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/translate';
import type { Breakdown, Report } from '../../../api/types';
import { ChartCard } from '../../../components/charts/chart-card';
import { BarList } from '../../../components/charts/bar-list';
import { DataTable } from '../../../components/data-table';

const OTHER = '(smaller groups)';

const UNKNOWN = '(unknown)';

export function BreakdownChart({ report, by }: { report: Report; by: 'department' | 'location' | 'topic' }) {
  const { t, number, percent, list } = useT();
  const b: Breakdown = report.breakdowns[by];
  const k = report.anonymityThreshold;
  const groupName = (g: string) =>
    g === OTHER ? t('report.otherGroups') : g === UNKNOWN ? t('report.unknownGroup') : g;
  // Which groups the combined row holds and why: named, never with their sizes; a larger group that
  // joined them against subtraction is said to be one, without saying which.
  const merged = b.mergedGroups?.length
    ? [
        t('report.breakdown.mergedNamed', { k, groups: list(b.mergedGroups.map(groupName)) }),
        ...(b.addedToProtect ? [t('report.breakdown.mergedProtect', { n: b.addedToProtect })] : []),
      ].join(' ')
    : undefined;
  const note = b.suppressed
    ? t('report.breakdown.allSuppressed', { k })
    : b.suppressedGroups > 0
      ? (merged ??
        t(by === 'topic' ? 'report.breakdown.leftOut' : 'report.breakdown.merged', { n: b.suppressedGroups, k }))
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
