/** The headline figures of the report. */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useT } from '../../../i18n/i18n-context';
import type { Report } from '../../../api/types';

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
    // Long German labels wrap inside the card instead of running out of it.
    minWidth: 0,
    overflowWrap: 'anywhere',
    hyphens: 'auto',
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
    // Once the sessions are over, "active" would sit oddly next to "completed": the pairs that completed instead.
    r.phase === 'steering' || r.phase === 'closed'
      ? [t('report.kpi.completedPairs'), number(r.pairs.completed ?? 0)]
      : [t('report.kpi.activePairs'), number(r.pairs.active)],
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
