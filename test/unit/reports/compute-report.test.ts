import { computeReport, OTHER_GROUP, type ReportInput } from '../../../functions/src/core/reports';
import { applyRelease, ratingParts } from '../../../functions/src/core/reports/release';
import type { Assessment, Feedback, MeetingSeries, Participant, Pair } from '../../../functions/src/core/model';

/** The report's input with lists a test can change. */
interface Cohort extends Omit<ReportInput, 'participants' | 'pairs' | 'meetings' | 'feedback' | 'assessments'> {
  participants: Participant[];
  pairs: Pair[];
  meetings: MeetingSeries[];
  feedback: Feedback[];
  assessments: Assessment[];
}
import {
  aFeedback,
  aMeetingSeries,
  aPair,
  aProgramme,
  anAssessment,
  anOptedInParticipant,
} from '../../support/builders';

const NOW = '2026-03-01T12:00:00.000Z';

/** n mentors and n mentees in active pairs, everyone in `department` unless `departmentOf` says otherwise. */
function cohort(n: number, departmentOf: (i: number) => string = () => 'Sales'): Cohort {
  const participants: Participant[] = [];
  const pairs: Pair[] = [];
  const groups = new Map<string, { department?: string; location?: string }>();
  for (let i = 0; i < n; i++) {
    const mentor = `mentor-${i}`;
    const mentee = `mentee-${i}`;
    participants.push(
      anOptedInParticipant({ id: mentor, userId: mentor, role: 'mentor', displayName: `Mentor Name ${i}` }),
    );
    participants.push(
      anOptedInParticipant({ id: mentee, userId: mentee, role: 'mentee', displayName: `Mentee Name ${i}` }),
    );
    groups.set(mentor, { department: departmentOf(i), location: 'Berlin' });
    groups.set(mentee, { department: departmentOf(i), location: 'Berlin' });
    pairs.push(
      aPair({
        id: `pair-${i}`,
        mentorId: mentor,
        menteeId: mentee,
        status: 'active',
        booking: 'booked',
        publishedAt: '2026-01-01T00:00:00.000Z',
        mentor: { state: 'accepted' },
        mentee: { state: 'accepted' },
      }),
    );
  }
  return {
    programme: aProgramme({ anonymityThreshold: 5, phase: 'execution' }),
    participants,
    pairs,
    meetings: [],
    feedback: [],
    assessments: [],
    groups,
    now: NOW,
  };
}

