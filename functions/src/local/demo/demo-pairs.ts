/**
 * The demo's live pairs, their meeting series and feedback. The pairs come from the real matching
 * engine (the same input the app builds for a matching run: the participants' profiles and the
 * directory's departments and management chains), so their score, breakdown and "why you two"
 * are the engine's own; the engine never pairs two people in one management chain.
 */
import { solveMatching } from '../../core/matching';
import { seriesTransactionId, type MeetingSeries, type Occurrence, type Pair } from '../../core/model';
import type { DirectoryReader } from '../../ports/directory';
import { buildMatchInput } from '../../app/matching/match-input';
import type { Random } from './random';
import type { ProgrammeData } from './programme-data';
import { DEMO_CADENCE, type ProgrammePlan } from './programmes';

const DAY = 24 * 3600 * 1000;
const LEARNT = [
  'How to set up a channel for my project.',
  'Using Copilot to summarise a long thread.',
  'Scheduling posts on LinkedIn.',
  'Sharing a Loop component in chat.',
  'How my mentor organises the team’s backlog.',
];

/** The engine's pairs of the programme's opted-in people, in the order of the mentees' enrollment. */
async function matchedPairs(data: ProgrammeData, directory: DirectoryReader) {
  const people = data.participants.filter((p) => p.status === 'opted-in' && p.role);
  const input = await buildMatchInput(
    { directory },
    { programme: data.programme, participants: people, pairs: [] },
    people,
  );
  const order = new Map(people.map((p, i) => [p.userId, i]));
  return solveMatching(input).pairs.sort((a, b) => (order.get(a.mentee) ?? 0) - (order.get(b.mentee) ?? 0));
}

export async function buildPairs(
  plan: ProgrammePlan,
  data: ProgrammeData,
  rnd: Random,
  now: Date,
  directory: DirectoryReader,
): Promise<void> {
  const published = new Date(plan.kickoff.getTime() - 10 * DAY).toISOString();
  const byId = new Map(data.participants.map((p) => [p.userId, p]));
  (await matchedPairs(data, directory)).forEach((matched, index) => {
    const mentor = byId.get(matched.mentor);
    const mentee = byId.get(matched.mentee);
    // The session guide's topic, as a matching run chooses it: the first wish the mentor can teach.
    const topicId = (mentee?.learnTopics ?? []).find((t) => (mentor?.teachTopics ?? []).includes(t));
    const breakdown: Record<string, number> = {};
    for (const [k, v] of Object.entries(matched.breakdown)) if (typeof v === 'number') breakdown[k] = v;
    const pair: Pair = {
      id: `${plan.id}-pair-${String(index + 1).padStart(2, '0')}`,
      schemaVersion: 1,
      programmeId: plan.id,
      mentorId: matched.mentor,
      menteeId: matched.mentee,
      score: matched.score,
      explanation: { breakdown, reasons: matched.reasons.map((r) => ({ key: r.key, params: r.params })) },
      status: 'active',
      mentor: { state: 'accepted', at: published },
      mentee: { state: 'accepted', at: published },
      locked: false,
      publishedAt: published,
      booking: 'booked',
      ...(topicId ? { topicId } : {}),
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
  const occurrences: Occurrence[] = Array.from({ length: plan.sessions ?? cadence.sessions }, (_, i) => {
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
  // The showcase mentee (first pair) always has their latest held session still to give feedback on.
  const latestHeld = occurrences.filter((o) => o.status === 'held').at(-1)?.index;
  for (const o of occurrences) {
    if (o.status !== 'held') continue;
    for (const [userId, role] of [
      [pair.menteeId, 'mentee'],
      [pair.mentorId, 'mentor'],
    ] as const) {
      if (!rnd.chance(0.85)) continue;
      const rating = struggling ? rnd.int(1, 2) : rnd.pick([3, 4, 4, 5, 5, 5]);
      if (plan.showcase && index === 0 && role === 'mentee' && o.index === latestHeld) continue;
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
