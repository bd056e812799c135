/**
 * Small status labels (a participant's status, a pair's status, a phase), drawn like Fluent's tint
 * badge. Colour is never the only signal: the text says it.
 */
import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/translate';

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    height: '20px',
    padding: '0 6px',
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
    border: `${tokens.strokeWidthThin} solid`,
  },
  brand: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    ...shorthands.borderColor(tokens.colorBrandStroke2),
  },
  success: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
    ...shorthands.borderColor(tokens.colorPaletteGreenBorder1),
  },
  warning: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorNeutralForeground1,
    ...shorthands.borderColor(tokens.colorPaletteYellowBorder1),
  },
  danger: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
    ...shorthands.borderColor(tokens.colorPaletteRedBorder1),
  },
  informative: {
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground1,
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
  subtle: {
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
});

type Tone = 'brand' | 'success' | 'warning' | 'danger' | 'informative' | 'subtle';

const TONES: Record<string, Tone> = {
  invited: 'warning',
  'opted-in': 'success',
  paused: 'informative',
  left: 'subtle',
  proposed: 'warning',
  confirmed: 'brand',
  active: 'success',
  declined: 'danger',
  ended: 'subtle',
  draft: 'subtle',
  preparation: 'informative',
  matching: 'warning',
  execution: 'success',
  steering: 'brand',
  closed: 'subtle',
};

export function Badge({ tone, children }: { tone: Tone; children: string }) {
  const s = useStyles();
  return <span className={mergeClasses(s.badge, s[tone])}>{children}</span>;
}

export function StatusBadge({ kind, value }: { kind: 'status' | 'pairStatus' | 'phase'; value: string }) {
  const { t } = useT();
  return <Badge tone={TONES[value] ?? 'informative'}>{t(`${kind}.${value}` as MessageKey)}</Badge>;
}
