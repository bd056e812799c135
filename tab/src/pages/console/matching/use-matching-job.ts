/**
 * A matching run: start it, follow it until it ends (the API answers 202 and finishes in the
 * background when a run is long), and remember the last run per programme so its unmatched people
 * and warnings are still there after a reload.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../../api/endpoints';
import type { Job } from '../../../api/types';

const POLL_MS = 1500;
const key = (programmeId: string) => `tandem.matchingJob.${programmeId}`;

function remembered(programmeId: string): string | undefined {
  try {
    return localStorage.getItem(key(programmeId)) ?? undefined;
  } catch {
    return undefined;
  }
}

function remember(programmeId: string, jobId: string): void {
  try {
    localStorage.setItem(key(programmeId), jobId);
  } catch {
    // not remembered: the next reload shows no unmatched list
  }
}

export function useMatchingJob(
  api: Api,
  programmeId: string,
  runningJobId: string | undefined,
  onDone: () => Promise<void>,
) {
  const [job, setJob] = useState<Job | undefined>();
  const [error, setError] = useState<unknown>();
  const live = useRef(true);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  const follow = useCallback(
    async (jobId: string) => {
      for (;;) {
        const current = await api.job(programmeId, jobId);
        if (!live.current) return;
        setJob(current);
        if (current.status === 'succeeded' || current.status === 'failed') {
          await onDoneRef.current();
          return;
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    },
    [api, programmeId],
  );

  useEffect(() => {
    live.current = true;
    const id = runningJobId ?? remembered(programmeId);
    if (id) follow(id).catch(() => undefined);
    return () => {
      live.current = false;
    };
  }, [follow, programmeId, runningJobId]);

  const start = useCallback(async () => {
    setError(undefined);
    try {
      const started = await api.startMatching(programmeId);
      remember(programmeId, started.id);
      setJob(started);
      await follow(started.id);
    } catch (err) {
      setError(err);
    }
  }, [api, follow, programmeId]);

  const running = job?.status === 'queued' || job?.status === 'running';
  return { job, running, start, error, clearError: () => setError(undefined) };
}
