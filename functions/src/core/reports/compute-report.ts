/**
 * Computes the HR report from the programme's documents. Per-person facts are worked out first and
 * only ever leave this function as counts and averages over groups at or above the threshold.
 * NOTE: cosmosdb-server has no GROUP BY, and the real store would need one query per figure, so all
 * totals are computed here in one pass over the programme's partition.
 */
import {
  heldVsPlanned,
  MENTOR_GAINS,
  ROLES,
  type MeetingSeries,
  type Occurrence,
  type Pair,
  type Role,
} from '../model';
import { hasSessionsLeft, pairHealth } from './pair-health';
import { round, suppressOverlapping, suppressPartition, type RowCounts } from './suppress';
import { weeklySeries } from './weekly';
import {
  UNKNOWN_GROUP,
  type AssessmentChange,
  type AssessmentStart,
  type Funnel,
  type MentorGainRow,
  type ProgrammeReport,
  type ReportInput,
} from './types';

interface PersonFacts {
  role?: Role;
  optedIn: boolean;
  matched: boolean;
  confirmed: boolean;
  active: boolean;
  completed: boolean;
  held: number;
  planned: number;
  ratingSum: number;
  ratings: number;
}

function wasActive(p: Pair): boolean {
  return p.status === 'active' || (p.status === 'ended' && p.booking === 'booked');
}

function completed(p: Pair, series: MeetingSeries | undefined, now: string): boolean {
  if (!wasActive(p)) return false;
  if (p.endReason === 'programme-closed') return true;
  if (p.status !== 'active' || !series) return false;
  return series.occurrences.length > 0 && !hasSessionsLeft(series, now);
}

function emptyFunnel(): Funnel {
  return { invited: 0, optedIn: 0, matched: 0, confirmed: 0, active: 0, completed: 0 };
}

function addToFunnel(f: Funnel, p: PersonFacts): void {
  f.invited++;
  if (p.optedIn) f.optedIn++;
  if (p.matched) f.matched++;
  if (p.confirmed) f.confirmed++;
  if (p.active) f.active++;
  if (p.completed) f.completed++;
}

export function computeReport(input: ReportInput): ProgrammeReport {
  const { programme, now } = input;
  const k = programme.anonymityThreshold;
  const seriesByPair = new Map(
    input.meetings.filter((s) => s.kind === 'pair-series' && s.pairId).map((s) => [s.pairId as string, s]),
  );
  const facts = new Map<string, PersonFacts>();
  for (const p of input.participants) {
    facts.set(p.userId, {
      ...(p.role ? { role: p.role } : {}),
      optedIn: Boolean(p.optedInAt),
      matched: false,
      confirmed: false,
      active: false,
      completed: false,
      held: 0,
      planned: 0,
      ratingSum: 0,
      ratings: 0,
    });
  }
  let meetingsHeld = 0;
  let meetingsPlanned = 0;
  let activePairs = 0;
  let completedPairs = 0;
  let noRecentMeeting = 0;
  let lowRatings = 0;
  let needingAttention = 0;
  const feedbackByPair = new Map<string, ReportInput['feedback'][number][]>();
  for (const f of input.feedback) {
    const list = feedbackByPair.get(f.pairId);
    if (list) list.push(f);
    else feedbackByPair.set(f.pairId, [f]);
  }
  const published = input.pairs.filter((p) => p.publishedAt && p.endReason !== 'excluded');
  const due: Occurrence[] = [];
  for (const pair of published) {
    const series = seriesByPair.get(pair.id);
    const hp = series ? heldVsPlanned(series, now) : { held: 0, planned: 0 };
    // The same sessions as heldVsPlanned counts, for the weekly series.
    for (const o of series?.occurrences ?? []) if (o.status !== 'cancelled' && o.start <= now) due.push(o);
    meetingsHeld += hp.held;
    meetingsPlanned += hp.planned;
    if (pair.status === 'active') activePairs++;
    if (completed(pair, series, now)) completedPairs++;
    const { flags } = pairHealth(pair, series, feedbackByPair.get(pair.id) ?? [], programme, now);
    if (flags.includes('no-recent-meeting')) noRecentMeeting++;
    if (flags.includes('low-rating')) lowRatings++;
    if (flags.length) needingAttention++;
    for (const id of [pair.mentorId, pair.menteeId]) {
      const f = facts.get(id);
      if (!f) continue;
      f.matched = true;
      if (pair.mentor.state === 'accepted' && pair.mentee.state === 'accepted') f.confirmed = true;
      if (wasActive(pair)) f.active = true;
      if (completed(pair, series, now)) f.completed = true;
      f.held += hp.held;
      f.planned += hp.planned;
    }
  }
  const raters = new Set<string>();
  const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let ratingSum = 0;
  for (const fb of input.feedback) {
    raters.add(fb.userId);
    distribution[String(fb.rating) as keyof typeof distribution]++;
    ratingSum += fb.rating;
    const f = facts.get(fb.userId);
    if (f) {
      f.ratingSum += fb.rating;
      f.ratings++;
    }
  }
  const funnel = emptyFunnel();
  const funnelByRole: Record<Role, Funnel> = { mentor: emptyFunnel(), mentee: emptyFunnel() };
  for (const f of facts.values()) {
    addToFunnel(funnel, f);
    if (f.role) addToFunnel(funnelByRole[f.role], f);
  }
  const ratingsShown = raters.size >= k;
  // A rating belongs to the week of its session (the week it was given when the session is unknown).
  const sessionStart = (pairId: string, index: number) =>
    seriesByPair.get(pairId)?.occurrences.find((o) => o.index === index)?.start;
  const { weekly, trend } = weeklySeries({
    due,
    ratings: input.feedback.map((f) => ({
      userId: f.userId,
      rating: f.rating,
      at: sessionStart(f.pairId, f.occurrenceIndex) ?? f.createdAt,
    })),
    threshold: k,
  });
  return {
    programmeId: programme.id,
    name: programme.name,
    phase: programme.phase,
    generatedAt: now,
    anonymityThreshold: k,
    funnel,
    funnelByRole,
    meetings: {
      planned: meetingsPlanned,
      held: meetingsHeld,
      heldShare: meetingsPlanned ? round(meetingsHeld / meetingsPlanned) : null,
      weekly,
    },
    ratings: {
      count: input.feedback.length,
      raters: raters.size,
      suppressed: !ratingsShown,
      distribution: ratingsShown ? distribution : null,
      average: ratingsShown && input.feedback.length ? round(ratingSum / input.feedback.length) : null,
      trend,
    },
    assessments: assessmentChanges(input, k),
    mentorGains: mentorGains(input, k),
    assessmentStarts: assessmentStarts(input, k),
    pairs: {
      total: published.length,
      active: activePairs,
      completed: completedPairs,
      needingAttention,
      noRecentMeeting,
      lowRatings,
    },
    breakdowns: breakdowns(input, facts, k),
  };
}

