/**
 * The programme manager after publishing and between cohorts: the participants view and its CSV
 * export (a download link: app/downloads.ts), re-matching one person, message cards to a pair or a person, co-managers, and the next
 * cohort cloned from this one. (Ending a pair: `POST …/pairs/{pairId}/end`, routes/sessions.ts.)
 */
import { defineRoute } from '../route';
import {
  addCoManager,
  cloneProgramme,
  cloneProgrammeSchema,
  coManagerParamsSchema,
  coManagerSchema,
  listProgrammeManagers,
  messagePeople,
  messageSchema,
  participantsView,
  participantsViewQuerySchema,
  programmeParamsSchema,
  rematchPerson,
  rematchPersonSchema,
  removeCoManager,
} from '@tandem/app';
import { programmeLocation } from './programmes';

defineRoute({
  name: 'participantsView',
  method: 'GET',
  route: 'v1/programmes/{id}/participants/overview',
  params: programmeParamsSchema,
  query: participantsViewQuerySchema,
  run: async ({ deps, caller, params, query }) => ({ body: await participantsView(deps, caller, params.id, query) }),
});

defineRoute({
  name: 'rematchPerson',
  method: 'POST',
  route: 'v1/programmes/{id}/rematch',
  params: programmeParamsSchema,
  body: rematchPersonSchema,
  run: async ({ deps, caller, params, body }) => ({ body: await rematchPerson(deps, caller, params.id, body.userId) }),
});

defineRoute({
  name: 'sendMessage',
  method: 'POST',
  route: 'v1/programmes/{id}/messages',
  params: programmeParamsSchema,
  body: messageSchema,
  idempotent: true,
  run: async ({ deps, caller, params, body }) => ({
    status: 202,
    body: await messagePeople(deps, caller, params.id, body),
  }),
});

defineRoute({
  name: 'listCoManagers',
  method: 'GET',
  route: 'v1/programmes/{id}/co-managers',
  params: programmeParamsSchema,
  run: async ({ deps, caller, params }) => ({
    body: { items: await listProgrammeManagers(deps, caller, params.id) },
  }),
});

defineRoute({
  name: 'addCoManager',
  method: 'POST',
  route: 'v1/programmes/{id}/co-managers',
  params: programmeParamsSchema,
  body: coManagerSchema,
  run: async ({ deps, caller, params, body, ifMatch }) => {
    const p = await addCoManager(deps, caller, params.id, body.userId, ifMatch);
    return { body: p, etag: p.etag };
  },
});

defineRoute({
  name: 'removeCoManager',
  method: 'DELETE',
  route: 'v1/programmes/{id}/co-managers/{userId}',
  params: coManagerParamsSchema,
  run: async ({ deps, caller, params, ifMatch }) => {
    const p = await removeCoManager(deps, caller, params.id, params.userId, ifMatch);
    return { body: p, etag: p.etag };
  },
});

defineRoute({
  name: 'cloneProgramme',
  method: 'POST',
  route: 'v1/programmes/{id}/next-cohort',
  params: programmeParamsSchema,
  body: cloneProgrammeSchema,
  idempotent: true,
  run: async ({ deps, caller, params, body }) => {
    const result = await cloneProgramme(deps, caller, params.id, body);
    return {
      status: 201,
      body: result,
      etag: result.programme.etag,
      location: programmeLocation(result.programme.id),
    };
  },
});