describe('the HR report', () => {
  it('counts the funnel from invited to completed, people not pairs', () => {
    const input = cohort(6);
    input.participants = [...input.participants, anOptedInParticipant({ id: 'lonely', userId: 'lonely' })];
    input.participants.push({
      ...anOptedInParticipant({ id: 'invited-only', userId: 'invited-only' }),
      status: 'invited',
      optedInAt: undefined,
    });
    input.pairs[0] = { ...(input.pairs[0] as Pair), status: 'ended', endReason: 'programme-closed' };
    input.pairs[1] = { ...(input.pairs[1] as Pair), status: 'proposed', booking: 'none', mentee: { state: 'pending' } };
    const report = computeReport(input);
    expect(report.funnel).toEqual({ invited: 14, optedIn: 13, matched: 12, confirmed: 10, active: 10, completed: 2 });
    expect(report.funnelByRole.mentor).toEqual({
      invited: 8,
      optedIn: 7,
      matched: 6,
      confirmed: 5,
      active: 5,
      completed: 1,
    });
  });

  it('does not count excluded or unpublished proposals as matched', () => {
    const input = cohort(2);
    input.pairs = [
      { ...(input.pairs[0] as Pair), status: 'ended', endReason: 'excluded', publishedAt: undefined },
      { ...(input.pairs[1] as Pair), status: 'proposed', publishedAt: undefined },
    ];
    expect(computeReport(input).funnel.matched).toBe(0);
  });

  it('never contains an identity or a free text, whatever the data', () => {
    const input = cohort(6);
    input.feedback = input.pairs.map((p, i) =>
      aFeedback({ id: `f-${i}`, pairId: p.id, userId: p.menteeId, learnt: `SECRET-TEXT-${i}`, nextTopic: `NEXT-${i}` }),
    );
    const text = JSON.stringify(computeReport(input));
    for (const p of input.participants) {
      expect(text).not.toContain(p.userId);
      expect(text).not.toContain(p.displayName);
    }
    expect(text).not.toMatch(/SECRET-TEXT|NEXT-/);
    for (const pair of input.pairs) expect(text).not.toContain(pair.id);
  });

  it('shows the rating distribution only when at least threshold people gave ratings', () => {
    const input = cohort(6);
    input.feedback = [0, 1, 2, 3].map((i) =>
      aFeedback({ id: `f-${i}`, pairId: `pair-${i}`, userId: `mentee-${i}`, rating: 2 + i }),
    );
    const few = computeReport(input).ratings;
    expect(few).toMatchObject({ count: 4, raters: 4, suppressed: true, distribution: null, average: null });
    input.feedback.push(aFeedback({ id: 'f-4', pairId: 'pair-4', userId: 'mentee-4', rating: 5 }));
    const enough = computeReport(input).ratings;
    expect(enough).toMatchObject({
      suppressed: false,
      distribution: { '1': 0, '2': 1, '3': 1, '4': 1, '5': 2 },
      average: 3.8,
    });
  });

  it('reports the self-assessment change per topic and role, suppressed below the threshold', () => {
    const input = cohort(5);
    for (let i = 0; i < 5; i++) {
      input.assessments.push(
        anAssessment({ id: `s-${i}`, userId: `mentee-${i}`, kind: 'start', ratings: { teams: 2 } }),
      );
      input.assessments.push(anAssessment({ id: `e-${i}`, userId: `mentee-${i}`, kind: 'end', ratings: { teams: 4 } }));
    }
    for (let i = 0; i < 4; i++) {
      input.assessments.push(
        anAssessment({ id: `ms-${i}`, userId: `mentor-${i}`, role: 'mentor', kind: 'start', ratings: { teams: 4 } }),
      );
      input.assessments.push(
        anAssessment({ id: `me-${i}`, userId: `mentor-${i}`, role: 'mentor', kind: 'end', ratings: { teams: 5 } }),
      );
    }
    const changes = computeReport(input).assessments;
    expect(changes.find((c) => c.topicId === 'teams' && c.role === 'mentee')).toMatchObject({
      people: 5,
      startAverage: 2,
      endAverage: 4,
      change: 2,
      suppressed: false,
    });
    expect(changes.find((c) => c.topicId === 'teams' && c.role === 'mentor')).toMatchObject({
      people: 0,
      change: null,
      suppressed: true,
    });
  });

  it('counts sessions held against sessions due, and pairs that need attention', () => {
    const input = cohort(2);
    const weeksAgo = (w: number) => new Date(Date.parse(NOW) - w * 7 * 24 * 3600 * 1000).toISOString();
    input.meetings = [
      aMeetingSeries({
        id: 's-0',
        pairId: 'pair-0',
        status: 'booked',
        occurrences: [
          { index: 0, start: weeksAgo(6), end: weeksAgo(6), status: 'held' },
          { index: 1, start: weeksAgo(4), end: weeksAgo(4), status: 'missed' },
          { index: 2, start: weeksAgo(2), end: weeksAgo(2), status: 'planned' },
          { index: 3, start: weeksAgo(-2), end: weeksAgo(-2), status: 'planned' },
        ],
      }),
    ];
    input.feedback = [aFeedback({ pairId: 'pair-1', userId: 'mentee-1', rating: 1 })];
    const report = computeReport(input);
    expect(report.meetings).toEqual({
      planned: 3,
      held: 1,
      heldShare: 0.33,
      // From the week of the rating (its session unknown: the day it was given) to the last session due.
      weekly: [
        { week: '2026-01-05', planned: 0, held: 0 },
        { week: '2026-01-12', planned: 1, held: 1 },
        { week: '2026-01-19', planned: 0, held: 0 },
        { week: '2026-01-26', planned: 1, held: 0 },
        { week: '2026-02-02', planned: 0, held: 0 },
        { week: '2026-02-09', planned: 1, held: 0 },
      ],
    });
    expect(report.pairs).toEqual({
      total: 2,
      active: 2,
      completed: 0,
      needingAttention: 2,
      noRecentMeeting: 1,
      lowRatings: 1,
    });
  });

  it('does not count pairs whose sessions are simply over as needing attention', () => {
    const input = cohort(12);
    const weeksAgo = (w: number) => new Date(Date.parse(NOW) - w * 7 * 24 * 3600 * 1000).toISOString();
    // Like the demo's steering cohort: six sessions every two weeks, the last one months ago.
    input.meetings = input.pairs.map((p) =>
      aMeetingSeries({
        id: `${p.id}-series`,
        pairId: p.id,
        status: 'booked',
        occurrences: [28, 26, 24, 22, 20, 18].map((w, index) => ({
          index,
          start: weeksAgo(w),
          end: weeksAgo(w),
          status: index === 5 ? 'missed' : 'held',
        })),
      }),
    );
    for (const phase of ['execution', 'steering'] as const) {
      input.programme = { ...input.programme, phase };
      expect(computeReport(input).pairs).toEqual({
        total: 12,
        active: 12,
        // Their sessions are over: completed, which the tab shows instead of "active" once the programme is in steering.
        completed: 12,
        needingAttention: 0,
        noRecentMeeting: 0,
        lowRatings: 0,
      });
    }
  });

  it('merges departments below the threshold into one row, and never shows a group below it', () => {
    const departments = ['Sales', 'Sales', 'Sales', 'IT', 'IT', 'IT', 'Legal', 'HR'];
    const report = computeReport(cohort(8, (i) => departments[i] as string));
    const rows = report.breakdowns.department.rows;
    // Legal and HR (2 each) are 4 together: below 5, so the smaller of the rest (Sales) joins them.
    expect(rows.map((r) => [r.group, r.people])).toEqual([
      ['IT', 6],
      [OTHER_GROUP, 10],
    ]);
    for (const row of rows) expect(row.people).toBeGreaterThanOrEqual(5);
    expect(rows.reduce((a, r) => a + r.people, 0)).toBe(16);
  });
});

