/**
 * Outlook → Tandem (app/outlook/): the queue of Graph change notifications (every minute), renewal
 * of the programme mailboxes' subscriptions (every 6 hours; Graph's maximum for events is 10,080
 * minutes), and the read-back of every booked series by id (every 2 hours: the only path for series
 * a mentee organises, and the safety net for missed notifications). All UTC, all idempotent.
 */
import { defineTimer } from './define-timer';
import { drainOutlookQueue, ensureSubscriptions, readBackAll } from '@tandem/app';

defineTimer({
  name: 'outlookChanges',
  schedule: '30 */1 * * * *',
  run: (deps) => drainOutlookQueue(deps),
});

defineTimer({
  name: 'outlookSubscriptions',
  schedule: '0 10 */6 * * *',
  run: (deps) => ensureSubscriptions(deps),
});

/** Before the 06:00 reminders, among others, so a reminder goes out for the time Outlook holds. */
defineTimer({
  name: 'outlookReadBack',
  schedule: '0 20 1-23/2 * * *',
  run: (deps) => readBackAll(deps),
});
