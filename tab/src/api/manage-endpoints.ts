/**
 * The manager after publishing and between cohorts (functions/src/http/routes/manage.ts): the
 * participants view, re-matching one person, ending a pair, message cards, co-managers and the next
 * cohort. One function per route, spread into the tab's Api.
 */
import { newIdempotencyKey, type ApiClient } from './client';
import type { Page, PairView, Programme, WithEtag } from './types';
import type {
  CloneResult,
  MessageResult,
  ParticipantRow,
  ParticipantsFilter,
  ProgrammeManager,
  RematchResult,
} from '@tandem/app';

export type { ParticipantRow, ParticipantsFilter, MessageResult, RematchResult, CloneResult, ProgrammeManager };

const prog = (id: string) => `/programmes/${encodeURIComponent(id)}`;

/** Rows per page of the participants view. */
export const PARTICIPANTS_PAGE = 100;

export function manageEndpoints(client: ApiClient) {
  const post = async <T>(path: string, body?: unknown, key = false) =>
    (
      await client.request<T>('POST', path, {
        ...(body !== undefined ? { body } : {}),
        ...(key ? { idempotencyKey: newIdempotencyKey() } : {}),
      })
    ).data;
  return {
    /**
     * One page of the participants view with the given filters. The API filters per store page, so a
     * page may be short or empty while more follow: an empty one is followed (a few times) before it
     * is shown.
     */
    participantsView: async (id: string, filter: ParticipantsFilter, continuationToken?: string) => {
      let token = continuationToken;
      for (let calls = 0; ; calls++) {
        const page = await client.get<Page<ParticipantRow>>(`${prog(id)}/participants/overview`, {
          pageSize: PARTICIPANTS_PAGE,
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.role ? { role: filter.role } : {}),
          ...(filter.search ? { search: filter.search } : {}),
          ...(filter.needsNewPartner !== undefined ? { needsNewPartner: String(filter.needsNewPartner) } : {}),
          continuationToken: token,
        });
        token = page.continuationToken;
        if (page.items.length || !token || calls >= 4) return page;
      }
    },
    /** Ends a pair without blame (either of the two, or a manager after publishing). */
    endPair: (id: string, pairId: string) =>
      post<{ pair: PairView; rematched: PairView[] }>(`${prog(id)}/pairs/${encodeURIComponent(pairId)}/end`),
    rematchPerson: (id: string, userId: string) => post<RematchResult>(`${prog(id)}/rematch`, { userId }),
    sendMessage: (id: string, input: { pairId?: string; userId?: string; title: string; text: string }) =>
      post<MessageResult>(`${prog(id)}/messages`, input, true),
    programmeTeam: async (id: string) =>
      (await client.get<{ items: ProgrammeManager[] }>(`${prog(id)}/co-managers`)).items,
    addCoManager: (id: string, userId: string) => post<WithEtag<Programme>>(`${prog(id)}/co-managers`, { userId }),
    removeCoManager: async (id: string, userId: string) =>
      (await client.request<WithEtag<Programme>>('DELETE', `${prog(id)}/co-managers/${encodeURIComponent(userId)}`))
        .data,
    cloneProgramme: (id: string, input: { name?: string; inviteInterested?: boolean }) =>
      post<CloneResult>(`${prog(id)}/next-cohort`, input, true),
  };
}
