/** The caller: who am I, my data (GDPR Art. 15/20), erase me (Art. 17). */
import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { defineRoute } from '../route';
import { problem, problemOf } from '../problem';
import { requestServices } from '../services';
import { ERASURE_CONFIRMATION, describeMe, eraseMe, erasureSchema, exportMyData } from '@tandem/app';

export const getMe = defineRoute({
  name: 'getMe',
  method: 'GET',
  route: 'v1/me',
  run: async ({ deps, caller }) => ({ body: await describeMe(deps, caller) }),
});

export const exportMe = defineRoute({
  name: 'exportMe',
  method: 'GET',
  route: 'v1/me/export',
  run: async ({ deps, caller }) => ({ body: await exportMyData(deps, caller) }),
});

/** Erasure takes an explicit confirmation in the body: nothing is erased by a request that lacks it. */
export const requestErasure = defineRoute({
  name: 'requestErasure',
  method: 'POST',
  route: 'v1/me/erasure',
  body: erasureSchema,
  run: async ({ deps, caller }) => ({ body: await eraseMe(deps, caller) }),
});

const ERASURE_ROUTE = `POST /api/v1/me/erasure with the body {"confirm": "${ERASURE_CONFIRMATION}"}`;

/**
 * DELETE /api/v1/me erased the caller once; a DELETE's body has no defined meaning and proxies may
 * drop it, so erasure moved. The old request is answered 405, naming the new route, and erases nothing.
 */
export async function deleteMeMoved(request: HttpRequest): Promise<HttpResponseInit> {
  try {
    const { auth } = await requestServices();
    await auth.validate(request.headers.get('authorization'));
  } catch (err) {
    return problemOf(err);
  }
  return problem(405, `Erasure is ${ERASURE_ROUTE}.`, { headers: { allow: 'GET' } });
}

app.http('deleteMeMoved', { route: 'v1/me', methods: ['DELETE'], authLevel: 'anonymous', handler: deleteMeMoved });
