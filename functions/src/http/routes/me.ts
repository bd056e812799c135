/** The caller: who am I, my data (GDPR Art. 15/20), erase me (Art. 17). */
import { defineRoute } from '../route';
import { describeMe } from '../../app/me';
import { exportMyData } from '../../app/privacy/export';
import { eraseMe } from '../../app/privacy/erase';

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

export const deleteMe = defineRoute({
  name: 'deleteMe',
  method: 'DELETE',
  route: 'v1/me',
  run: async ({ deps, caller }) => ({ body: await eraseMe(deps, caller) }),
});
