/**
 * Every card Tandem sends, built with sample data: the test suite validates each one in both
 * languages, and the e2e suite renders each one to test-results/cards/*.png in light and dark.
 */
import { DEFAULT_CADENCE, type Programme } from '../../functions/src/core/model';
import type { Translator } from '../../bot/src/i18n/translate';
import type { AdaptiveCard } from '../../bot/src/cards/elements';
import { welcomeCard } from '../../bot/src/cards/welcome-card';
import { channelCard } from '../../bot/src/cards/channel-card';
import { invitationCard } from '../../bot/src/cards/invitation-card';
import { trainingCard } from '../../bot/src/cards/training-card';
import { proposalCard, type ProposalCardModel } from '../../bot/src/cards/proposal-card';
import { noSlotCard, seriesBookedCard } from '../../bot/src/cards/series-cards';
import { programmeEventCard, reminderCard } from '../../bot/src/cards/reminder-card';
import { feedbackCard } from '../../bot/src/cards/feedback-card';
import { assessmentCard } from '../../bot/src/cards/assessment-card';
import { membershipCard } from '../../bot/src/cards/membership-card';
import { announcementCard, interestCard, testimonialCard } from '../../bot/src/cards/communication-cards';
import { managerMessageCard } from '../../bot/src/cards/message-card';
import { pairEndedCard, pairHealthCard, phaseCard, unavailableCard } from '../../bot/src/cards/status-cards';
import { noProgrammeCard, tandemCard, type TandemCardModel } from '../../bot/src/cards/tandem-card';
import { moveCard, sessionMovedCard, sessionsPausedCard, type MoveCardModel } from '../../bot/src/cards/move-card';

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
    { id: 'ai', name: 'AI assistants', names: { de: 'KI-Assistenten' } },
    { id: 'social', name: 'Social media & LinkedIn', names: { de: 'Social Media & LinkedIn' } },
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

/** "My tandem" for a mentee in a live pair: partner, next session, what is due. */
const myTandem: TandemCardModel = {
  next: {
    programme: { id: programme.id, name: programme.name, phase: 'execution' },
    status: 'opted-in',
    role: 'mentee',
    pairs: [
      {
        pairId: 'pair-1',
        status: 'active',
        partner: { userId: 'mentor-1', displayName: 'Lena Hoffmann', upn: 'lena.hoffmann@contoso.example' },
        seriesId: 'pair-1-series',
        next: {
          index: 2,
          start: '2026-03-10T09:00:00.000Z',
          end: '2026-03-10T09:45:00.000Z',
          timeZone: 'Europe/Berlin',
          joinUrl: 'https://teams.microsoft.com/l/meetup-join/sample',
        },
        booked: true,
      },
    ],
    due: [
      { kind: 'feedback', pairId: 'pair-1', occurrenceIndex: 1, start: '2026-02-24T09:00:00.000Z' },
      { kind: 'assessment', assessment: 'start' },
    ],
  },
  userId,
  timeZone: 'Europe/Berlin',
  pauseDates: { min: '2026-03-03', max: '2026-09-01' },
};

const moveSample: MoveCardModel = {
  programme,
  pairId: 'pair-1',
  occurrenceIndex: 2,
  start: '2026-03-10T09:00:00.000Z',
  partnerName: 'Lena Hoffmann',
  timeZone: 'Europe/Berlin',
  seriesTimeZone: 'Europe/Berlin',
  slots: [
    { start: '2026-03-09T13:00:00.000Z', end: '2026-03-09T13:45:00.000Z' },
    { start: '2026-03-11T08:30:00.000Z', end: '2026-03-11T09:15:00.000Z' },
    { start: '2026-03-12T14:00:00.000Z', end: '2026-03-12T14:45:00.000Z' },
  ],
  weekday: 'tue',
};

