/** The programme manager's honest review of the proposals: cautions per pair and the cost of manual changes. */
import { defineRoute } from '../route';
import { getMatchingReview, programmeParamsSchema } from '@tandem/app';

defineRoute({
  name: 'getMatchingReview',
  method: 'GET',
  route: 'v1/programmes/{id}/matching-review',
  params: programmeParamsSchema,
  run: async ({ deps, caller, params }) => ({ body: await getMatchingReview(deps, caller, params.id) }),
});
