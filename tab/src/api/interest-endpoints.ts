/** The interest list for a programme's next cohort: one function per route (spread into the tab's Api). */
import { newIdempotencyKey, type ApiClient } from './client';
import type { InviteResult, Page, WithEtag } from './types';
import type { Interest } from '@tandem/core/model';
import type { InterestCount, InterestEntry, InviteInterestedInput } from '@tandem/app';

export type { Interest, InterestCount, InterestEntry };

/** The API takes at most this many people per invitation request. */
const INVITE_CHUNK = 500;

const path = (id: string) => `/programmes/${encodeURIComponent(id)}/interest`;

export function interestEndpoints(client: ApiClient) {
  return {
    /** "I am interested in the next cohort": idempotent, a second call returns the first record. */
    registerInterest: async (id: string) => (await client.request<WithEtag<Interest>>('PUT', path(id))).data,
    withdrawInterest: async (id: string): Promise<void> => {
      await client.request<void>('DELETE', path(id));
    },
    /** The caller's own record, if they are on the list. */
    myInterest: async (id: string) => (await client.get<Page<WithEtag<Interest>>>(path(id))).items[0],
    /** Managers: everyone on the list, newest first. */
    interestList: async (id: string): Promise<InterestEntry[]> => {
      const out: InterestEntry[] = [];
      let continuationToken: string | undefined;
      do {
        const page = await client.get<Page<InterestEntry>>(path(id), { pageSize: 200, continuationToken });
        out.push(...page.items);
        continuationToken = page.continuationToken;
      } while (continuationToken);
      return out;
    },
    interestCount: (id: string) => client.get<InterestCount>(`${path(id)}/count`),
    /** Invites people from the list into programme `to`, in requests of at most 500 people. */
    inviteInterested: async (id: string, input: InviteInterestedInput): Promise<InviteResult> => {
      const total: InviteResult = { invited: 0, alreadyInvited: 0, notInvitable: [] };
      for (let i = 0; i < input.userIds.length; i += INVITE_CHUNK) {
        const { data } = await client.request<InviteResult>('POST', `${path(id)}/invitations`, {
          body: { to: input.to, userIds: input.userIds.slice(i, i + INVITE_CHUNK) },
          idempotencyKey: newIdempotencyKey(),
        });
        total.invited += data.invited;
        total.alreadyInvited += data.alreadyInvited;
        total.notInvitable.push(...data.notInvitable);
      }
      return total;
    },
  };
}
