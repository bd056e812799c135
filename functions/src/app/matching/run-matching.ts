/**
 * Matching runs as a job: starting one records it and marks the programme as busy (so two runs, or a
 * run and publishing, never overlap); running it replaces the unpublished, unlocked proposals with
 * the engine's best pairs. A run interrupted half-way is picked up again by the `matchingJobs` timer.
 */
import { coded, ConflictError, InvalidError } from '../../core/errors';
import { MatchInputError } from '../../core/matching';
import { leaseFree, type Programme } from '../../core/model';
import type { JobRecord } from '../../ports/records';
import { type Stored } from '../../ports/store';
import { nowIso } from '../../ports/clock';
import type { AppDeps } from '../deps';
import { assertManager, type Caller } from '../caller';
import { loadProgramme } from '../support/access';
import { audit } from '../support/audit';
import { newId } from '../support/ids';
import { deleteOnce } from '../support/retry';
import { takeLease, withoutLease } from '../support/lease';
import { proposeClaimed, releasePair } from '../support/pair-claims';
import { forEachLimited, WRITE_CONCURRENCY } from '../support/batch';
import { buildMatchInput, candidatesOf, loadMatchContext, proposalOf } from './match-input';
import { retryUnlessIfMatch, stripEtag, update } from '../support/update';

export const MATCHING_JOB = 'matching';
/** A running job whose worker has not finished within this time is taken over by the next worker. */
export const JOB_LEASE_MS = 10 * 60 * 1000;

export interface MatchingJobResult {
  pairs: number;
  newPairs: number;
  lockedPairs: number;
  unmatched: { userId: string; role: 'mentor' | 'mentee'; reason: { key: string; params: Record<string, unknown> } }[];
  warnings: { code: string; message: string }[];
  optimal: boolean;
  totalScore: number;
}

function isActive(job: JobRecord | undefined, now: number): boolean {
  if (!job) return false;
  if (job.status === 'queued') return true;
  return job.status === 'running' && !leaseFree(job.lease, now);
}

/** Records a matching run for the programme; run it with `runMatchingJob`. */
export async function startMatchingRun(deps: AppDeps, caller: Caller, programmeId: string): Promise<Stored<JobRecord>> {
  assertManager(caller);
  const jobId = newId('job');
  const now = nowIso(deps.clock);
  // The programme document is the lock: of two starts at once one writes the job id, the other
  // reads again, finds the run going and is refused.
  await retryUnlessIfMatch(undefined, async () => {
    const programme = await loadProgramme(deps, programmeId);
    if (programme.phase !== 'matching')
      throw coded(
        new ConflictError(`Matching runs in the matching phase; the programme is in ${programme.phase}.`),
        'wrong-phase',
      );
    if (programme.matchingJobId) {
      const running = await deps.store.jobs.find(programmeId, programme.matchingJobId);
      if (isActive(running, deps.clock.now().getTime()))
        throw coded(new ConflictError('A matching run is already going for this programme.'), 'matching-running');
    }
    await deps.store.programmes.replace({ ...stripEtag(programme), matchingJobId: jobId }, programme.etag);
  });
  const job = await deps.store.jobs.create({
    id: jobId,
    schemaVersion: 1,
    programmeId,
    kind: MATCHING_JOB,
    status: 'queued',
    requestedBy: caller.userId,
    createdAt: now,
  });
  await audit(deps, programmeId, caller.userId, 'matching.started', jobId);
  return job;
}

/** Claims the job (queued, or running past its lease) for this worker; false when another has it. */
async function claim(deps: AppDeps, programmeId: string, jobId: string): Promise<boolean> {
  const taken = await takeLease(
    deps.store.jobs,
    programmeId,
    jobId,
    deps.clock,
    JOB_LEASE_MS,
    (j) => j.status === 'queued' || j.status === 'running',
    (j): JobRecord => ({ ...j, status: 'running', startedAt: nowIso(deps.clock) }),
  );
  return Boolean(taken);
}

/** Runs a claimed matching job to its end (succeeded or failed); safe to call twice. */
export async function runMatchingJob(deps: AppDeps, programmeId: string, jobId: string): Promise<Stored<JobRecord>> {
  if (!(await claim(deps, programmeId, jobId))) return deps.store.jobs.get(programmeId, jobId);
  let outcome: Pick<JobRecord, 'status' | 'result' | 'error'>;
  try {
    const programme = await loadProgramme(deps, programmeId);
    outcome = { status: 'succeeded', result: await match(deps, programme, jobId) };
  } catch (err) {
    if (!(err instanceof MatchInputError || err instanceof InvalidError || err instanceof ConflictError)) {
      await finish(deps, programmeId, jobId, { status: 'failed', error: 'The run failed; it can be started again.' });
      throw err;
    }
    outcome = { status: 'failed', error: err.message };
  }
  return finish(deps, programmeId, jobId, outcome);
}

