/** Runs a user action (a button press): busy while it runs, the error to show when it fails. */
import { useCallback, useRef, useState } from 'react';

export interface Action<A extends unknown[]> {
  run(...args: A): Promise<boolean>;
  busy: boolean;
  error: unknown;
  clearError(): void;
}

export function useAction<A extends unknown[]>(fn: (...args: A) => Promise<unknown>): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const running = useRef(false);
  const run = useCallback(async (...args: A) => {
    // A second press while the first is on its way does nothing (the API also de-duplicates).
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(undefined);
    try {
      await fnRef.current(...args);
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { run, busy, error, clearError: useCallback(() => setError(undefined), []) };
}
