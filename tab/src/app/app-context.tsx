/** What every page can reach: the API client, who is signed in, and the tab's navigation. */
import { createContext, useContext } from 'react';
import type { Api } from '../api/endpoints';
import type { Me } from '../api/types';
import type { ViewName } from '../host/host';

export interface Navigation {
  view: ViewName;
  /** The programme a page shows (console, report), kept in the address as `?programme=`. */
  programmeId?: string;
  go(view: ViewName, programmeId?: string): void;
}

export interface AppContextValue {
  api: Api;
  me: Me;
  reloadMe(): Promise<void>;
  nav: Navigation;
  hostKind: 'teams' | 'standalone';
  /** The time pages judge "due", "past" and "next" by (Date.now in the tab; a fixed instant in tests). */
  now(): number;
}

const AppContext = createContext<AppContextValue | undefined>(undefined);

export const AppContextProvider = AppContext.Provider;

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContextProvider');
  return value;
}