function assessmentStarts(input: ReportInput, k: number): AssessmentStart[] {
  const out: AssessmentStart[] = [];
  for (const topic of input.programme.topics) {
    for (const role of ROLES) {
      let n = 0;
      let s = 0;
      for (const a of input.assessments) {
        const rating = a.kind === 'start' && a.role === role ? a.ratings[topic.id] : undefined;
        if (rating === undefined) continue;
        n++;
        s += rating;
      }
      const shown = n >= k;
      out.push({
        topicId: topic.id,
        topicName: topic.name,
        role,
        people: shown ? n : 0,
        average: shown ? round(s / n) : null,
        suppressed: !shown,
      });
    }
  }
  return out;
}

function mentorGains(input: ReportInput, k: number): MentorGainRow[] {
  return MENTOR_GAINS.map((gain) => {
    const values = input.assessments
      .filter((a) => a.kind === 'end' && a.role === 'mentor')
      .map((a) => a.gains?.[gain])
      .filter((v): v is number => v !== undefined);
    const shown = values.length >= k;
    return {
      gain,
      people: shown ? values.length : 0,
      average: shown ? round(values.reduce((a, b) => a + b, 0) / values.length) : null,
      suppressed: !shown,
    };
  });
}

function assessmentChanges(input: ReportInput, k: number): AssessmentChange[] {
  const starts = new Map(input.assessments.filter((a) => a.kind === 'start').map((a) => [a.userId, a]));
  const out: AssessmentChange[] = [];
  for (const topic of input.programme.topics) {
    for (const role of ROLES) {
      let n = 0;
      let s = 0;
      let e = 0;
      for (const end of input.assessments) {
        if (end.kind !== 'end' || end.role !== role) continue;
        const before = starts.get(end.userId)?.ratings[topic.id];
        const after = end.ratings[topic.id];
        if (before === undefined || after === undefined) continue;
        n++;
        s += before;
        e += after;
      }
      const shown = n >= k;
      out.push({
        topicId: topic.id,
        topicName: topic.name,
        role,
        people: shown ? n : 0,
        startAverage: shown ? round(s / n) : null,
        endAverage: shown ? round(e / n) : null,
        change: shown ? round((e - s) / n) : null,
        suppressed: !shown,
      });
    }
  }
  return out;
}

function breakdowns(
  input: ReportInput,
  facts: ReadonlyMap<string, PersonFacts>,
  k: number,
): ProgrammeReport['breakdowns'] {
  const rows = (groupOf: (userId: string) => string[]) => {
    const byGroup = new Map<string, RowCounts & { group: string }>();
    for (const p of input.participants) {
      const f = facts.get(p.userId);
      if (!f?.optedIn) continue;
      for (const group of groupOf(p.userId)) {
        const row = byGroup.get(group) ?? {
          group,
          people: 0,
          matched: 0,
          active: 0,
          completed: 0,
          held: 0,
          planned: 0,
          ratingSum: 0,
          raters: 0,
        };
        row.people++;
        if (f.matched) row.matched++;
        if (f.active) row.active++;
        if (f.completed) row.completed++;
        row.held += f.held;
        row.planned += f.planned;
        if (f.ratings) {
          row.ratingSum += f.ratingSum / f.ratings;
          row.raters++;
        }
        byGroup.set(group, row);
      }
    }
    return [...byGroup.values()];
  };
  const topicsOf = new Map(
    input.participants.map((p) => [p.userId, [...new Set([...(p.teachTopics ?? []), ...(p.learnTopics ?? [])])]]),
  );
  const topicName = new Map(input.programme.topics.map((t) => [t.id, t.name]));
  return {
    department: suppressPartition(
      rows((id) => [input.groups.get(id)?.department ?? UNKNOWN_GROUP]),
      k,
    ),
    location: suppressPartition(
      rows((id) => [input.groups.get(id)?.location ?? UNKNOWN_GROUP]),
      k,
    ),
    topic: suppressOverlapping(
      rows((id) => (topicsOf.get(id) ?? []).map((t) => topicName.get(t) ?? t)),
      k,
    ),
  };
}