describe('the start of the programme in the report', () => {
  it('shows the start self-assessment once enough people rated it, before anyone rated the end', () => {
    const input = cohort(6);
    input.programme = { ...input.programme, topics: [{ id: 'ai', name: 'AI' }] };
    input.assessments = input.participants
      .filter((p) => p.role === 'mentee')
      .map((p, i) =>
        anAssessment({ id: `a-${i}`, userId: p.userId, role: 'mentee', kind: 'start', ratings: { ai: 2 + (i % 2) } }),
      );
    const report = computeReport(input);
    expect(report.assessments.every((a) => a.suppressed)).toBe(true);
    expect(report.assessmentStarts).toEqual([
      { topicId: 'ai', topicName: 'AI', role: 'mentor', people: 0, average: null, suppressed: true },
      { topicId: 'ai', topicName: 'AI', role: 'mentee', people: 6, average: 2.5, suppressed: false },
    ]);
  });
});

describe('the start self-assessment over time', () => {
  it('changes only with a release, like every rating-bearing part of the report', () => {
    const input = cohort(6);
    input.programme = { ...input.programme, topics: [{ id: 'ai', name: 'AI' }] };
    const starts = (n: number, rating: number) =>
      input.participants
        .filter((p) => p.role === 'mentee')
        .slice(0, n)
        .map((p, i) =>
          anAssessment({ id: `s-${i}`, userId: p.userId, role: 'mentee', kind: 'start', ratings: { ai: rating } }),
        );
    const released = ratingParts(computeReport({ ...input, assessments: starts(5, 2) }), 5);
    // One more start rating (a sixth person) arrives: what HR sees stays the released average.
    const now = computeReport({ ...input, assessments: [...starts(5, 2), ...starts(6, 5).slice(5)] });
    const shown = applyRelease(now, released);
    expect(shown.assessmentStarts?.find((a) => a.role === 'mentee')).toMatchObject({ people: 5, average: 2 });
    // A release stored before this part existed shows it suppressed until the next release.
    const { assessmentStarts: _old, ...older } = released;
    expect(applyRelease(now, older).assessmentStarts?.every((a) => a.suppressed)).toBe(true);
  });
});
