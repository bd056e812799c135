/**
 * Every two minutes: installs Tandem for invitees the bot cannot reach yet and checks their calendar
 * access (app/invitee-reach.ts). Locally, `POST /admin/functions/inviteeReach` runs it on demand.
 */
import { defineTimer } from './define-timer';
import { reachInvitees } from '@tandem/app';

export const inviteeReach = defineTimer({
  name: 'inviteeReach',
  schedule: '30 */2 * * * *',
  run: (deps) => reachInvitees(deps),
});
