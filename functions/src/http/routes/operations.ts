/** Stuck work for operators: what is stuck, and a retry for each item (docs/api.md, Operations). */
import { defineRoute } from '../route';
import {
  listFullAudit,
  listStuckWork,
  pageQuerySchema,
  programmeParamsSchema,
  retryBooking,
  retryMessage,
  stuckBookingParamsSchema,
  stuckMessageParamsSchema,
} from '@tandem/app';

defineRoute({
  name: 'operationsAudit',
  method: 'GET',
  route: 'v1/operations/audit/{id}',
  params: programmeParamsSchema,
  query: pageQuerySchema,
  run: async ({ deps, caller, params, query }) => ({ body: await listFullAudit(deps, caller, params.id, query) }),
});

defineRoute({
  name: 'listStuckWork',
  method: 'GET',
  route: 'v1/operations/stuck',
  run: async ({ deps, caller }) => ({ body: await listStuckWork(deps, caller) }),
});

defineRoute({
  name: 'retryStuckBooking',
  method: 'POST',
  route: 'v1/operations/stuck/bookings/{programmeId}/{seriesId}/retry',
  params: stuckBookingParamsSchema,
  run: async ({ deps, caller, params }) => {
    const series = await retryBooking(deps, caller, params.programmeId, params.seriesId);
    return { body: series, etag: series.etag };
  },
});

defineRoute({
  name: 'retryStuckMessage',
  method: 'POST',
  route: 'v1/operations/stuck/outbox/{batchId}/{messageId}/retry',
  params: stuckMessageParamsSchema,
  run: async ({ deps, caller, params }) => {
    const message = await retryMessage(deps, caller, params.batchId, params.messageId);
    return { body: message, etag: message.etag };
  },
});
