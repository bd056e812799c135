/** Colours and text styles of the charts: Fluent tokens, so the charts follow light, dark and high contrast. */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Series colours, in order; each series also has a name in the legend and the table (colour is never the only cue). */
export const SERIES = [
  tokens.colorBrandBackground,
  tokens.colorPaletteLightTealBackground2,
  tokens.colorPaletteMarigoldBackground2,
  tokens.colorPaletteBerryBackground2,
  tokens.colorPaletteLavenderBackground2,
];

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
