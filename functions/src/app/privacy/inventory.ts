/**
 * The record of processing in code: every field of every document type in every container
 * (ports/containers.ts), whether it is personal, and who sees it through Tandem. The types below
 * make a field added to a model without an entry here a compile error; test/unit/app/privacy-inventory
 * checks that docs/privacy.md lists exactly these fields with the same audiences, and the retention
 * test checks every field of the documents a programme's whole life writes.
 */
import type { OrgUser } from '../../core/model';
import type { ContainerKey } from '../../ports/containers';
import type { Collection, Store } from '../../ports/store';

/**
 * Who sees a field about a person through Tandem (operators with access to the Cosmos DB account
 * see every stored field, and HR sees only aggregates above the anonymity threshold: neither is
 * listed per field). `participant` = the person themself.
 */
export const AUDIENCES = ['participant', 'partner', 'manager'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** A personal field: what it holds and who sees it per person. Not personal: `null`. */
export interface PersonalField {
  what: string;
  seenBy: readonly Audience[];
}

type DocOf<K extends ContainerKey> = Store[K] extends Collection<infer T> ? T : never;
/** Every key of the document type, optional ones included: a missing key does not compile. */
type FieldsOf<T> = { [F in keyof Required<T>]: PersonalField | null };

const P = ['participant'] as const;
const PM = ['participant', 'manager'] as const;
const PPM = ['participant', 'partner', 'manager'] as const;
const PP = ['participant', 'partner'] as const;
const M = ['manager'] as const;
const NOBODY = [] as const;

const id = (what: string, seenBy: readonly Audience[]): PersonalField => ({ what, seenBy });

/** Per container: purpose, legal basis and retention (the same for all of its fields). */
export interface ContainerRecord {
  purpose: string;
  basis: string;
  retention: string;
}

const CONTRACT = 'Art. 6(1)(b) GDPR with § 26 BDSG: taking part, on the person’s own opt-in';
const INTEREST = 'Art. 6(1)(f) GDPR: running and evaluating the programme (legitimate interest)';
const CLOSE = 'until the retention period after the programme closes (default 12 months), or erasure';

/** Purpose, legal basis and retention of each container (docs/privacy.md repeats them). */
export const CONTAINER_RECORDS: { [K in ContainerKey]: ContainerRecord } = {
  programmes: {
    purpose: 'the programme’s frame and who manages it',
    basis: INTEREST,
    retention: `programme kept; the manager’s id pseudonymised ${CLOSE}`,
  },
  participants: {
    purpose: 'enrolment, consent and matching profile',
    basis: CONTRACT,
    retention: `${CLOSE}; then reduced to role, topics and dates under a pseudonym`,
  },
  pairs: {
    purpose: 'fixed pairs and their confirmation',
    basis: CONTRACT,
    retention: `${CLOSE}; then pseudonymised, reasons deleted`,
  },
  meetings: {
    purpose: 'booking the pair’s sessions in Outlook',
    basis: CONTRACT,
    retention: `${CLOSE}; then pseudonymised, Outlook ids and links deleted`,
  },
  feedback: {
    purpose: 'session feedback for the pair’s own record and the aggregate report',
    basis: CONTRACT,
    retention: `${CLOSE}; then pseudonymised, free text deleted`,
  },
  assessments: {
    purpose: 'self-assessment at start and end for the aggregate report',
    basis: CONTRACT,
    retention: `${CLOSE}; then pseudonymised`,
  },
  audit: {
    purpose: 'accountability for changes to the programme',
    basis: 'Art. 6(1)(c) and (f) GDPR: accountability (Art. 5(2))',
    retention: `${CLOSE}; then pseudonymised, text details deleted`,
  },
  directory: {
    purpose: 'names, and the line-management rule for matching',
    basis: INTEREST,
    retention: 'a copy of Entra ID, replaced at every sync; follows the directory',
  },
  state: {
    purpose: 'sync cursors and timer checkpoints',
    basis: INTEREST,
    retention: 'overwritten by the next run; a retention salt only while a retention runs',
  },
  idempotency: { purpose: 'no double submits', basis: INTEREST, retention: '24 hours' },
  conversations: {
    purpose: 'sending the person bot messages',
    basis: CONTRACT,
    retention: 'until erasure, or retention of the person’s last programme',
  },
  jobs: { purpose: 'matching runs and their results', basis: CONTRACT, retention: `${CLOSE}; then deleted` },
  outbox: {
    purpose: 'delivering invitations and announcements',
    basis: CONTRACT,
    retention: `${CLOSE}, or erasure; then deleted`,
  },
  interest: {
    purpose: 'contacting people for the next cohort',
    basis: 'Art. 6(1)(a) GDPR: the person’s own request',
    retention: 'until the person removes it, erasure, or retention of the programme',
  },
};

export const PERSONAL_FIELDS: { [K in ContainerKey]: FieldsOf<DocOf<K>> } = {
  programmes: {
    id: null,
    schemaVersion: null,
    name: null,
    description: null,
    topics: null,
    phase: null,
    cadence: null,
    kickoffAt: null,
    closingAt: null,
    mentorCapacity: null,
    trainingRequired: null,
    trainingModules: null,
    anonymityThreshold: null,
    optedInSince: null,
    organizer: id('shared mailbox address that organises the series (when chosen)', PM),
    weights: null,
    consentTextVersion: null,
    createdBy: id('user id of the manager who created it', PM),
    coManagers: id('user ids of the co-managers who run it with its creator', PM),
    clonedFrom: null,
    createdAt: null,
    updatedAt: null,
    phaseChangedAt: null,
    publishedAt: null,
    matchingJobId: null,
    retentionMonths: null,
    pairHealthNotices: null,
    consentTexts: null,
    timeZone: null,
    kickoffMinutes: null,
    closingMinutes: null,
    anonymisedAt: null,
  },
  participants: {
    id: id('user id (Entra object id)', PPM),
    schemaVersion: null,
    programmeId: null,
    userId: id('user id (Entra object id)', PPM),
    displayName: id('name', PPM),
    status: id('invited, opted in, paused, left', PM),
    locale: id('language of messages', P),
    invitedAt: id('date invited', PM),
    invitedBy: id('user id of the inviting manager', PM),
    consent: id('consent text version and time agreed', PM),
    optedInAt: id('date of opt-in', PM),
    trainingCompletedAt: id('mentor training completed', PM),
    trainingModulesDone: id('mentor training modules ticked, and when', PM),
    appInstall: id('whether Tandem could be installed in their Teams (installed, blocked by policy, …)', M),
    calendarAccess: id('whether Tandem may book in their calendar (Exchange scope)', M),
    pausedAt: id('date paused', PM),
    leftAt: id('date left', PM),
    updatedAt: null,
    erasedAt: null,
    role: id('mentor or mentee', PPM),
    teachTopics: id('topics a mentor teaches', PPM),
    learnTopics: id('topics a mentee wants to learn', PPM),
    interests: id('interests for matching', PP),
    languages: id('languages spoken', PP),
    timeZone: id('time zone', P),
    weekdays: id('preferred weekdays', P),
    times: id('preferred times of day', P),
    testimonial: id('optional sentence for testimonials', P),
    testimonialConsentAt: id('when the person agreed to be quoted with the testimonial', P),
    claims: id('user ids of current partners (pair invariant)', P),
    pastPartners: id('user ids of past partners (never paired again)', P),
  },
  pairs: {
    id: null,
    schemaVersion: null,
    programmeId: null,
    mentorId: id('user id of the mentor', PPM),
    menteeId: id('user id of the mentee', PPM),
    score: id('fit score of the pair', M),
    explanation: id('why this pair (shared topics, languages, interests)', PPM),
    status: id('proposed, confirmed, declined, active, ended', PPM),
    mentor: id('the mentor’s answer and when; a decline reason for the manager only', PPM),
    mentee: id('the mentee’s answer and when; a decline reason for the manager only', PPM),
    locked: null,
    publishedAt: null,
    booking: null,
    topicId: null,
    createdAt: null,
    updatedAt: null,
    endedAt: id('date the pair ended', PPM),
    endReason: id('why the pair ended (left, paused, …)', PM),
    jobId: null,
  },
  meetings: {
    id: null,
    schemaVersion: null,
    programmeId: null,
    kind: null,
    pairId: null,
    organizer: id('user id or mailbox organising the series', PPM),
    attendees: id('user ids of the pair (kick-off, closing: of everyone)', PPM),
    transactionId: null,
    status: null,
    graphEventId: id('Outlook event id in the organiser’s calendar', NOBODY),
    joinUrl: id('Teams meeting link', PPM),
    weekday: id('agreed weekday', PPM),
    window: id('session window the pair chose', PPM),
    intervalWeeks: null,
    timeZone: id('time zone of the series (the organiser’s)', PPM),
    occurrences: id(
      'session dates and whether each was held; from Outlook: who of the pair declined a session and a time one of them proposed (both for the pair only)',
      PPM,
    ),
    problem: id('why booking failed (may name a person)', M),
    linked: id('user ids who got the kick-off or closing link by card', NOBODY),
    linkedFor: null,
    lease: null,
    readBackAt: null,
    pause: id('who of the pair paused the sessions, until when', PP),
    createdAt: null,
    updatedAt: null,
  },
  feedback: {
    id: null,
    schemaVersion: null,
    programmeId: null,
    pairId: null,
    userId: id('user id of the rater', P),
    role: id('mentor or mentee', P),
    occurrenceIndex: null,
    rating: id('session rating 1–5', P),
    learnt: id('free text: what was learnt', P),
    nextTopic: id('free text: next topic (a mentee’s wish is shown to their mentor)', PP),
    held: id('session held or missed', PPM),
    createdAt: null,
    updatedAt: null,
  },
  assessments: {
    id: null,
    schemaVersion: null,
    programmeId: null,
    userId: id('user id', P),
    role: id('mentor or mentee', P),
    kind: null,
    ratings: id('self-assessment per topic 1–5', P),
    gains: id('a mentor’s self-assessed gains (leadership, understanding senior colleagues) 1–5', P),
    createdAt: null,
    updatedAt: null,
  },
  audit: {
    id: null,
    schemaVersion: null,
    programmeId: null,
    at: null,
    actor: id('user id of who acted', M),
    action: null,
    target: id('user id or pair id acted on', M),
    details: id('counts and settings changed', M),
  },
  directory: {
    id: null,
    schemaVersion: null,
    tenantId: null,
    generation: null,
    slot: null,
    users: id(
      'copy of Entra ID: name, mail, manager, department, job, office, language, seniority (see users[] below)',
      M,
    ),
  },
  state: {
    id: null,
    schemaVersion: null,
    value: id(
      'sync cursors, timer results, the report’s last release and its snapshot (aggregates), the programmes’ change stamps (empty); a retention salt while a retention runs',
      NOBODY,
    ),
    updatedAt: null,
  },
  idempotency: {
    id: id('contains the caller’s user id', NOBODY),
    schemaVersion: null,
    scope: id('caller’s user id and route', NOBODY),
    requestHash: null,
    status: null,
    body: id('the answer given (for a day, against double submits)', P),
    createdAt: null,
  },
  conversations: {
    id: id('user id', NOBODY),
    schemaVersion: null,
    userId: id('user id', NOBODY),
    reference: id('Teams conversation reference for proactive messages', NOBODY),
    locale: id('language of messages', NOBODY),
    tenantId: null,
    updatedAt: null,
    unreachable: id('the person removed or blocked the bot, and when', NOBODY),
    kind: null,
    team: null,
    channelName: null,
  },
  jobs: {
    id: null,
    schemaVersion: null,
    programmeId: null,
    kind: null,
    status: null,
    requestedBy: id('user id of the manager', M),
    createdAt: null,
    startedAt: null,
    finishedAt: null,
    lease: null,
    input: id('a queued Outlook change: subscription and event ids, no person', NOBODY),
    result: id('proposed pairs and the unmatched with a reason', M),
    error: null,
  },
  outbox: {
    id: id('contains the recipient’s user id', NOBODY),
    schemaVersion: null,
    batchId: null,
    recipient: id('user id of the recipient', NOBODY),
    payload: id('the card sent (may name the partner)', P),
    status: null,
    attempts: null,
    nextAttemptAt: null,
    sentAt: null,
    activityId: id('Teams message id', NOBODY),
    lastError: null,
    createdAt: null,
  },
  interest: {
    id: id('user id', PM),
    schemaVersion: null,
    programmeId: null,
    userId: id('user id', PM),
    source: null,
    registeredAt: id('date registered', PM),
    invitedTo: id('programmes invited to from the list', PM),
  },
};

/** The person records inside a directory chunk (`directory.users[]`): a copy of Entra ID. */
export const DIRECTORY_USER_FIELDS: FieldsOf<OrgUser> = {
  id: id('user id', PPM),
  schemaVersion: null,
  tenantId: null,
  displayName: id('name', PPM),
  mail: id('e-mail address', M),
  userPrincipalName: id('sign-in name', NOBODY),
  managerId: id('user id of the line manager (for the hierarchy rule)', NOBODY),
  department: id('department', PPM),
  jobTitle: id('job title', PPM),
  officeLocation: id('office', PPM),
  preferredLanguage: id('language', NOBODY),
  accountEnabled: null,
  userType: null,
  jobLevel: id('job level (seniority for matching)', NOBODY),
  hireDate: id('hire date (seniority for matching)', NOBODY),
  syncedAt: null,
};

/** Fields a store adds to every document (ETag, Cosmos DB system properties): not data about anyone. */
export const STORE_FIELDS = ['etag', '_rid', '_self', '_etag', '_attachments', '_ts'];

/** The top-level fields of a stored document that the record of processing does not list. */
export function unlistedFields(container: ContainerKey, doc: Record<string, unknown>): string[] {
  const listed = PERSONAL_FIELDS[container] as Record<string, unknown>;
  return Object.keys(doc).filter((f) => !(f in listed) && !STORE_FIELDS.includes(f));
}
