/** Loaded on demand by themes.ts. */
export { teamsLightTheme as theme } from '@fluentui/react-components';
