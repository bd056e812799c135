/** The current page lives in the address (`?view=…&programme=…`), so reloads and deep links keep it. */
import { useCallback, useEffect, useState } from 'react';
import { param, viewOf, type ViewName } from '../host/host';

export interface NavState {
  view: ViewName;
  programmeId?: string;
}

export function readNav(fallback: ViewName): NavState {
  const programmeId = param('programme') ?? undefined;
  return { view: viewOf(param('view')) ?? fallback, ...(programmeId ? { programmeId } : {}) };
}

function writeNav(state: NavState, push: boolean): void {
  const url = new URL(location.href);
  url.searchParams.set('view', state.view);
  if (state.programmeId) url.searchParams.set('programme', state.programmeId);
  else url.searchParams.delete('programme');
  if (url.href === location.href) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

export function useNavState(initial: ViewName): [NavState, (view: ViewName, programmeId?: string) => void] {
  const [state, setState] = useState<NavState>(() => readNav(initial));
  useEffect(() => {
    writeNav(state, false);
    const onPop = () => setState(readNav(initial));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once on mount: the address is written from the first state only
  }, []);
  const go = useCallback((view: ViewName, programmeId?: string) => {
    const next = { view, ...(programmeId ? { programmeId } : {}) };
    writeNav(next, true);
    setState(next);
  }, []);
  return [state, go];
}
