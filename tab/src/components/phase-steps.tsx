/** The four steps of a programme (preparation, matching, execution, steering) with the current one marked. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Phase } from '../api/types';
import { useT } from '../i18n/i18n-context';

export const STEPS = ['preparation', 'matching', 'execution', 'steering'] as const;
export type Step = (typeof STEPS)[number];

const useStyles = makeStyles({
  list: { display: 'flex', listStyle: 'none', margin: 0, padding: 0, gap: '4px', flexWrap: 'wrap' },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    padding: '4px 10px 4px 4px',
    borderRadius: tokens.borderRadiusCircular,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  button: { cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  done: { color: tokens.colorNeutralForeground1 },
  current: {
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  selected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  dot: {
    width: '20px',
    height: '20px',
    borderRadius: '50%',
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  dotDone: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorPaletteGreenForeground2 },
  dotCurrent: { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorBrandForeground1 },
});

/** Where a phase sits among the four steps: draft is before them, closed after. */
export function stepIndex(phase: Phase): number {
  if (phase === 'draft') return -1;
  if (phase === 'closed') return STEPS.length;
  return STEPS.indexOf(phase);
}

export function PhaseSteps({
  phase,
  selected,
  onSelect,
  label,
}: {
  phase: Phase;
  /** The step whose page is shown (console), if any. */
  selected?: Step;
  onSelect?: (step: Step) => void;
  label?: string;
}) {
  const s = useStyles();
  const { t } = useT();
  const current = stepIndex(phase);
  return (
    <ol className={s.list} aria-label={label ?? t('phase.stepsLabel')}>
      {STEPS.map((step, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        const content = (
          <>
            <span
              className={mergeClasses(s.dot, state === 'done' && s.dotDone, state === 'current' && s.dotCurrent)}
              aria-hidden
            >
              {state === 'done' ? '✓' : i + 1}
            </span>
            {t(`phase.${step}`)}
            <span className="visually-hidden">
              {' '}
              (
              {t(
                state === 'done'
                  ? 'phase.state.done'
                  : state === 'current'
                    ? 'phase.state.current'
                    : 'phase.state.todo',
              )}
              )
            </span>
          </>
        );
        const cls = mergeClasses(
          s.item,
          state === 'done' && s.done,
          state === 'current' && s.current,
          onSelect && s.button,
          selected === step && s.selected,
        );
        return (
          <li key={step} aria-current={state === 'current' ? 'step' : undefined}>
            {onSelect ? (
              <button
                type="button"
                className={cls}
                onClick={() => onSelect(step)}
                aria-pressed={selected === step}
                style={{ font: 'inherit' }}
              >
                {content}
              </button>
            ) : (
              <span className={cls}>{content}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
