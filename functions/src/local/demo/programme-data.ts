/** Builds one demo programme's documents from its plan and the generated organisation. */
import type {
  Assessment,
  AuditEntry,
  Feedback,
  Interest,
  MeetingSeries,
  Pair,
  Participant,
  Programme,
  Role,
  TimeOfDay,
  Weekday,
} from '../../core/model';
import {
  isLivePair,
  keepsApart,
  localeOf,
  sidesOf,
  STANDARD_CONSENT_TEXT,
  withClaim,
  withoutClaim,
} from '../../core/model';
import type { GeneratedUser } from './org';
import type { Random } from './random';
import type { DemoAccount } from './accounts';
import type { DirectoryReader } from '../../ports/directory';
import { DEMO_CADENCE, DEMO_TRAINING_MODULES, type ProgrammePlan } from './programmes';
import { buildPairs } from './demo-pairs';

const INTERESTS = [
  'cycling',
  'cooking',
  'football',
  'photography',
  'hiking',
  'music',
  'reading',
  'running',
  'travel',
  'gaming',
  'gardening',
  'chess',
];
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const TIMES: TimeOfDay[] = ['morning', 'midday', 'afternoon'];
const DAY = 24 * 3600 * 1000;

export interface ProgrammeData {
  programme: Programme;
  participants: Participant[];
  pairs: Pair[];
  meetings: MeetingSeries[];
  feedback: Feedback[];
  assessments: Assessment[];
  audit: AuditEntry[];
  /** People who want to join the programme's next cohort. */
  interest: Interest[];
  showcase?: DemoAccount[];
}

function someOf<T>(rnd: Random, items: readonly T[], min: number, max: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  const n = rnd.int(min, Math.min(max, pool.length));
  while (out.length < n) out.push(...pool.splice(rnd.int(0, pool.length - 1), 1));
  return out;
}

function take(
  org: GeneratedUser[],
  used: Set<string>,
  count: number,
  filter: (u: GeneratedUser) => boolean,
): GeneratedUser[] {
  const out: GeneratedUser[] = [];
  for (const u of org) {
    if (out.length >= count) break;
    if (used.has(u.id) || !u.accountEnabled || u.userType !== 'Member' || !filter(u)) continue;
    used.add(u.id);
    out.push(u);
  }
  return out;
}

