/**
 * The three Teams themes. Each is loaded on demand (its own chunk), so the first paint carries only
 * the theme in use; Teams reports them as `default`, `dark` and `contrast`.
 */
import type { Theme } from '@fluentui/react-components';
import { loadContrastTheme, loadDarkTheme, loadLightTheme } from '../app/chunks';

export type ThemeName = 'default' | 'dark' | 'contrast';

export const THEME_NAMES: readonly ThemeName[] = ['default', 'dark', 'contrast'];

export function themeNameOf(value: string | null | undefined): ThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

export async function loadTheme(name: ThemeName): Promise<Theme> {
  switch (name) {
    case 'dark':
      return (await loadDarkTheme()).theme;
    case 'contrast':
      return (await loadContrastTheme()).theme;
    default:
      return (await loadLightTheme()).theme;
  }
}
