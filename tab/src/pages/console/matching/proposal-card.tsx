/** One proposed pair on the review board: who, score with its parts, why, and the manager's tools (lock, swap, exclude). */
import { Button, Checkbox, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useT } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/translate';
import type { MatchingReview, PairView } from '../../../api/types';
import { Badge } from '../../../components/badges';
import { useSeries } from '../../../components/charts/chart-styles';

/** Each score component keeps its colour on every card, whichever parts a pair has (colour follows the component, not its position). */
const COMPONENT_ORDER = ['topics', 'interests', 'availability', 'timezone', 'crossDepartment', 'seniority', 'custom'];
const EXTRA_COLOURS = [tokens.colorPaletteGreenBackground2, tokens.colorPalettePeachBackground2];

type Caution = MatchingReview['cautions'][string][number];

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '12px 14px',
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  selected: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, padding: '11px 13px' },
  people: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  person: { display: 'flex', flexDirection: 'column' },
  role: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  score: { marginInlineStart: 'auto', textAlign: 'end' },
  scoreValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  bar: {
    display: 'flex',
    height: '8px',
    borderRadius: '4px',
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground5,
  },
  parts: {
    display: 'flex',
    gap: '10px',
    flexWrap: 'wrap',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  reasons: { margin: 0, paddingInlineStart: '18px', fontSize: tokens.fontSizeBase300 },
  cautions: {
    margin: 0,
    padding: '6px 10px',
    listStyle: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  tools: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
});

export function ProposalCard({
  pair,
  name,
  topicNames,
  cautions = [],
  selected,
  onSelect,
  onLock,
  onExclude,
  busy,
  readOnly,
}: {
  pair: PairView;
  name(userId: string): string;
  topicNames: Record<string, string>;
  /** The manager's cautions on this proposal (from the API's review; participants never get them). */
  cautions?: Caution[];
  selected: boolean;
  onSelect(on: boolean): void;
  onLock(locked: boolean): void;
  onExclude(): void;
  busy: boolean;
  readOnly: boolean;
}) {
  const s = useStyles();
  const { t, tk, reason, number } = useT();
  const SERIES = useSeries();
  const palette = [...SERIES, ...EXTRA_COLOURS];
  const colourOf = (component: string) => {
    const i = COMPONENT_ORDER.indexOf(component);
    return palette[(i < 0 ? COMPONENT_ORDER.length : i) % palette.length];
  };
  const parts = Object.entries(pair.explanation.breakdown).filter(([, v]) => v > 0);
  const total = parts.reduce((a, [, v]) => a + v, 0) || 1;
  const mentor = name(pair.mentorId);
  const mentee = name(pair.menteeId);
  return (
    <li
      className={mergeClasses(s.card, selected && s.selected)}
      data-testid="proposal"
      aria-label={t('board.pairAria', { mentor, mentee })}
    >
      <div className={s.people}>
        <div className={s.person}>
          <Text weight="semibold">{mentor}</Text>
          <span className={s.role}>{t('role.mentor')}</span>
        </div>
        <span aria-hidden>⇄</span>
        <div className={s.person}>
          <Text weight="semibold">{mentee}</Text>
          <span className={s.role}>{t('role.mentee')}</span>
        </div>
        <div className={s.score}>
          <div className={s.scoreValue}>{number(pair.score, 1)}</div>
          <span className={s.role}>{t('board.score')}</span>
        </div>
      </div>
      {parts.length > 0 && (
        <>
          <div className={s.bar} aria-hidden>
            {parts.map(([k, v]) => (
              <span key={k} data-component={k} style={{ width: `${(v / total) * 100}%`, background: colourOf(k) }} />
            ))}
          </div>
          <ul className={s.parts}>
            {parts.map(([k, v]) => (
              <li key={k} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                <span aria-hidden style={{ width: 8, height: 8, borderRadius: 2, background: colourOf(k) }} />
                {tk(`board.part.${k}`)} {number(v, 1)}
              </li>
            ))}
          </ul>
        </>
      )}
      {cautions.length > 0 && (
        <ul className={s.cautions} aria-label={t('board.cautionsLabel')} data-testid="proposal-cautions">
          {cautions.map((c) => (
            <li key={c.code}>
              ⚠ {tk(`board.caution.${c.code}`, { ...c.params, score: number(c.params.score ?? 0, 1) })}
            </li>
          ))}
        </ul>
      )}
      {pair.explanation.reasons.length > 0 && (
        <ul className={s.reasons}>
          {pair.explanation.reasons.map((r, i) => (
            <li key={i}>{reason(r, topicNames)}</li>
          ))}
        </ul>
      )}
      <div className={s.tools}>
        {pair.locked && <Badge tone="brand">{t('board.locked')}</Badge>}
        {!readOnly && (
          <>
            <Checkbox
              checked={selected}
              onChange={(_, d) => onSelect(Boolean(d.checked))}
              label={t('board.selectForSwap')}
              disabled={busy}
            />
            <Button size="small" onClick={() => onLock(!pair.locked)} disabled={busy}>
              {t(pair.locked ? 'board.unlock' : 'board.lock')}
            </Button>
            <Button size="small" appearance="subtle" onClick={onExclude} disabled={busy}>
              {t('board.exclude')}
            </Button>
          </>
        )}
        {readOnly && pair.publishedAt && (
          <span className={s.role}>
            {t('board.answers', {
              mentor: t(`answer.${pair.mentor.state}` as MessageKey),
              mentee: t(`answer.${pair.mentee.state}` as MessageKey),
            })}
          </span>
        )}
      </div>
    </li>
  );
}
