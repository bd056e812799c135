/** Every Programme API route the tab calls, typed: one function per route. */
import { newIdempotencyKey, type ApiClient } from './client';
import { interestEndpoints } from './interest-endpoints';
import { manageEndpoints } from './manage-endpoints';
import { operationsEndpoints } from './operations-endpoints';
import { sessionEndpoints } from './session-endpoints';
import type {
  AnnouncementResult,
  Assessment,
  Audit,
  DirectoryUser,
  Feedback,
  InviteResult,
  Job,
  MatchingReview,
  Me,
  MeetingSeries,
  Page,
  PairAttention,
  MyConsent,
  PairView,
  Participant,
  Phase,
  Programme,
  Report,
  WithEtag,
  WithTrainingProgress,
  MentorGain,
  MyTimeZone,
} from './types';
import type {
  AnnouncementInput,
  ChannelPostInput,
  ChannelPostResult,
  CreateProgrammeInput,
  DownloadLink,
  DownloadRequest,
  FeedbackInput,
  InviteInput,
  OptInInput,
  TeamChannel,
  UpdateProfileInput,
  UpdateProgrammeInput,
} from '@tandem/app';

const enc = encodeURIComponent;
const prog = (id: string) => `/programmes/${enc(id)}`;

type Query = Record<string, string | number | undefined>;

