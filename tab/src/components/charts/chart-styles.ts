/** Colours and text styles of the charts: Fluent tokens, so the charts follow light, dark and high contrast. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useThemeName } from '../../theme/theme-name-context';

/** Series colours, in order; each series also has a name in the legend and the table (colour is never the only cue). */
export const SERIES = [
  tokens.colorBrandBackground,
  tokens.colorPaletteLightTealBackground2,
  tokens.colorPaletteMarigoldBackground2,
  tokens.colorPaletteBerryBackground2,
  tokens.colorPaletteLavenderBackground2,
];

/**
 * High contrast maps every palette colour to black or white, so a series there would vanish: it
 * draws with the few colours that theme keeps apart (text, focus, link).
 */
const CONTRAST_SERIES = [
  tokens.colorNeutralForeground1,
  tokens.colorStrokeFocus2,
  tokens.colorBrandForegroundLink,
  tokens.colorNeutralForegroundDisabled,
  tokens.colorNeutralForeground1,
];

/** The series colours for the theme in use. */
export function useSeries(): string[] {
  return useThemeName() === 'contrast' ? CONTRAST_SERIES : SERIES;
}

export const MUTED_FILL = tokens.colorNeutralBackground5;
export const AXIS = tokens.colorNeutralStroke1;
export const GRID = tokens.colorNeutralStroke3;
export const TEXT = tokens.colorNeutralForeground2;
export const STRONG = tokens.colorNeutralForeground1;

export const useChartStyles = makeStyles({
  svg: { display: 'block', width: '100%', height: 'auto', overflow: 'visible' },
  label: { fontSize: '12px', fill: tokens.colorNeutralForeground1 },
  small: { fontSize: '11px', fill: tokens.colorNeutralForeground2 },
  value: { fontSize: '12px', fontWeight: tokens.fontWeightSemibold, fill: tokens.colorNeutralForeground1 },
  legend: {
    display: 'flex',
    gap: '16px',
    flexWrap: 'wrap',
    margin: 0,
    padding: 0,
    listStyle: 'none',
    fontSize: tokens.fontSizeBase200,
  },
  legendItem: { display: 'inline-flex', alignItems: 'center', gap: '6px' },
  swatch: { width: '12px', height: '12px', borderRadius: '2px', border: `1px solid ${tokens.colorNeutralStroke1}` },
});
