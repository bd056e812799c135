/** The programme's timers (all UTC). The nightly org sync lives in timers/org-sync.ts. */
import { defineTimer } from './define-timer';
import {
  advancePhasesByDate,
  applyRetention,
  drainBookingQueue,
  flagPairHealth,
  purgeIdempotency,
  reconcilePairs,
  resumeMatchingJobs,
  sendEndAssessmentRequests,
  sendFeedbackRequests,
  sendSessionReminders,
  systemCaller,
} from '@tandem/app';
import { toArray } from '../ports/store';

/** Catch-up: books any series the prompt path and the minute queue left, and each programme's kick-off and closing. */
defineTimer({
  name: 'bookSeries',
  schedule: '0 0 5 * * *',
  run: async (deps) => {
    const series = await deps.booking.bookPendingSeries();
    const programmes = await toArray(
      deps.store.programmes.all(undefined, { where: { phase: ['matching', 'execution', 'steering'] } }),
    );
    for (const p of programmes) await deps.booking.bookProgrammeEvents(p.id);
    return { series, programmes: programmes.length };
  },
});

defineTimer({
  name: 'sessionReminders',
  schedule: '0 0 6 * * *',
  run: async (deps) => ({
    reminders: await sendSessionReminders(deps),
    endAssessmentRequests: await sendEndAssessmentRequests(deps),
  }),
});

defineTimer({
  name: 'feedbackRequests',
  schedule: '0 0 17 * * *',
  run: async (deps) => ({ requests: await sendFeedbackRequests(deps) }),
});

defineTimer({
  name: 'pairHealth',
  schedule: '0 0 7 * * *',
  run: async (deps) => ({ flagged: await flagPairHealth(deps) }),
});

defineTimer({
  name: 'phasesByDate',
  schedule: '0 0 1 * * *',
  run: async (deps) => ({ moved: await advancePhasesByDate(deps, systemCaller('phasesByDate')) }),
});

/** Finishes matching runs whose worker stopped (e.g. the instance was recycled mid-run). */
defineTimer({
  name: 'matchingJobs',
  schedule: '0 */5 * * * *',
  run: async (deps) => ({ resumed: await resumeMatchingJobs(deps) }),
});

/** Completes changes of pairs that stopped half-way, re-matches free people, takes over stuck bookings. */
defineTimer({
  name: 'reconcilePairs',
  schedule: '0 */5 * * * *',
  run: async (deps) => reconcilePairs(deps),
});

defineTimer({
  name: 'idempotencyCleanup',
  schedule: '0 30 3 * * *',
  run: async (deps) => ({ purged: await purgeIdempotency(deps) }),
});

/**
 * Books, within a minute, every confirmed pair of a programme in execution whose first attempt has not
 * happened yet (the request that confirmed it waits only a few seconds). See app/book-soon.ts.
 */
defineTimer({
  name: 'bookingQueue',
  schedule: '0 */1 * * * *',
  run: async (deps) => drainBookingQueue(deps),
});

/** Removes the personal data of closed programmes past their retention period (app/privacy/retention.ts). */
defineTimer({
  name: 'retention',
  schedule: '0 0 2 * * *',
  run: async (deps) => applyRetention(deps),
});
