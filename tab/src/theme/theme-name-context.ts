/** The Teams theme in use, for the few places that draw with more than Fluent's tokens (chart colours). */
import { createContext, useContext } from 'react';
import type { ThemeName } from './themes';

export const ThemeNameContext = createContext<ThemeName>('default');

export function useThemeName(): ThemeName {
  return useContext(ThemeNameContext);
}