/** A programme's mentor training as modules (title, text, link in German and English). */
const SAMPLE_TRAINING_MODULES: NonNullable<Programme['trainingModules']> = [
  {
    id: 'principles',
    title: { en: 'Reverse mentoring on eye level', de: 'Reverse Mentoring auf Augenhöhe' },
    text: {
      en: 'Why it works, confidentiality, and why hierarchy stays outside the room.',
      de: 'Warum es funktioniert, Vertraulichkeit, und warum Hierarchie draußen bleibt.',
    },
    link: 'https://contoso.sharepoint.com/sites/tandem/SitePages/principles.aspx',
  },
  {
    id: 'first-session',
    title: { en: 'Your first session', de: 'Der erste Termin' },
    text: {
      en: 'Agree on goals and expectations; pick the first topic together.',
      de: 'Ziele und Erwartungen klären; gemeinsam das erste Thema wählen.',
    },
    link: 'https://learning.microsoft.com/viva/course/tandem-first-session',
  },
  {
    id: 'feedback',
    title: { en: 'Giving feedback upwards', de: 'Feedback nach oben geben' },
    text: { en: 'A short video with three examples.', de: 'Ein kurzes Video mit drei Beispielen.' },
  },
];
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
    // As the matcher stores it: topic ids, which the card turns into names in the reader's language.
    { key: 'reason.topics', params: { topics: ['teams', 'ai'], covered: 2, wished: 2 } },
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
    name: 'channel',
    build: (t) => channelCard(t, { botId: '28:3f6c3c9e-6a77-4d0e-9a43-7d5a1b2c0f11', word: 'status' }),
  },
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
    name: 'training-modules',
    build: (t) =>
      trainingCard(t, {
        programme: { ...programme, trainingModules: SAMPLE_TRAINING_MODULES },
        userId,
        done: { principles: '2026-02-03T10:00:00.000Z' },
      }),
  },
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
    name: 'session-reminder-mentor-wish',
    build: (t) =>
      reminderCard(t, {
        programme,
        partnerName: 'Thomas Müller',
        start: '2026-03-24T09:00:00.000Z',
        timeZone: 'Europe/Berlin',
        topic: programme.topics[0],
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/sample',
        wish:
          t.locale === 'de' ? 'Copilot in Outlook: E-Mails zusammenfassen' : 'Copilot in Outlook: summarising email',
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
  {
    name: 'assessment-end-mentor',
    build: (t) =>
      assessmentCard(t, {
        programme,
        userId,
        kind: 'end',
        role: 'mentor',
        existing: { teams: 4, ai: 3, social: 2 },
        existingGains: { leadership: 4 },
      }),
  },
  { name: 'membership', build: (t) => membershipCard(t, { programme, userId, status: 'opted-in' }) },
  { name: 'membership-paused', build: (t) => membershipCard(t, { programme, userId, status: 'paused' }) },
  { name: 'membership-left', build: (t) => membershipCard(t, { programme, userId, status: 'left' }) },
  {
    name: 'manager-message',
    build: (t) =>
      managerMessageCard(t, {
        programme,
        title: t.locale === 'de' ? 'Wie läuft es bei Ihnen?' : 'How is it going?',
        text:
          t.locale === 'de'
            ? 'Falls Sie Hilfe bei der Terminfindung brauchen, antworten Sie uns einfach im Chat.'
            : 'If you need help finding a time for your sessions, just reply to us in the chat.',
        sentAt: '2026-04-14T08:00:00.000Z',
      }),
  },
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
  { name: 'my-tandem', build: (t) => tandemCard(t, myTandem) },
  {
    name: 'my-tandem-paused',
    build: (t) =>
      tandemCard(t, {
        ...myTandem,
        next: {
          ...myTandem.next,
          due: [],
          pairs: myTandem.next.pairs.map((p) => ({ ...p, pausedUntil: '2026-04-20' })),
        },
        good: t.t('tandem.paused', { date: t.date('2026-04-20T12:00:00Z'), count: 2, partner: 'Lena Hoffmann' }),
      }),
  },
  {
    name: 'my-tandem-waiting',
    build: (t) =>
      tandemCard(t, {
        ...myTandem,
        next: { ...myTandem.next, programme: { ...myTandem.next.programme, phase: 'matching' }, pairs: [], due: [] },
      }),
  },
  {
    name: 'no-programme',
    build: (t) =>
      noProgrammeCard(t, {
        interest: { programmeId: programme.id, noted: false },
        tabUrl: 'https://teams.microsoft.com/l/entity/3f6c3c9e-6a77-4d0e-9a43-7d5a1b2c0f11/my-tandem',
      }),
  },
  { name: 'move-session', build: (t) => moveCard(t, moveSample) },
  { name: 'move-session-none', build: (t) => moveCard(t, { ...moveSample, slots: [] }) },
  {
    name: 'session-moved',
    build: (t) =>
      sessionMovedCard(t, {
        programme,
        partnerName: 'Thomas Müller',
        timeZone: 'Europe/Berlin',
        start: '2026-03-11T14:00:00.000Z',
      }),
  },
  {
    name: 'series-moved',
    build: (t) =>
      sessionMovedCard(t, {
        programme,
        partnerName: 'Thomas Müller',
        timeZone: 'Europe/Berlin',
        rest: { weekday: 'thu', time: '14:00', zone: 'Europe/Berlin' },
      }),
  },
  {
    name: 'sessions-paused',
    build: (t) => sessionsPausedCard(t, { programme, partnerName: 'Thomas Müller', until: '2026-04-20', sessions: 2 }),
  },
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