async function finish(
  deps: AppDeps,
  programmeId: string,
  jobId: string,
  outcome: Pick<JobRecord, 'status' | 'result' | 'error'>,
): Promise<Stored<JobRecord>> {
  const finishedAt = nowIso(deps.clock);
  const job = await update(deps.store.jobs, programmeId, jobId, (j) => ({
    ...withoutLease(j),
    status: outcome.status,
    finishedAt,
    ...(outcome.result !== undefined ? { result: outcome.result } : {}),
    ...(outcome.error ? { error: outcome.error } : {}),
  }));
  await update(deps.store.programmes, programmeId, programmeId, (p): Programme => {
    if (p.matchingJobId !== jobId) return p;
    const { matchingJobId: _done, ...rest } = p;
    return rest;
  });
  await audit(deps, programmeId, `job:${jobId}`, `matching.${outcome.status}`, jobId);
  return job;
}

async function match(deps: AppDeps, programme: Programme, jobId: string): Promise<MatchingJobResult> {
  const ctx = await loadMatchContext(deps, programme);
  // People in published pairs that still bind them keep their partner; unpublished proposals are redone.
  const taken = new Set(
    ctx.pairs
      .filter((p) => p.publishedAt && (p.status === 'proposed' || p.status === 'confirmed' || p.status === 'active'))
      .flatMap((p) => [p.mentorId, p.menteeId]),
  );
  const people = candidatesOf(ctx.participants).filter((p) => !taken.has(p.userId));
  const ids = new Set(people.map((p) => p.userId));
  const unpublished = ctx.pairs.filter((p) => p.status === 'proposed' && !p.publishedAt);
  const locked = unpublished.filter((p) => p.locked && ids.has(p.mentorId) && ids.has(p.menteeId));
  const input = await buildMatchInput(
    deps,
    ctx,
    people,
    locked.map((p) => [p.mentorId, p.menteeId]),
  );
  // Same result as solveMatching; in production the passes over all pairs run on the spare cores too.
  const result = deps.matcher.solve(input);
  const now = nowIso(deps.clock);
  const lockedKeys = new Set(locked.map((p) => `${p.mentorId}|${p.menteeId}`));
  const stale = unpublished.filter((old) => !lockedKeys.has(`${old.mentorId}|${old.menteeId}`));
  // A replaced proposal goes before its people are let go (never the other way round), and it
  // keeps nobody apart: nobody saw it.
  await forEachLimited(stale, WRITE_CONCURRENCY, async (old) => {
    await deleteOnce(deps.store.pairs, programme.id, old.id);
    await releasePair(deps, old, false);
  });
  const fresh = result.pairs.filter((p) => !lockedKeys.has(`${p.mentor}|${p.mentee}`));
  let created = 0;
  const refused: MatchingJobResult['unmatched'] = [];
  await forEachLimited(fresh, WRITE_CONCURRENCY, async (pair) => {
    const proposed = await proposeClaimed(deps, programme, proposalOf(programme, ctx, pair, now, { jobId }));
    if ('pair' in proposed) created++;
    else
      // Someone's situation changed while the engine ran (they paused, left or were paired): the
      // reconciler matches whoever is still free once the run is over.
      for (const [userId, role] of [
        [pair.mentee, 'mentee'],
        [pair.mentor, 'mentor'],
      ] as const)
        refused.push({ userId, role, reason: { key: 'unmatched.changed', params: { detail: proposed.refused } } });
  });
  return {
    pairs: result.pairCount - refused.length / 2,
    newPairs: created,
    lockedPairs: result.pairCount - fresh.length,
    unmatched: [...result.unmatched.map((u) => ({ userId: u.id, role: u.role, reason: u.reason })), ...refused],
    warnings: result.warnings.map((w) => ({ code: w.code, message: w.message })),
    optimal: result.optimal,
    totalScore: result.totalScore,
  };
}

/** Jobs that were queued or whose worker stopped (lease expired): the timer runs them again. */
export async function resumeMatchingJobs(deps: AppDeps): Promise<number> {
  let resumed = 0;
  const now = deps.clock.now().getTime();
  for await (const job of deps.store.jobs.all(undefined, {
    where: { kind: MATCHING_JOB, status: ['queued', 'running'] },
  })) {
    if (job.status === 'running' && isActive(job, now)) continue;
    if (job.status === 'queued' && now - Date.parse(job.createdAt) < 30_000) continue;
    await runMatchingJob(deps, job.programmeId, job.id);
    resumed++;
  }
  return resumed;
}

export async function getJob(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  jobId: string,
): Promise<Stored<JobRecord>> {
  assertManager(caller);
  return deps.store.jobs.get(programmeId, jobId);
}
