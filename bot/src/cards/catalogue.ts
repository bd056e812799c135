/**
 * Every card Tandem sends, built with sample data: the test suite validates each one in both
 * languages, and the e2e suite renders each one to test-results/cards/*.png in light and dark.
 */
import { DEFAULT_CADENCE, type Programme } from '../../../functions/src/core/model';
import type { Translator } from '../i18n/translate';
import type { AdaptiveCard } from './elements';
import { welcomeCard } from './welcome-card';
import { invitationCard } from './invitation-card';
import { trainingCard } from './training-card';
import { proposalCard, type ProposalCardModel } from './proposal-card';
import { noSlotCard, seriesBookedCard } from './series-cards';
import { programmeEventCard, reminderCard } from './reminder-card';
import { feedbackCard } from './feedback-card';
import { assessmentCard } from './assessment-card';
import { membershipCard } from './membership-card';
import { announcementCard, interestCard, testimonialCard } from './communication-cards';
import { pairEndedCard, pairHealthCard, phaseCard, unavailableCard } from './status-cards';

const programme: Programme = {
  id: 'sample-programme',
  schemaVersion: 1,
  name: 'Digital Leadership 2026',
  description: 'Juniors show leaders the tools we now work with every day.',
  topics: [
    {
      id: 'teams',
      name: 'Microsoft Teams & Loop',
      guide: {
        en: 'Set up a channel for a real project together; try a Loop component in a meeting chat.',
        de: 'Gemeinsam einen Kanal für ein echtes Projekt einrichten; eine Loop-Komponente im Besprechungschat ausprobieren.',
      },
    },
    { id: 'ai', name: 'AI assistants' },
    { id: 'social', name: 'Social media & LinkedIn' },
  ],
  phase: 'preparation',
  cadence: { ...DEFAULT_CADENCE },
  kickoffAt: '2026-03-03T09:00:00.000Z',
  closingAt: '2026-07-14T15:00:00.000Z',
  mentorCapacity: 1,
  trainingRequired: true,
  anonymityThreshold: 5,
  organizer: { kind: 'mentee' },
  consentTextVersion: '2026-01',
  createdBy: 'manager-1',
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
};

const userId = '00000000-0000-0000-0000-00000000a11c';
const proposal: ProposalCardModel = {
  programme,
  pairId: 'pair-1',
  userId,
  role: 'mentee',
  partner: {
    displayName: 'Lena Hoffmann',
    jobTitle: 'Working Student, Marketing',
    department: 'Marketing',
    officeLocation: 'Hamburg',
    languages: ['de', 'en'],
    interests: ['podcasts', 'bouldering'],
    topics: ['teams', 'ai'],
  },
  reasons: [
    { key: 'reason.topics', params: { topics: 'Microsoft Teams & Loop, AI assistants', covered: 2, wished: 2 } },
    { key: 'reason.interests', params: { interests: 'podcasts' } },
    { key: 'reason.availability', params: { days: ['tue', 'thu'] as unknown as string } },
    { key: 'reason.crossDepartment', params: { mentorDepartment: 'Marketing', menteeDepartment: 'Finance' } },
  ],
  state: 'pending',
};

export interface CatalogueEntry {
  /** File-safe name, e.g. "proposal" or "proposal-waiting". */
  name: string;
  build(t: Translator): AdaptiveCard;
}

