/** The interest list for a programme's next cohort: say so, withdraw, read the list, invite from it. */
import { defineRoute } from '../route';
import {
  countInterest,
  interestQuerySchema,
  inviteInterested,
  inviteInterestedSchema,
  listInterest,
  programmeParamsSchema,
  registerInterest,
  withdrawInterest,
} from '@tandem/app';

defineRoute({
  name: 'registerInterest',
  method: 'PUT',
  route: 'v1/programmes/{id}/interest',
  params: programmeParamsSchema,
  run: async ({ deps, caller, params }) => {
    const { interest, created } = await registerInterest(deps, caller, params.id, 'api');
    return { status: created ? 201 : 200, body: interest, etag: interest.etag };
  },
});

defineRoute({
  name: 'withdrawInterest',
  method: 'DELETE',
  route: 'v1/programmes/{id}/interest',
  params: programmeParamsSchema,
  run: async ({ deps, caller, params }) => {
    await withdrawInterest(deps, caller, params.id);
    return { status: 204 };
  },
});

defineRoute({
  name: 'listInterest',
  method: 'GET',
  route: 'v1/programmes/{id}/interest',
  params: programmeParamsSchema,
  query: interestQuerySchema,
  run: async ({ deps, caller, params, query }) => ({ body: await listInterest(deps, caller, params.id, query) }),
});

defineRoute({
  name: 'countInterest',
  method: 'GET',
  route: 'v1/programmes/{id}/interest/count',
  params: programmeParamsSchema,
  run: async ({ deps, caller, params }) => ({ body: await countInterest(deps, caller, params.id) }),
});

defineRoute({
  name: 'inviteInterested',
  method: 'POST',
  route: 'v1/programmes/{id}/interest/invitations',
  params: programmeParamsSchema,
  body: inviteInterestedSchema,
  idempotent: true,
  run: async ({ deps, caller, params, body }) => ({ body: await inviteInterested(deps, caller, params.id, body) }),
});
