/** Loads data for a component: loading, error, reload, and a local update after a successful change. */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): Promise<void>;
  /** Replaces the data locally (e.g. with the document an update returned). */
  set(update: T | ((current: T | undefined) => T)): void;
}

export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const run = useCallback(async () => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await loadRef.current();
      if (mine === generation.current) setState({ data, loading: false });
    } catch (error) {
      if (mine === generation.current) setState((s) => ({ ...s, error, loading: false }));
    }
  }, []);
  useEffect(() => {
    void run();
    return () => {
      // A counter, not a DOM node: bumping the current value is what makes an older load's result stale.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      generation.current++;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps decide when to load (run is stable)
  }, deps);
  const set = useCallback((update: T | ((current: T | undefined) => T)) => {
    setState((s) => ({
      ...s,
      data: typeof update === 'function' ? (update as (c: T | undefined) => T)(s.data) : update,
    }));
  }, []);
  return { data: state.data, error: state.error, loading: state.loading, reload: run, set };
}
