/**
 * Drains the outbox every minute: the bot sends queued notifications (invitations, proposals,
 * reminders, announcements) within Teams' limits, resuming where the last run stopped. Locally,
 * `POST /admin/functions/outboxDispatch` runs it on demand.
 */
import { defineTimer } from './define-timer';
import { drainOutbox } from '../bot-runtime';

/** Stop claiming messages well before the Functions timeout (10 min on Flex Consumption by default). */
const RUN_BUDGET_MS = 8 * 60 * 1000;

export const outboxDispatch = defineTimer({
  name: 'outboxDispatch',
  schedule: '0 */1 * * * *',
  run: (deps, services) => drainOutbox(services, deps.clock.now().getTime() + RUN_BUDGET_MS),
});
