/**
 * What the tab knows about where it runs: inside Teams (SSO token, Teams theme and locale) or
 * standalone on the local stack (demo sign-in, theme and language chosen in the page).
 */
import type { TokenSource } from '../api/client';
import type { Lang } from '../i18n/translate';
import type { ThemeName } from '../theme/themes';

export const VIEWS = ['my-tandem', 'programmes', 'reports'] as const;
export type ViewName = (typeof VIEWS)[number];

export function viewOf(value: string | null | undefined): ViewName | undefined {
  return VIEWS.find((v) => v === value);
}

export interface HostInfo {
  kind: 'teams' | 'standalone';
  lang: Lang;
  theme: ThemeName;
  /** The static tab Teams opened (its entity id) or the `?view=` of the address. */
  view?: ViewName;
  tokens: TokenSource;
  /** Inside Teams: opens the consent popup when signing in needs the person (auth/teams-tokens.ts). */
  consent?(): Promise<void>;
  /** Teams tells the tab when the user switches theme. */
  onThemeChange?(handler: (theme: ThemeName) => void): void;
}

/** Reads `?name=` from the address. */
export function param(name: string, search = typeof location === 'undefined' ? '' : location.search): string | null {
  return new URLSearchParams(search).get(name);
}
