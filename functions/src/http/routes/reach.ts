/** Reaching invitees: the app installed for them through Graph, and their calendars (managers only). */
import { defineRoute } from '../route';
import { programmeParamsSchema, programmeReach } from '@tandem/app';

defineRoute({
  name: 'programmeReach',
  method: 'GET',
  route: 'v1/programmes/{id}/reach',
  params: programmeParamsSchema,
  run: async ({ deps, caller, params }) => ({ body: await programmeReach(deps, caller, params.id) }),
});
