/** Object mothers for the tab's tests: the API's documents as the tab receives them. */
import type { MeetingSeries, PairView, Participant, Programme, WithEtag } from '../../../../tab/src/api/types';
import type { Overview } from '../../../../tab/src/pages/my-tandem/overview-data';

const DAY = 24 * 3600 * 1000;
export const NOW = Date.parse('2026-11-26T10:00:00Z');
export const iso = (daysFromNow: number) => new Date(NOW + daysFromNow * DAY).toISOString();

export function aProgramme(overrides: Partial<WithEtag<Programme>> = {}): WithEtag<Programme> {
  return {
    id: 'p-1',
    schemaVersion: 1,
    etag: 'etag-p',
    name: 'Digital Leadership',
    description: 'Juniors show leaders the tools we work with.',
    topics: [
      {
        id: 'ai',
        name: 'AI assistants',
        guide: { en: 'Draft an e-mail with Copilot.', de: 'Mit Copilot eine E-Mail entwerfen.' },
      },
      { id: 'teams', name: 'Teams & Loop' },
    ],
    phase: 'execution',
    cadence: {
      intervalWeeks: 2,
      weekday: 'tue',
      window: { start: '09:00', end: '17:00' },
      sessionMinutes: 45,
      sessions: 6,
    },
    mentorCapacity: 1,
    trainingRequired: true,
    anonymityThreshold: 5,
    organizer: { kind: 'mentee' },
    consentTextVersion: '2026-01',
    createdBy: 'u-manager',
    createdAt: iso(-90),
    updatedAt: iso(-90),
    ...overrides,
  };
}

export function aParticipant(overrides: Partial<Participant> = {}): WithEtag<Participant> {
  return {
    id: 'u-mentee',
    userId: 'u-mentee',
    schemaVersion: 1,
    etag: 'etag-u',
    programmeId: 'p-1',
    displayName: 'Lena Hoffmann',
    status: 'opted-in',
    locale: 'en',
    invitedAt: iso(-80),
    invitedBy: 'u-manager',
    updatedAt: iso(-70),
    role: 'mentee',
    teachTopics: [],
    learnTopics: ['ai'],
    interests: ['cycling'],
    languages: ['de', 'en'],
    timeZone: 'Europe/Berlin',
    weekdays: ['tue'],
    times: ['morning'],
    ...overrides,
  };
}

export function aPair(overrides: Partial<PairView> = {}): PairView {
  return {
    id: 'pair-1',
    schemaVersion: 1,
    etag: 'etag-pair',
    programmeId: 'p-1',
    mentorId: 'u-mentor',
    menteeId: 'u-mentee',
    score: 72.5,
    explanation: {
      breakdown: { topics: 40, interests: 10 },
      reasons: [
        { key: 'reason.topics', params: { covered: 1, wished: 1, topics: ['ai'] } },
        { key: 'reason.interests', params: { interests: ['cycling'] } },
      ],
    },
    status: 'active',
    mentor: { state: 'accepted', at: iso(-60) },
    mentee: { state: 'accepted', at: iso(-60) },
    locked: false,
    publishedAt: iso(-61),
    booking: 'booked',
    topicId: 'ai',
    createdAt: iso(-62),
    updatedAt: iso(-60),
    ...overrides,
  };
}

export function aSeries(overrides: Partial<MeetingSeries> = {}): WithEtag<MeetingSeries> {
  const starts = [-28, -14, 0.5, 14];
  return {
    id: 'pair-1-series',
    schemaVersion: 1,
    etag: 'etag-s',
    programmeId: 'p-1',
    kind: 'pair-series',
    pairId: 'pair-1',
    organizer: 'u-mentee',
    attendees: ['u-mentor', 'u-mentee'],
    transactionId: 'tx',
    status: 'booked',
    joinUrl: 'https://teams.microsoft.com/l/meetup-join/demo',
    timeZone: 'Europe/Berlin',
    occurrences: starts.map((d, index) => ({
      index,
      start: iso(d),
      end: new Date(Date.parse(iso(d)) + 45 * 60 * 1000).toISOString(),
      status: d < 0 ? 'held' : 'planned',
    })),
    createdAt: iso(-61),
    updatedAt: iso(-61),
    ...overrides,
  };
}

export function anOverview(overrides: Partial<Overview> = {}): Overview {
  return {
    programme: aProgramme(),
    participant: aParticipant(),
    pairs: [aPair()],
    meetings: [aSeries()],
    feedback: [],
    assessments: [],
    ...overrides,
  };
}
