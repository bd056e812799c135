/** Matching runs, the review of proposals (lock, swap, exclude), publishing, each person's answer, pair health. */
import { defineRoute } from '../route';
import {
  answerProposal,
  declineSchema,
  excludePair,
  getJob,
  getPair,
  jobParamsSchema,
  listPairHealth,
  listPairs,
  lockSchema,
  pairParamsSchema,
  pairsQuerySchema,
  programmeParamsSchema,
  publishProposals,
  runMatchingJob,
  setPairLock,
  startMatchingRun,
  swapPairs,
  swapSchema,
} from '@tandem/app';

/** How long the request waits for a run before answering 202 with the job still going. */
const INLINE_WAIT_MS = 20_000;

defineRoute({
  name: 'startMatching',
  method: 'POST',
  route: 'v1/programmes/{id}/matching-runs',
  params: programmeParamsSchema,
  idempotent: true,
  run: async ({ deps, caller, params }) => {
    const job = await startMatchingRun(deps, caller, params.id);
    // Runs now; a run that outlives the wait (or this instance) is finished by the matchingJobs timer.
    const running = runMatchingJob(deps, params.id, job.id);
    running.catch(() => {});
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      running.catch(() => undefined),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), INLINE_WAIT_MS);
      }),
    ]);
    clearTimeout(timer);
    const current = waited ?? (await deps.store.jobs.get(params.id, job.id));
    return {
      status: 202,
      body: current,
      location: `/api/v1/programmes/${encodeURIComponent(params.id)}/jobs/${encodeURIComponent(job.id)}`,
    };
  },
});

defineRoute({
  name: 'getJob',
  method: 'GET',
  route: 'v1/programmes/{id}/jobs/{jobId}',
  params: jobParamsSchema,
  run: async ({ deps, caller, params }) => ({ body: await getJob(deps, caller, params.id, params.jobId) }),
});

defineRoute({
  name: 'listPairs',
  method: 'GET',
  route: 'v1/programmes/{id}/pairs',
  params: programmeParamsSchema,
  query: pairsQuerySchema,
  run: async ({ deps, caller, params, query }) => ({ body: await listPairs(deps, caller, params.id, query) }),
});

defineRoute({
  name: 'getPair',
  method: 'GET',
  route: 'v1/programmes/{id}/pairs/{pairId}',
  params: pairParamsSchema,
  run: async ({ deps, caller, params }) => {
    const p = await getPair(deps, caller, params.id, params.pairId);
    return { body: p, etag: p.etag };
  },
});

defineRoute({
  name: 'lockPair',
  method: 'POST',
  route: 'v1/programmes/{id}/pairs/{pairId}/lock',
  params: pairParamsSchema,
  body: lockSchema,
  run: async ({ deps, caller, params, body, ifMatch }) => {
    const p = await setPairLock(deps, caller, params.id, params.pairId, body.locked, ifMatch);
    return { body: p, etag: p.etag };
  },
});

defineRoute({
  name: 'excludePair',
  method: 'POST',
  route: 'v1/programmes/{id}/pairs/{pairId}/exclude',
  params: pairParamsSchema,
  run: async ({ deps, caller, params, ifMatch }) => {
    const p = await excludePair(deps, caller, params.id, params.pairId, ifMatch);
    return { body: p, etag: p.etag };
  },
});

defineRoute({
  name: 'swapPairs',
  method: 'POST',
  route: 'v1/programmes/{id}/pair-swaps',
  params: programmeParamsSchema,
  body: swapSchema,
  run: async ({ deps, caller, params, body }) => ({ body: await swapPairs(deps, caller, params.id, body.pairIds) }),
});

defineRoute({
  name: 'publishPairs',
  method: 'POST',
  route: 'v1/programmes/{id}/publish',
  params: programmeParamsSchema,
  run: async ({ deps, caller, params, ifMatch }) => {
    const result = await publishProposals(deps, caller, params.id, ifMatch);
    return { body: result, etag: result.programme.etag };
  },
});

defineRoute({
  name: 'confirmPair',
  method: 'POST',
  route: 'v1/programmes/{id}/pairs/{pairId}/confirm',
  params: pairParamsSchema,
  run: async ({ deps, caller, params, ifMatch }) => {
    const p = await answerProposal(deps, caller, params.id, params.pairId, true, undefined, ifMatch);
    return { body: p, etag: p.etag };
  },
});

defineRoute({
  name: 'declinePair',
  method: 'POST',
  route: 'v1/programmes/{id}/pairs/{pairId}/decline',
  params: pairParamsSchema,
  body: declineSchema,
  run: async ({ deps, caller, params, body, ifMatch }) => {
    const p = await answerProposal(deps, caller, params.id, params.pairId, false, body.reason, ifMatch);
    return { body: p, etag: p.etag };
  },
});

defineRoute({
  name: 'listPairHealth',
  method: 'GET',
  route: 'v1/programmes/{id}/pair-health',
  params: programmeParamsSchema,
  run: async ({ deps, caller, params }) => ({ body: await listPairHealth(deps, caller, params.id) }),
});
