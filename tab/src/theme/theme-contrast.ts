/** Loaded on demand by themes.ts. */
export { teamsHighContrastTheme as theme } from '@fluentui/react-components';
