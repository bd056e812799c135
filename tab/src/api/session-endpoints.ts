/** One of a pair acting on their sessions and pair: one function per route (spread into the tab's Api). */
import type { ApiClient } from './client';
import type { MeetingSeries, PairView, WithEtag } from './types';
import type { FreeSlot } from '@tandem/core/schedule/free-slots';
import type { PauseResult } from '@tandem/app';
import type { Weekday } from '@tandem/core/model';

export type { FreeSlot, PauseResult };

const prog = (id: string) => `/programmes/${encodeURIComponent(id)}`;
const series = (id: string, seriesId: string) => `${prog(id)}/meetings/${encodeURIComponent(seriesId)}`;

export function sessionEndpoints(client: ApiClient) {
  return {
    /** Times in that session's week when both people are free (Outlook free/busy). */
    freeSlots: (id: string, seriesId: string, index: number) =>
      client.get<{ slots: FreeSlot[]; timeZone: string }>(`${series(id, seriesId)}/occurrences/${index}/free-slots`),
    moveSession: async (id: string, seriesId: string, index: number, start: string) =>
      (
        await client.request<WithEtag<MeetingSeries>>('POST', `${series(id, seriesId)}/occurrences/${index}/move`, {
          body: { start },
        })
      ).data,
    moveRestOfSeries: async (id: string, seriesId: string, weekday: Weekday, time: string) =>
      (
        await client.request<WithEtag<MeetingSeries>>('POST', `${series(id, seriesId)}/move-rest`, {
          body: { weekday, time },
        })
      ).data,
    pauseUntil: async (id: string, until: string) =>
      (await client.request<PauseResult>('POST', `${prog(id)}/participants/me/pause-until`, { body: { until } })).data,
    endPair: async (id: string, pairId: string) =>
      (
        await client.request<{ pair: PairView; rematched: PairView[] }>(
          'POST',
          `${prog(id)}/pairs/${encodeURIComponent(pairId)}/end`,
        )
      ).data,
  };
}
