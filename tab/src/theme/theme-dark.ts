/** Loaded on demand by themes.ts. */
export { teamsDarkTheme as theme } from '@fluentui/react-components';