export async function buildProgrammeData(
  plan: ProgrammePlan,
  org: GeneratedUser[],
  used: Set<string>,
  rnd: Random,
  ctx: { now: Date; createdBy: string; directory: DirectoryReader },
): Promise<ProgrammeData> {
  const iso = (d: Date) => d.toISOString();
  // Never created in the future: a programme the manager creates now must come first in the list.
  const created = new Date(Math.min(plan.kickoff.getTime() - 30 * DAY, ctx.now.getTime() - DAY));
  const topicIds = plan.topics.map((t) => t.id);
  const programme: Programme = {
    id: plan.id,
    schemaVersion: 1,
    name: plan.name,
    description: plan.description,
    topics: plan.topics,
    phase: plan.phase,
    cadence: DEMO_CADENCE,
    kickoffAt: iso(plan.kickoff),
    closingAt: iso(plan.closing),
    mentorCapacity: 1,
    trainingRequired: true,
    trainingModules: DEMO_TRAINING_MODULES,
    anonymityThreshold: 5,
    organizer: { kind: 'mentee' },
    consentTextVersion: '2026-01',
    consentTexts: [{ version: '2026-01', ...STANDARD_CONSENT_TEXT, at: iso(created) }],
    createdBy: ctx.createdBy,
    createdAt: iso(created),
    updatedAt: iso(created),
    phaseChangedAt: iso(created),
  };

  const [menteeFrom, menteeTo] = plan.levels?.mentees ?? [1, 4];
  const [mentorFrom, mentorTo] = plan.levels?.mentors ?? [5, Infinity];
  const mentees = take(org, used, plan.mentees, (u) => u.level >= menteeFrom && u.level <= menteeTo);
  const mentors = take(org, used, plan.mentors, (u) => u.level >= mentorFrom && u.level <= mentorTo);
  const invited = take(org, used, plan.invitedOnly, (u) => u.level >= 2);
  const optedAt = iso(new Date(created.getTime() + 5 * DAY));

  const enrol = (u: GeneratedUser, role: Role, index: number): Participant => ({
    id: u.id,
    schemaVersion: 1,
    programmeId: plan.id,
    userId: u.id,
    displayName: u.displayName,
    status: 'opted-in',
    locale: localeOf(u.preferredLanguage),
    invitedAt: iso(created),
    invitedBy: ctx.createdBy,
    updatedAt: optedAt,
    role,
    teachTopics: role === 'mentor' ? someOf(rnd, topicIds, 1, topicIds.length) : [],
    learnTopics: role === 'mentee' ? someOf(rnd, topicIds, 1, 2) : [],
    interests: someOf(rnd, INTERESTS, 1, 3),
    languages: u.preferredLanguage.startsWith('de') ? (rnd.chance(0.7) ? ['de', 'en'] : ['de']) : ['en'],
    timeZone: u.timeZone,
    weekdays: someOf(rnd, WEEKDAYS, 2, 4),
    times: someOf(rnd, TIMES, 1, 2),
    consent: { textVersion: '2026-01', at: optedAt },
    optedInAt: optedAt,
    // A trained mentor ticked every module of the training.
    ...(role === 'mentor' && index < Math.round(plan.mentors * plan.trained)
      ? {
          trainingCompletedAt: optedAt,
          trainingModulesDone: Object.fromEntries(DEMO_TRAINING_MODULES.map((m) => [m.id, optedAt])),
        }
      : {}),
  });

  const participants: Participant[] = [
    ...mentees.map((u, i) => enrol(u, 'mentee', i)),
    ...mentors.map((u, i) => enrol(u, 'mentor', i)),
    ...invited.map((u): Participant => ({
      id: u.id,
      schemaVersion: 1,
      programmeId: plan.id,
      userId: u.id,
      displayName: u.displayName,
      status: 'invited',
      locale: localeOf(u.preferredLanguage),
      invitedAt: iso(new Date(ctx.now.getTime() - 3 * DAY)),
      invitedBy: ctx.createdBy,
      updatedAt: iso(new Date(ctx.now.getTime() - 3 * DAY)),
    })),
  ];

  const data: ProgrammeData = {
    programme: participants.some((p) => p.optedInAt) ? { ...programme, optedInSince: optedAt } : programme,
    participants,
    pairs: [],
    meetings: [],
    feedback: [],
    assessments: [],
    audit: [],
    interest: [],
  };
  data.audit.push({
    id: `${plan.id}-created`,
    schemaVersion: 1,
    programmeId: plan.id,
    at: iso(created),
    actor: ctx.createdBy,
    action: 'programme.created',
  });
  if (plan.withPairs) await buildPairs(plan, data, rnd, ctx.now, ctx.directory);
  // A programme whose pairs were published records when, as publishing does (managers step in after it).
  const published = data.pairs.map((p) => p.publishedAt).filter((at): at is string => Boolean(at));
  if (published.length) data.programme = { ...data.programme, publishedAt: published.sort()[0] as string };
  recordPairing(data);
  if (plan.assessments !== 'none') buildAssessments(plan, data, rnd);
  if (plan.interested) {
    // Two mentors of this cohort want to go again; the others heard of it from an announcement.
    const again = mentors.slice(0, 2);
    const newcomers = take(org, used, plan.interested - again.length, (u) => u.level >= 1);
    data.interest = [...again, ...newcomers].map((u, i) => ({
      id: u.id,
      schemaVersion: 1,
      programmeId: plan.id,
      userId: u.id,
      source: i % 3 === 2 ? 'api' : 'bot',
      registeredAt: iso(new Date(ctx.now.getTime() - rnd.int(1, 18) * DAY - rnd.int(0, 600) * 60_000)),
    }));
  }
  const first = data.pairs[0];
  if (plan.showcase && first) {
    const find = (id: string) => participants.find((p) => p.id === id) as Participant;
    data.showcase = [
      { kind: 'mentee', userId: first.menteeId, displayName: find(first.menteeId).displayName, roles: [] },
      { kind: 'mentor', userId: first.mentorId, displayName: find(first.mentorId).displayName, roles: [] },
    ];
  }
  return data;
}

/** Each enrollment holds the claims of its live pairs and the people it must never meet again. */
function recordPairing(data: ProgrammeData): void {
  const byId = new Map(data.participants.map((p, i) => [p.userId, i]));
  const change = (userId: string, f: (p: Participant) => Participant) => {
    const i = byId.get(userId);
    if (i !== undefined) data.participants[i] = f(data.participants[i] as Participant);
  };
  for (const pair of data.pairs) {
    for (const side of sidesOf(pair)) {
      if (isLivePair(pair)) change(side.userId, (p) => withClaim(p, side, pair.id, pair.createdAt));
      else if (keepsApart(pair)) change(side.userId, (p) => withoutClaim(p, pair.id, { partnerId: side.partnerId }));
    }
  }
}

function buildAssessments(plan: ProgrammePlan, data: ProgrammeData, rnd: Random): void {
  for (const p of data.participants) {
    if (p.status !== 'opted-in' || !p.role) continue;
    const start: Record<string, number> = {};
    const end: Record<string, number> = {};
    for (const t of plan.topics) {
      const s = p.role === 'mentee' ? rnd.int(1, 3) : rnd.int(3, 5);
      start[t.id] = s;
      end[t.id] = Math.min(5, s + (p.role === 'mentee' ? rnd.int(1, 2) : rnd.int(0, 1)));
    }
    const at = p.optedInAt ?? data.programme.createdAt;
    data.assessments.push({
      id: `${p.userId}:start`,
      schemaVersion: 1,
      programmeId: plan.id,
      userId: p.userId,
      role: p.role,
      kind: 'start',
      ratings: start,
      createdAt: at,
      updatedAt: at,
    });
    if (plan.assessments === 'both') {
      const closing = data.programme.closingAt ?? at;
      data.assessments.push({
        id: `${p.userId}:end`,
        schemaVersion: 1,
        programmeId: plan.id,
        userId: p.userId,
        role: p.role,
        kind: 'end',
        ratings: end,
        createdAt: closing,
        updatedAt: closing,
      });
    }
  }
}
