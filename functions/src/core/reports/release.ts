/**
 * No inference over time: suppression holds for one snapshot, but a reader who refreshes the report
 * after each session could attribute a change to the one person who just answered. So everything
 * in the report that includes ratings or self-assessments is *released* in steps: it changes only
 * once at least the threshold's number of new answers (feedback and self-assessments) arrived since
 * the last release; in between, the last release is shown. A changed answer is no new answer: it
 * shows with the next step, mixed with at least k others.
 */
import type { Breakdown, ProgrammeReport } from './types';

type BreakdownKey = keyof ProgrammeReport['breakdowns'];
const BREAKDOWNS: readonly BreakdownKey[] = ['department', 'location', 'topic'];

/** The parts of the report that include ratings or self-assessments, as last released. */
export interface RatingRelease {
  /** Feedback and self-assessment documents counted at the release. */
  answers: number;
  ratings: ProgrammeReport['ratings'];
  assessments: ProgrammeReport['assessments'];
  /** Missing in releases stored before mentors were asked what they gained. */
  mentorGains?: ProgrammeReport['mentorGains'];
  /** Missing in releases stored before the report showed the start self-assessment on its own. */
  assessmentStarts?: ProgrammeReport['assessmentStarts'];
  /** Average rating per breakdown group. */
  averageRatings: Record<BreakdownKey, Record<string, number | null>>;
  /** Pair counts that a low rating moves. */
  lowRatings: number;
  needingAttention: number;
}

function averages(b: Breakdown): Record<string, number | null> {
  return Object.fromEntries(b.rows.map((r) => [r.group, r.averageRating]));
}

/** The rating-bearing parts of a freshly computed report. */
export function ratingParts(report: ProgrammeReport, answers: number): RatingRelease {
  return {
    answers,
    ratings: report.ratings,
    assessments: report.assessments,
    mentorGains: report.mentorGains,
    assessmentStarts: report.assessmentStarts,
    averageRatings: {
      department: averages(report.breakdowns.department),
      location: averages(report.breakdowns.location),
      topic: averages(report.breakdowns.topic),
    },
    lowRatings: report.pairs.lowRatings,
    needingAttention: report.pairs.needingAttention,
  };
}

/**
 * The release to show: the fresh one when at least `threshold` answers came since `last` (or
 * there is no release yet), else `last`. `empty` = the parts computed without any answer, shown
 * until the first `threshold` answers arrived. Returns whether the release is new (to be stored).
 */
export function nextRelease(
  fresh: RatingRelease,
  last: RatingRelease | undefined,
  empty: RatingRelease,
  threshold: number,
): { release: RatingRelease; changed: boolean } {
  const base = last ?? empty;
  if (fresh.answers >= base.answers + threshold) return { release: fresh, changed: true };
  return { release: base, changed: false };
}

/** The report with its rating-bearing parts taken from the release. */
export function applyRelease(report: ProgrammeReport, release: RatingRelease): ProgrammeReport {
  const breakdowns = { ...report.breakdowns };
  for (const key of BREAKDOWNS) {
    const released = release.averageRatings[key];
    breakdowns[key] = {
      ...report.breakdowns[key],
      // A group not in the release (new since) shows no average until the next release.
      rows: report.breakdowns[key].rows.map((r) => ({ ...r, averageRating: released[r.group] ?? null })),
    };
  }
  return {
    ...report,
    ratings: release.ratings,
    assessments: release.assessments,
    // A release from before mentors were asked what they gained shows none until the next release.
    mentorGains:
      release.mentorGains ?? report.mentorGains?.map((r) => ({ ...r, people: 0, average: null, suppressed: true })),
    // The start self-assessment moves with each start rating: released in the same steps.
    assessmentStarts:
      release.assessmentStarts ??
      report.assessmentStarts?.map((r) => ({ ...r, people: 0, average: null, suppressed: true })),
    pairs: { ...report.pairs, lowRatings: release.lowRatings, needingAttention: release.needingAttention },
    breakdowns,
  };
}
