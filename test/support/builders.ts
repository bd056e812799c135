/** Object mothers: valid domain objects with sensible defaults; override what a test is about. */
import {
  DEFAULT_CADENCE,
  type Assessment,
  type AuditEntry,
  type Feedback,
  type MeetingSeries,
  type OrgUser,
  type Pair,
  type Participant,
  type Programme,
} from '../../functions/src/core/model';

const T0 = '2026-01-05T09:00:00.000Z';

export function aProgramme(overrides: Partial<Programme> = {}): Programme {
  return {
    id: 'prog-1',
    schemaVersion: 1,
    name: 'Digital Leadership 2026',
    description: 'Juniors show seniors the new collaboration tools.',
    topics: [
      {
        id: 'teams',
        name: 'Microsoft Teams',
        guide: { en: 'Channels, chats and meetings.', de: 'Kanäle, Chats und Besprechungen.' },
      },
      { id: 'ai', name: 'AI assistants' },
    ],
    phase: 'draft',
    cadence: { ...DEFAULT_CADENCE },
    mentorCapacity: 1,
    trainingRequired: true,
    anonymityThreshold: 5,
    organizer: { kind: 'mentee' },
    consentTextVersion: '2026-01',
    createdBy: 'manager-1',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function aParticipant(overrides: Partial<Participant> = {}): Participant {
  const userId = overrides.userId ?? overrides.id ?? 'user-1';
  return {
    id: userId,
    schemaVersion: 1,
    programmeId: 'prog-1',
    userId,
    displayName: `Person ${userId}`,
    status: 'invited',
    locale: 'en',
    invitedAt: T0,
    invitedBy: 'manager-1',
    updatedAt: T0,
    ...overrides,
  };
}

export function anOptedInParticipant(overrides: Partial<Participant> = {}): Participant {
  const role = overrides.role ?? 'mentor';
  return aParticipant({
    status: 'opted-in',
    role,
    teachTopics: role === 'mentor' ? ['teams'] : [],
    learnTopics: role === 'mentee' ? ['teams'] : [],
    interests: ['cycling'],
    languages: ['en', 'de'],
    timeZone: 'Europe/Berlin',
    weekdays: ['tue'],
    times: ['morning'],
    consent: { textVersion: '2026-01', at: T0 },
    optedInAt: T0,
    ...overrides,
  });
}

export function aPair(overrides: Partial<Pair> = {}): Pair {
  return {
    id: 'pair-1',
    schemaVersion: 1,
    programmeId: 'prog-1',
    mentorId: 'mentor-1',
    menteeId: 'mentee-1',
    score: 42,
    explanation: {
      breakdown: { topics: 30, interests: 12 },
      reasons: [{ key: 'reason.topics', params: { topic: 'teams' } }],
    },
    status: 'proposed',
    mentor: { state: 'pending' },
    mentee: { state: 'pending' },
    locked: false,
    booking: 'none',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function aMeetingSeries(overrides: Partial<MeetingSeries> = {}): MeetingSeries {
  return {
    id: 'series-1',
    schemaVersion: 1,
    programmeId: 'prog-1',
    kind: 'pair-series',
    pairId: 'pair-1',
    organizer: 'mentee-1',
    attendees: ['mentor-1', 'mentee-1'],
    transactionId: 'tandem-prog-1-pair-1-1',
    status: 'pending',
    weekday: 'tue',
    intervalWeeks: 2,
    timeZone: 'Europe/Berlin',
    occurrences: [],
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function aFeedback(overrides: Partial<Feedback> = {}): Feedback {
  return {
    id: 'pair-1:mentee-1:0',
    schemaVersion: 1,
    programmeId: 'prog-1',
    pairId: 'pair-1',
    userId: 'mentee-1',
    role: 'mentee',
    occurrenceIndex: 0,
    rating: 4,
    learnt: 'How to use channels.',
    held: true,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function anAssessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: 'mentee-1:start',
    schemaVersion: 1,
    programmeId: 'prog-1',
    userId: 'mentee-1',
    role: 'mentee',
    kind: 'start',
    ratings: { teams: 2 },
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function anOrgUser(overrides: Partial<OrgUser> = {}): OrgUser {
  return {
    id: 'user-1',
    schemaVersion: 1,
    tenantId: 'tenant-1',
    displayName: 'Anna Becker',
    mail: 'anna.becker@contoso.example',
    department: 'Sales',
    jobTitle: 'Account Manager',
    officeLocation: 'Berlin',
    preferredLanguage: 'de-DE',
    accountEnabled: true,
    userType: 'Member',
    syncedAt: T0,
    ...overrides,
  };
}

export function anAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 'audit-1',
    schemaVersion: 1,
    programmeId: 'prog-1',
    at: T0,
    actor: 'manager-1',
    action: 'programme.created',
    ...overrides,
  };
}
