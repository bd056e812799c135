/**
 * Every dynamically loaded chunk of the tab, in one place. esbuild splits each `import()` into its own
 * file, fetched on first use. NOTE: the `.js` extensions are what TypeScript's node16 resolution asks
 * of an `import()`; esbuild maps them to the .ts/.tsx sources, and tests replace this module.
 */
import type { ComponentType } from 'react';
export const loadConsolePage = async (): Promise<{ default: ComponentType }> => ({
  default: (await import('../pages/console/console-page.js')).ConsolePage,
});
export const loadReportPage = async (): Promise<{ default: ComponentType }> => ({
  default: (await import('../pages/report/report-page.js')).ReportPage,
});
export const loadDarkTheme = () => import('../theme/theme-dark.js');
export const loadContrastTheme = () => import('../theme/theme-contrast.js');
export const loadLightTheme = () => import('../theme/theme-light.js');
export const loadTeamsJs = () => import('../host/teams-sdk.js');
export const loadMessages = async (lang: 'en' | 'de'): Promise<Record<string, string>> =>
  lang === 'de' ? (await import('../../resources/de.json')).default : (await import('../../resources/en.json')).default;
