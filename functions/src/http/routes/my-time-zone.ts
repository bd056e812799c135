/** GET /api/v1/me/time-zone: the caller's mailbox time zone, the opt-in form's default. */
import { defineRoute } from '../route';
import { myMailboxTimeZone } from '@tandem/app';

defineRoute({
  name: 'myTimeZone',
  method: 'GET',
  route: 'v1/me/time-zone',
  run: async ({ deps, caller }) => ({ body: await myMailboxTimeZone(deps, caller) }),
});