/** One entry per card and per state a person can see. */
export const CARD_CATALOGUE: CatalogueEntry[] = [
  {
    name: 'welcome',
    build: (t) =>
      welcomeCard(t, {
        programmes: [
          { id: programme.id, name: programme.name, status: 'opted-in' },
          { id: 'p2', name: 'AI Pioneers', status: 'invited' },
        ],
      }),
  },
  { name: 'welcome-new', build: (t) => welcomeCard(t, { programmes: [] }) },
  {
    name: 'invitation',
    build: (t) =>
      invitationCard(t, {
        programme,
        inviterName: 'Dr. Katrin Weber',
        userId,
        participant: { status: 'invited', displayName: 'Thomas Müller' },
        enrollmentOpen: true,
      }),
  },
  {
    name: 'invitation-opted-in',
    build: (t) =>
      invitationCard(t, {
        programme,
        inviterName: 'Dr. Katrin Weber',
        userId,
        participant: { status: 'opted-in', displayName: 'Thomas Müller', role: 'mentee', languages: ['de', 'en'] },
        enrollmentOpen: true,
      }),
  },
  { name: 'training', build: (t) => trainingCard(t, { programme, userId }) },
  {
    name: 'training-done',
    build: (t) => trainingCard(t, { programme, userId, completedAt: '2026-02-10T10:00:00.000Z' }),
  },
  { name: 'proposal', build: (t) => proposalCard(t, proposal) },
  { name: 'proposal-waiting', build: (t) => proposalCard(t, { ...proposal, state: 'accepted' }) },
  { name: 'proposal-confirmed', build: (t) => proposalCard(t, { ...proposal, state: 'confirmed' }) },
  { name: 'proposal-declined', build: (t) => proposalCard(t, { ...proposal, state: 'declined' }) },
  { name: 'proposal-partner-declined', build: (t) => proposalCard(t, { ...proposal, state: 'partner-declined' }) },
  {
    name: 'series-booked',
    build: (t) =>
      seriesBookedCard(t, {
        programme,
        partnerName: 'Lena Hoffmann',
        firstStart: '2026-03-10T09:00:00.000Z',
        timeZone: 'Europe/Berlin',
        weekday: 'tue',
        intervalWeeks: 2,
        sessionMinutes: 45,
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/sample',
      }),
  },
  {
    name: 'no-slot',
    build: (t) =>
      noSlotCard(t, { programme, pairId: 'pair-1', partnerName: 'Lena Hoffmann', cadence: programme.cadence }),
  },
  {
    name: 'no-slot-not-wired',
    build: (t) =>
      noSlotCard(t, {
        programme,
        pairId: 'pair-1',
        partnerName: 'Lena Hoffmann',
        cadence: programme.cadence,
        canPick: false,
      }),
  },
  {
    name: 'no-slot-requested',
    build: (t) =>
      noSlotCard(t, {
        programme,
        pairId: 'pair-1',
        partnerName: 'Lena Hoffmann',
        cadence: programme.cadence,
        requested: { weekday: 'thu' },
      }),
  },
  {
    name: 'session-reminder',
    build: (t) =>
      reminderCard(t, {
        programme,
        partnerName: 'Lena Hoffmann',
        start: '2026-03-24T09:00:00.000Z',
        timeZone: 'Europe/Berlin',
        topic: programme.topics[0],
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/sample',
      }),
  },
  {
    name: 'programme-event',
    build: (t) =>
      programmeEventCard(t, {
        programme,
        kind: 'kickoff',
        start: '2026-03-02T14:00:00.000Z',
        timeZone: 'Europe/Berlin',
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/sample',
      }),
  },
  {
    name: 'feedback',
    build: (t) =>
      feedbackCard(t, {
        programme,
        pairId: 'pair-1',
        userId,
        occurrenceIndex: 1,
        start: '2026-03-24T09:00:00.000Z',
        timeZone: 'Europe/Berlin',
        partnerName: 'Lena Hoffmann',
      }),
  },
  {
    name: 'feedback-saved',
    build: (t) =>
      feedbackCard(t, {
        programme,
        pairId: 'pair-1',
        userId,
        occurrenceIndex: 1,
        start: '2026-03-24T09:00:00.000Z',
        timeZone: 'Europe/Berlin',
        partnerName: 'Lena Hoffmann',
        existing: { rating: 5, held: true, learnt: 'Loop components in meeting chats.', nextTopic: 'Copilot' },
        saved: true,
      }),
  },
  { name: 'assessment-start', build: (t) => assessmentCard(t, { programme, userId, kind: 'start' }) },
  {
    name: 'assessment-end',
    build: (t) => assessmentCard(t, { programme, userId, kind: 'end', existing: { teams: 4, ai: 3, social: 2 } }),
  },
  { name: 'membership', build: (t) => membershipCard(t, { programme, userId, status: 'opted-in' }) },
  { name: 'membership-paused', build: (t) => membershipCard(t, { programme, userId, status: 'paused' }) },
  { name: 'membership-left', build: (t) => membershipCard(t, { programme, userId, status: 'left' }) },
  {
    name: 'announcement',
    build: (t) =>
      announcementCard(t, {
        programme,
        title: t.locale === 'de' ? 'Die zweite Runde startet im September' : 'The second cohort starts in September',
        text:
          t.locale === 'de'
            ? '48 Tandems haben sich in diesem Frühjahr 230 Mal getroffen. Melden Sie jetzt Ihr Interesse an.'
            : '48 pairs met 230 times this spring. Register your interest now.',
        testimonials: [
          {
            name: 'Thomas Müller',
            text:
              t.locale === 'de' ? 'Ich nutze Loop jetzt in jeder Teamrunde.' : 'I now use Loop in every team meeting.',
          },
        ],
        offerInterest: true,
        announcementId: 'announcement-1',
      }),
  },
  {
    name: 'announcement-interest-noted',
    build: (t) =>
      announcementCard(t, {
        programme,
        title: t.locale === 'de' ? 'Die zweite Runde startet im September' : 'The second cohort starts in September',
        text: t.locale === 'de' ? 'Melden Sie jetzt Ihr Interesse an.' : 'Register your interest now.',
        testimonials: [],
        offerInterest: true,
        interestNoted: true,
      }),
  },
  { name: 'interest', build: (t) => interestCard(t, { programme, noted: false, open: true }) },
  { name: 'testimonial', build: (t) => testimonialCard(t, { programme }) },
  { name: 'pair-ended', build: (t) => pairEndedCard(t, { programme, programmeClosed: false }) },
  { name: 'unavailable', build: (t) => unavailableCard(t) },
  { name: 'phase-changed', build: (t) => phaseCard(t, { programme, phase: 'execution' }) },
  {
    name: 'pair-health',
    build: (t) =>
      pairHealthCard(t, {
        programme,
        issues: [
          { mentorName: 'Lena Hoffmann', menteeName: 'Thomas Müller', issue: 'no-recent-meeting' },
          { mentorName: 'Jonas Klein', menteeName: 'Sabine Wolf', issue: 'check-in' },
          {
            mentorName: 'Mia Schulz',
            menteeName: 'Peter Braun',
            issue: 'declined',
            declineReason: t.locale === 'de' ? 'Wir kennen uns privat.' : 'We know each other privately.',
          },
        ],
      }),
  },
];
