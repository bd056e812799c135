/** Builds one demo programme's documents from its plan and the generated organisation. */
import {
  seriesTransactionId,
  type Assessment,
  type AuditEntry,
  type Feedback,
  type MeetingSeries,
  type Occurrence,
  type Pair,
  type Participant,
  type Programme,
  type Role,
  type TimeOfDay,
  type Weekday,
} from '../../core/model';
import { localeOf } from '../../core/model';
import type { GeneratedUser } from './org';
import type { Random } from './random';
import type { DemoAccount } from './accounts';
import { DEMO_CADENCE, type ProgrammePlan } from './programmes';

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
const LEARNT = [
  'How to set up a channel for my project.',
  'Using Copilot to summarise a long thread.',
  'Scheduling posts on LinkedIn.',
  'Sharing a Loop component in chat.',
  'How my mentor organises the team’s backlog.',
];
const DAY = 24 * 3600 * 1000;

export interface ProgrammeData {
  programme: Programme;
  participants: Participant[];
  pairs: Pair[];
  meetings: MeetingSeries[];
  feedback: Feedback[];
  assessments: Assessment[];
  audit: AuditEntry[];
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

export function buildProgrammeData(
  plan: ProgrammePlan,
  org: GeneratedUser[],
  used: Set<string>,
  rnd: Random,
  ctx: { now: Date; createdBy: string },
): ProgrammeData {
  const iso = (d: Date) => d.toISOString();
  const created = new Date(plan.kickoff.getTime() - 30 * DAY);
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
    anonymityThreshold: 5,
    organizer: { kind: 'mentee' },
    consentTextVersion: '2026-01',
    createdBy: ctx.createdBy,
    createdAt: iso(created),
    updatedAt: iso(created),
    phaseChangedAt: iso(created),
  };

  const mentees = take(org, used, plan.mentees, (u) => u.level >= 1 && u.level <= 4);
  const mentors = take(org, used, plan.mentors, (u) => u.level >= 5);
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
    ...(role === 'mentor' && index < Math.round(plan.mentors * plan.trained) ? { trainingCompletedAt: optedAt } : {}),
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
    programme,
    participants,
    pairs: [],
    meetings: [],
    feedback: [],
    assessments: [],
    audit: [],
  };
  data.audit.push({
    id: `${plan.id}-created`,
    schemaVersion: 1,
    programmeId: plan.id,
    at: iso(created),
    actor: ctx.createdBy,
    action: 'programme.created',
  });
  if (plan.withPairs) {
    const departments = new Map([...mentees, ...mentors].map((u) => [u.id, u.department]));
    buildPairs(plan, data, rnd, ctx.now, (p) => departments.get(p.id));
  }
  if (plan.assessments !== 'none') buildAssessments(plan, data, rnd);
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

function buildPairs(
  plan: ProgrammePlan,
  data: ProgrammeData,
  rnd: Random,
  now: Date,
  department: (p: Participant) => string | undefined,
): void {
  const mentees = data.participants.filter((p) => p.role === 'mentee');
  const free = data.participants.filter((p) => p.role === 'mentor');
  const published = new Date(plan.kickoff.getTime() - 10 * DAY).toISOString();
  mentees.forEach((mentee, index) => {
    // Different departments are different divisions here, so never one management chain.
    const mentor =
      free.find((m) => m.timeZone === mentee.timeZone && department(m) !== department(mentee)) ??
      free.find((m) => department(m) !== department(mentee));
    if (!mentor) return;
    free.splice(free.indexOf(mentor), 1);
    const shared = (mentor.teachTopics ?? []).filter((t) => mentee.learnTopics?.includes(t));
    const interests = (mentor.interests ?? []).filter((i) => mentee.interests?.includes(i));
    const breakdown = {
      topics: 20 * shared.length,
      interests: 5 * interests.length,
      crossDepartment: 10,
      availability: 8,
    };
    const pair: Pair = {
      id: `${plan.id}-pair-${String(index + 1).padStart(2, '0')}`,
      schemaVersion: 1,
      programmeId: plan.id,
      mentorId: mentor.id,
      menteeId: mentee.id,
      score: Object.values(breakdown).reduce((a, b) => a + b, 0),
      explanation: {
        breakdown,
        reasons: [
          ...(shared[0] ? [{ key: 'reason.topicCovered', params: { topic: shared[0] } }] : []),
          ...(interests[0] ? [{ key: 'reason.sharedInterest', params: { interest: interests[0] } }] : []),
          { key: 'reason.crossDepartment' },
        ],
      },
      status: 'active',
      mentor: { state: 'accepted', at: published },
      mentee: { state: 'accepted', at: published },
      locked: false,
      publishedAt: published,
      booking: 'booked',
      ...(shared[0] ? { topicId: shared[0] } : {}),
      createdAt: published,
      updatedAt: published,
    };
    data.pairs.push(pair);
    data.meetings.push(buildSeries(plan, pair, index, rnd, now, data));
  });
}

