/** Stuck work for operators and programme managers: one function per route (spread into the tab's Api). */
import type { ApiClient } from './client';
import type { StuckWork } from '@tandem/app';

export type { StuckBooking, StuckMessage, FailedTimer, StuckWork } from '@tandem/app';

const enc = encodeURIComponent;

export function operationsEndpoints(client: ApiClient) {
  return {
    stuckWork: () => client.get<StuckWork & { counts: Record<string, number> }>('/operations/stuck'),
    retryStuckBooking: async (programmeId: string, seriesId: string): Promise<void> => {
      await client.request('POST', `/operations/stuck/bookings/${enc(programmeId)}/${enc(seriesId)}/retry`);
    },
    retryStuckMessage: async (batchId: string, messageId: string): Promise<void> => {
      await client.request('POST', `/operations/stuck/outbox/${enc(batchId)}/${enc(messageId)}/retry`);
    },
  };
}
