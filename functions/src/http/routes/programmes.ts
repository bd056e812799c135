/** Programmes: list, create, read, change, move through the phases; the HR report; audit; announcements. */
import { defineRoute } from '../route';
import {
  announce,
  announcementSchema,
  changePhase,
  changePhaseSchema,
  createProgramme,
  createProgrammeSchema,
  getProgramme,
  listAudit,
  listProgrammes,
  pageQuerySchema,
  programmeParamsSchema,
  programmeReport,
  updateProgramme,
  updateProgrammeSchema,
} from '@tandem/app';

export const programmeLocation = (id: string) => `/api/v1/programmes/${encodeURIComponent(id)}`;

defineRoute({
  name: 'listProgrammes',
  method: 'GET',
  route: 'v1/programmes',
  query: pageQuerySchema,
  run: async ({ deps, caller, query }) => ({ body: await listProgrammes(deps, caller, query) }),
});

defineRoute({
  name: 'createProgramme',
  method: 'POST',
  route: 'v1/programmes',
  body: createProgrammeSchema,
  idempotent: true,
  run: async ({ deps, caller, body }) => {
    const p = await createProgramme(deps, caller, body);
    return { status: 201, body: p, etag: p.etag, location: programmeLocation(p.id) };
  },
});

defineRoute({
  name: 'getProgramme',
  method: 'GET',
  route: 'v1/programmes/{id}',
  params: programmeParamsSchema,
  run: async ({ deps, caller, params }) => {
    const p = await getProgramme(deps, caller, params.id);
    return { body: p, etag: p.etag };
  },
});

defineRoute({
  name: 'updateProgramme',
  method: 'PATCH',
  route: 'v1/programmes/{id}',
  params: programmeParamsSchema,
  body: updateProgrammeSchema,
  run: async ({ deps, caller, params, body, ifMatch }) => {
    const p = await updateProgramme(deps, caller, params.id, body, ifMatch);
    return { body: p, etag: p.etag };
  },
});

defineRoute({
  name: 'changePhase',
  method: 'POST',
  route: 'v1/programmes/{id}/phase',
  params: programmeParamsSchema,
  body: changePhaseSchema,
  run: async ({ deps, caller, params, body, ifMatch }) => {
    const p = await changePhase(deps, caller, params.id, body.to, ifMatch);
    return { body: p, etag: p.etag };
  },
});

defineRoute({
  name: 'programmeReport',
  method: 'GET',
  route: 'v1/programmes/{id}/report',
  params: programmeParamsSchema,
  run: async ({ deps, caller, params }) => ({ body: await programmeReport(deps, caller, params.id) }),
});

defineRoute({
  name: 'programmeAudit',
  method: 'GET',
  route: 'v1/programmes/{id}/audit',
  params: programmeParamsSchema,
  query: pageQuerySchema,
  run: async ({ deps, caller, params, query }) => ({ body: await listAudit(deps, caller, params.id, query) }),
});

defineRoute({
  name: 'sendAnnouncement',
  method: 'POST',
  route: 'v1/programmes/{id}/announcements',
  params: programmeParamsSchema,
  body: announcementSchema,
  idempotent: true,
  run: async ({ deps, caller, params, body }) => ({ status: 202, body: await announce(deps, caller, params.id, body) }),
});