function buildSeries(
  plan: ProgrammePlan,
  pair: Pair,
  index: number,
  rnd: Random,
  now: Date,
  data: ProgrammeData,
): MeetingSeries {
  const cadence = DEMO_CADENCE;
  // First Tuesday after the kick-off, 09:00 UTC (10:00 in Berlin in winter).
  const first = new Date(plan.kickoff.getTime() + 7 * DAY);
  first.setUTCDate(first.getUTCDate() + ((2 - first.getUTCDay() + 7) % 7));
  first.setUTCHours(9 + (index % 4), 0, 0, 0);
  const struggling = index === 3 || index === 7;
  const silent = index === 5;
  const occurrences: Occurrence[] = Array.from({ length: cadence.sessions }, (_, i) => {
    const start = new Date(first.getTime() + i * cadence.intervalWeeks * 7 * DAY);
    const end = new Date(start.getTime() + cadence.sessionMinutes * 60 * 1000);
    const past = end.getTime() < now.getTime();
    const held = past && !(silent && i >= 1) && rnd.chance(0.88);
    return {
      index: i,
      start: start.toISOString(),
      end: end.toISOString(),
      status: past ? (held ? 'held' : 'missed') : 'planned',
      graphId: `demo-occurrence-${pair.id}-${i}`,
    };
  });
  for (const o of occurrences) {
    if (o.status !== 'held') continue;
    for (const [userId, role] of [
      [pair.menteeId, 'mentee'],
      [pair.mentorId, 'mentor'],
    ] as const) {
      if (!rnd.chance(0.85)) continue;
      const rating = struggling ? rnd.int(1, 2) : rnd.pick([3, 4, 4, 5, 5, 5]);
      data.feedback.push({
        id: `${pair.id}:${userId}:${o.index}`,
        schemaVersion: 1,
        programmeId: plan.id,
        pairId: pair.id,
        userId,
        role,
        occurrenceIndex: o.index,
        rating,
        ...(role === 'mentee' ? { learnt: rnd.pick(LEARNT) } : {}),
        held: true,
        createdAt: o.end,
        updatedAt: o.end,
      });
    }
  }
  const mentee = data.participants.find((p) => p.id === pair.menteeId);
  return {
    id: `${pair.id}-series`,
    schemaVersion: 1,
    programmeId: plan.id,
    kind: 'pair-series',
    pairId: pair.id,
    organizer: pair.menteeId,
    attendees: [pair.mentorId, pair.menteeId],
    transactionId: seriesTransactionId(plan.id, pair.id),
    status: 'booked',
    graphEventId: `demo-event-${pair.id}`,
    joinUrl: `https://teams.microsoft.com/l/meetup-join/demo-${pair.id}`,
    weekday: 'tue',
    intervalWeeks: cadence.intervalWeeks,
    timeZone: mentee?.timeZone ?? 'Europe/Berlin',
    occurrences,
    createdAt: pair.publishedAt ?? pair.createdAt,
    updatedAt: pair.publishedAt ?? pair.createdAt,
  };
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
