/**
 * Maps the domain (participants, the directory, earlier decisions) onto the matching engine's own
 * input. The engine sees plain ids and lists; reasons come back as message keys with parameters.
 */
import type { MatchInput, MatchMentor, MatchPerson, MatchedPair } from '../../core/matching';
import {
  keepsApart,
  PAIR_SCHEMA_VERSION,
  type OrgUser,
  type Pair,
  type Participant,
  type Programme,
  type Reason,
} from '../../core/model';
import type { AppDeps } from '../deps';
import { toArray } from '../../ports/store';
import { newId } from '../support/ids';

export interface MatchContext {
  programme: Programme;
  participants: Participant[];
  pairs: Pair[];
  /** Participants by user id, built on first use. */
  byId?: Map<string, Participant>;
}

export async function loadMatchContext(deps: AppDeps, programme: Programme): Promise<MatchContext> {
  const [participants, pairs] = await Promise.all([
    toArray(deps.store.participants.all(programme.id)),
    toArray(deps.store.pairs.all(programme.id)),
  ]);
  return { programme, participants, pairs };
}

/**
 * Two people nobody may propose again: their pair was declined, excluded by the manager, or ended
 * for any other reason (left, paused, removed), as the pairs and the enrollments record it.
 */
export function exclusionsOf(pairs: readonly Pair[], participants: readonly Participant[] = []): [string, string][] {
  const out = new Map<string, [string, string]>();
  for (const p of pairs) if (keepsApart(p)) out.set(`${p.mentorId}|${p.menteeId}`, [p.mentorId, p.menteeId]);
  for (const p of participants) {
    if (p.role !== 'mentor') continue;
    for (const mentee of p.pastPartners ?? []) out.set(`${p.userId}|${mentee}`, [p.userId, mentee]);
  }
  for (const p of participants) {
    if (p.role !== 'mentee') continue;
    for (const mentor of p.pastPartners ?? []) out.set(`${mentor}|${p.userId}`, [mentor, p.userId]);
  }
  return [...out.values()];
}

/** People who can take part in a run: opted in, or paused (reported back as unmatched, with the reason). */
export function candidatesOf(participants: readonly Participant[]): Participant[] {
  return participants.filter((p) => (p.status === 'opted-in' || p.status === 'paused') && p.role && !p.erasedAt);
}

function person(p: Participant, user: OrgUser | undefined, topics: string[] | undefined): MatchPerson {
  const hire = user?.hireDate && /^\d{4}-\d{2}-\d{2}/.test(user.hireDate) ? user.hireDate.slice(0, 10) : undefined;
  return {
    id: p.userId,
    topics: topics ?? [],
    interests: p.interests ?? [],
    languages: p.languages ?? [],
    ...(p.timeZone ? { timezone: p.timeZone } : {}),
    weekdays: p.weekdays ?? [],
    times: p.times ?? [],
    ...(user?.department ? { department: user.department } : {}),
    ...(user?.jobLevel !== undefined ? { jobLevel: user.jobLevel } : {}),
    ...(hire ? { hireDate: hire } : {}),
    optedIn: true,
    active: p.status === 'opted-in',
  };
}

/** The engine's input for these people, with the directory's hierarchy and every exclusion. */
export async function buildMatchInput(
  deps: Pick<AppDeps, 'directory'>,
  ctx: MatchContext,
  people: readonly Participant[],
  lock: [string, string][] = [],
): Promise<MatchInput> {
  const users = new Map((await deps.directory.getUsers(people.map((p) => p.userId))).map((u) => [u.id, u]));
  const managerOf = Object.fromEntries(await deps.directory.managerMap());
  const mentors: MatchMentor[] = [];
  const mentees: MatchPerson[] = [];
  for (const p of people) {
    const user = users.get(p.userId);
    if (p.role === 'mentor') {
      mentors.push({
        ...person(p, user, p.teachTopics),
        capacity: ctx.programme.mentorCapacity,
        trained: Boolean(p.trainingCompletedAt),
      });
    } else if (p.role === 'mentee') {
      mentees.push(person(p, user, p.learnTopics));
    }
  }
  const ids = new Set(people.map((p) => p.userId));
  return {
    mentors,
    mentees,
    managerOf,
    exclude: exclusionsOf(ctx.pairs, people).filter(([m, e]) => ids.has(m) && ids.has(e)),
    lock,
    ...(ctx.programme.weights ? { weights: ctx.programme.weights as MatchInput['weights'] } : {}),
    programme: {
      trainingRequired: ctx.programme.trainingRequired,
      maxMenteesPerMentor: ctx.programme.mentorCapacity,
    },
  };
}

/** A proposal from the engine's pair. */
export function proposalOf(
  programme: Programme,
  ctx: MatchContext,
  matched: MatchedPair,
  now: string,
  extra: { jobId?: string; publishedAt?: string; locked?: boolean } = {},
): Pair {
  const byId = (ctx.byId ??= new Map(ctx.participants.map((p) => [p.userId, p])));
  const mentor = byId.get(matched.mentor);
  const mentee = byId.get(matched.mentee);
  const topicId = (mentee?.learnTopics ?? []).find((t) => (mentor?.teachTopics ?? []).includes(t));
  const breakdown: Record<string, number> = {};
  for (const [k, v] of Object.entries(matched.breakdown)) if (typeof v === 'number') breakdown[k] = v;
  return {
    id: newId('pair'),
    schemaVersion: PAIR_SCHEMA_VERSION,
    programmeId: programme.id,
    mentorId: matched.mentor,
    menteeId: matched.mentee,
    score: matched.score,
    explanation: { breakdown, reasons: matched.reasons.map((r): Reason => ({ key: r.key, params: r.params })) },
    status: 'proposed',
    mentor: { state: 'pending' },
    mentee: { state: 'pending' },
    locked: extra.locked ?? false,
    booking: 'none',
    ...(topicId ? { topicId } : {}),
    ...(extra.jobId ? { jobId: extra.jobId } : {}),
    ...(extra.publishedAt ? { publishedAt: extra.publishedAt } : {}),
    createdAt: now,
    updatedAt: now,
  };
}
