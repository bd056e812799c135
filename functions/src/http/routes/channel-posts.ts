/** Posts to team channels where the app is installed (internal communication beyond the programme). */
import { defineRoute } from '../route';
import { channelPostSchema, listTeamChannels, postToChannel, programmeParamsSchema } from '@tandem/app';

defineRoute({
  name: 'listTeamChannels',
  method: 'GET',
  route: 'v1/team-channels',
  run: async ({ deps, caller }) => ({ body: await listTeamChannels(deps, caller) }),
});

defineRoute({
  name: 'postToChannel',
  method: 'POST',
  route: 'v1/programmes/{id}/channel-posts',
  params: programmeParamsSchema,
  body: channelPostSchema,
  idempotent: true,
  run: async ({ deps, caller, params, body }) => ({
    status: 202,
    body: await postToChannel(deps, caller, params.id, body),
  }),
});
