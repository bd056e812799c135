/**
 * One of a pair acting on their own sessions and pair: free times to move a session to, moving the
 * rest of the series, pausing the sessions until a date, ending the pair without blame. Each use
 * case checks that the caller is one of the two people (ending a pair: or a manager after publishing).
 */
import { z } from 'zod';
import { defineRoute } from '../route';
import {
  endPairAs,
  idSchema,
  moveParamsSchema,
  moveRestOfSeries,
  moveRestSchema,
  pairParamsSchema,
  pauseSessionsUntil,
  pauseUntilSchema,
  programmeParamsSchema,
  slotsToMoveTo,
} from '@tandem/app';

defineRoute({
  name: 'freeSlots',
  method: 'GET',
  route: 'v1/programmes/{id}/meetings/{seriesId}/occurrences/{index}/free-slots',
  params: moveParamsSchema,
  run: async ({ deps, caller, params }) => ({
    body: await slotsToMoveTo(deps, caller, params.id, params.seriesId, params.index),
  }),
});

defineRoute({
  name: 'moveRestOfSeries',
  method: 'POST',
  route: 'v1/programmes/{id}/meetings/{seriesId}/move-rest',
  params: z.strictObject({ id: idSchema, seriesId: idSchema }),
  body: moveRestSchema,
  run: async ({ deps, caller, params, body }) => ({
    body: await moveRestOfSeries(deps, caller, params.id, params.seriesId, body),
  }),
});

defineRoute({
  name: 'pauseSessionsUntil',
  method: 'POST',
  route: 'v1/programmes/{id}/participants/me/pause-until',
  params: programmeParamsSchema,
  body: pauseUntilSchema,
  run: async ({ deps, caller, params, body }) => ({
    body: await pauseSessionsUntil(deps, caller, params.id, body.until),
  }),
});

defineRoute({
  name: 'endMyPair',
  method: 'POST',
  route: 'v1/programmes/{id}/pairs/{pairId}/end',
  params: pairParamsSchema,
  // Either of the two people, or a programme manager stepping in after publishing (app/manager-steps.ts).
  run: async ({ deps, caller, params }) => ({ body: await endPairAs(deps, caller, params.id, params.pairId) }),
});