export function createApi(client: ApiClient) {
  const get = <T>(path: string, query?: Query) => client.get<T>(path, query);
  const send = async <T>(
    method: string,
    path: string,
    body?: unknown,
    extra: { ifMatch?: string; key?: boolean } = {},
  ) =>
    (
      await client.request<T>(method, path, {
        ...(body !== undefined ? { body } : {}),
        ...(extra.ifMatch ? { ifMatch: extra.ifMatch } : {}),
        ...(extra.key ? { idempotencyKey: newIdempotencyKey() } : {}),
      })
    ).data;

  /** Reads every page of a list (the API pages with continuation tokens). */
  async function all<T>(path: string, query: Query = {}): Promise<T[]> {
    const out: T[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await get<Page<T>>(path, { ...query, pageSize: 200, continuationToken });
      out.push(...page.items);
      continuationToken = page.continuationToken;
    } while (continuationToken);
    return out;
  }

  return {
    me: () => get<Me>('/me'),
    exportMe: () => get<unknown>('/me/export'),
    myTimeZone: () => get<MyTimeZone>('/me/time-zone'),
    /** A one-time link to a file (my data, a report's CSV), opened with host/links.ts openDownload. */
    createDownload: (request: DownloadRequest) => send<DownloadLink>('POST', '/downloads', request),
    eraseMe: () => send<unknown>('POST', '/me/erasure', { confirm: 'erase-my-data' }),

    programmes: () => all<WithEtag<Programme>>('/programmes'),
    programme: (id: string) => get<WithEtag<Programme>>(prog(id)),
    createProgramme: (input: CreateProgrammeInput) =>
      send<WithEtag<Programme>>('POST', '/programmes', input, { key: true }),
    updateProgramme: (id: string, input: UpdateProgrammeInput, etag: string) =>
      send<WithEtag<Programme>>('PATCH', prog(id), input, { ifMatch: etag }),
    changePhase: (id: string, to: Phase, etag: string) =>
      send<WithEtag<Programme>>('POST', `${prog(id)}/phase`, { to }, { ifMatch: etag }),
    report: (id: string) => get<Report>(`${prog(id)}/report`),
    pairHealth: async (id: string) => (await get<{ items: PairAttention[] }>(`${prog(id)}/pair-health`)).items,
    audit: (id: string) => get<Page<Audit>>(`${prog(id)}/audit`, { pageSize: 50 }),
    announce: (id: string, input: AnnouncementInput) =>
      send<AnnouncementResult>('POST', `${prog(id)}/announcements`, input, { key: true }),

    teamChannels: () => get<{ items: TeamChannel[] }>('/team-channels'),
    postToChannel: (id: string, input: ChannelPostInput) =>
      send<ChannelPostResult>('POST', `${prog(id)}/channel-posts`, input, { key: true }),

    invite: (id: string, input: InviteInput) =>
      send<InviteResult>('POST', `${prog(id)}/invitations`, input, { key: true }),
    participants: (id: string) => all<WithEtag<Participant & WithTrainingProgress>>(`${prog(id)}/participants`),
    myParticipation: (id: string) => get<WithEtag<Participant>>(`${prog(id)}/participants/me`),
    updateProfile: (id: string, input: UpdateProfileInput, etag: string) =>
      send<WithEtag<Participant>>('PATCH', `${prog(id)}/participants/me`, input, { ifMatch: etag }),
    optIn: (id: string, input: OptInInput) =>
      send<WithEtag<Participant>>('POST', `${prog(id)}/participants/me/opt-in`, input),
    pause: (id: string) => send<WithEtag<Participant>>('POST', `${prog(id)}/participants/me/pause`),
    resume: (id: string) => send<WithEtag<Participant>>('POST', `${prog(id)}/participants/me/resume`),
    leave: (id: string) => send<WithEtag<Participant>>('POST', `${prog(id)}/participants/me/leave`),
    myConsent: (id: string) => get<MyConsent>(`${prog(id)}/participants/me/consent`),
    withdrawConsent: (id: string) =>
      send<unknown>('POST', `${prog(id)}/participants/me/consent/withdraw`, { confirm: 'withdraw-consent' }),
    completeTrainingModule: (id: string, moduleId: string) =>
      send<WithEtag<Participant>>('POST', `${prog(id)}/participants/me/training/modules/${enc(moduleId)}`),
    recordTraining: (id: string, userId: string) =>
      send<WithEtag<Participant>>('POST', `${prog(id)}/participants/${enc(userId)}/training`),

    startMatching: (id: string) => send<Job>('POST', `${prog(id)}/matching-runs`, undefined, { key: true }),
    job: (id: string, jobId: string) => get<Job>(`${prog(id)}/jobs/${enc(jobId)}`),
    pairs: (id: string) => all<PairView>(`${prog(id)}/pairs`),
    pair: (id: string, pairId: string) => get<PairView>(`${prog(id)}/pairs/${enc(pairId)}`),
    lockPair: (id: string, pairId: string, locked: boolean, etag: string) =>
      send<PairView>('POST', `${prog(id)}/pairs/${enc(pairId)}/lock`, { locked }, { ifMatch: etag }),
    excludePair: (id: string, pairId: string, etag: string) =>
      send<PairView>('POST', `${prog(id)}/pairs/${enc(pairId)}/exclude`, undefined, { ifMatch: etag }),
    matchingReview: (id: string) => get<MatchingReview>(`${prog(id)}/matching-review`),
    swapPairs: (id: string, pairIds: [string, string]) =>
      send<[PairView, PairView]>('POST', `${prog(id)}/pair-swaps`, { pairIds }),
    publish: (id: string, etag: string) =>
      send<{ programme: WithEtag<Programme>; published: number }>('POST', `${prog(id)}/publish`, undefined, {
        ifMatch: etag,
      }),
    confirmPair: (id: string, pairId: string) => send<PairView>('POST', `${prog(id)}/pairs/${enc(pairId)}/confirm`),
    declinePair: (id: string, pairId: string, reason?: string) =>
      send<PairView>('POST', `${prog(id)}/pairs/${enc(pairId)}/decline`, reason ? { reason } : {}),

    bookPair: (id: string, pairId: string) =>
      send<{ pairId: string; status: string; booking: string; pending: boolean; problem?: string }>(
        'POST',
        `${prog(id)}/pairs/${enc(pairId)}/booking`,
      ),
    meetings: async (id: string) => (await get<{ items: WithEtag<MeetingSeries>[] }>(`${prog(id)}/meetings`)).items,
    submitFeedback: (id: string, input: FeedbackInput) =>
      send<WithEtag<Feedback>>('POST', `${prog(id)}/feedback`, input, { key: true }),
    feedback: async (id: string) => (await get<{ items: WithEtag<Feedback>[] }>(`${prog(id)}/feedback`)).items,
    submitAssessment: (
      id: string,
      kind: 'start' | 'end',
      ratings: Record<string, number>,
      gains?: Partial<Record<MentorGain, number>>,
    ) => send<WithEtag<Assessment>>('PUT', `${prog(id)}/assessments/${kind}`, { ratings, ...(gains ? { gains } : {}) }),
    assessments: async (id: string) => (await get<{ items: WithEtag<Assessment>[] }>(`${prog(id)}/assessments`)).items,

    departments: async () => (await get<{ items: string[] }>('/directory/departments')).items,
    searchDirectory: (search: string) => get<Page<DirectoryUser>>('/directory/users', { search, pageSize: 20 }),

    ...interestEndpoints(client),
    ...manageEndpoints(client),
    ...operationsEndpoints(client),
    ...sessionEndpoints(client),
  };
}

export type Api = ReturnType<typeof createApi>;
