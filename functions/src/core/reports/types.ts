/** The HR report: the programme's health and outcomes, never an identity or a free text. */
import type {
  Assessment,
  Feedback,
  IsoDateTime,
  MentorGain,
  MeetingSeries,
  Pair,
  Participant,
  Phase,
  Programme,
  Role,
} from '../model';

/** Everything the report is computed from; `groups` holds each person's department and office. */
export interface ReportInput {
  programme: Programme;
  participants: readonly Participant[];
  pairs: readonly Pair[];
  meetings: readonly MeetingSeries[];
  feedback: readonly Feedback[];
  assessments: readonly Assessment[];
  groups: ReadonlyMap<string, { department?: string; location?: string }>;
  now: IsoDateTime;
}

export interface Funnel {
  invited: number;
  optedIn: number;
  matched: number;
  confirmed: number;
  active: number;
  completed: number;
}

/** One row of a breakdown; `group` is a department, office or topic, or OTHER_GROUP for the small ones together. */
export interface GroupRow {
  group: string;
  people: number;
  matched: number;
  active: number;
  completed: number;
  /** Sessions held out of sessions due for the group's people (null when none were due yet). */
  heldShare: number | null;
  /** Null when fewer people than the threshold gave ratings. */
  averageRating: number | null;
}

export interface Breakdown {
  rows: GroupRow[];
  /** How many groups were too small to show on their own (merged into OTHER_GROUP, or left out for topics). */
  suppressedGroups: number;
  /** True when even all small groups together are below the threshold: nothing is shown. */
  suppressed: boolean;
  /**
   * The groups in the combined row, by name (partitions only): the small ones and any group at or
   * above the threshold that joined them so no small group can be worked out by subtraction.
   */
  mergedGroups?: string[];
  /** How many of `mergedGroups` are at or above the threshold (added against subtraction). */
  addedToProtect?: number;
}

/** The self-assessment at the start of the programme per topic and role, shown before end ratings exist. */
export interface AssessmentStart {
  topicId: string;
  topicName: string;
  role: Role;
  /** People with a start rating for the topic (0 when below the threshold). */
  people: number;
  /** Null when fewer people than the threshold gave a start rating. */
  average: number | null;
  suppressed: boolean;
}

export interface AssessmentChange {
  topicId: string;
  topicName: string;
  role: Role;
  /** People with both a start and an end rating for the topic. */
  people: number;
  /** Null when `people` is below the threshold. */
  startAverage: number | null;
  endAverage: number | null;
  change: number | null;
  suppressed: boolean;
}

/**
 * What mentors say they gained (their end self-assessment, beside the topics): the average over the
 * mentors who answered, shown only when at least the threshold's number answered.
 */
export interface MentorGainRow {
  gain: MentorGain;
  /** Mentors who answered (0 when suppressed). */
  people: number;
  average: number | null;
  suppressed: boolean;
}

/** Sessions of one week (`week` = ISO date of its Monday, UTC): those due that week, and those held. */
export interface WeeklyMeetings {
  week: string;
  planned: number;
  held: number;
}

/** Ratings of the sessions of one week. */
export interface WeeklyRating {
  week: string;
  /** Null when fewer people than the threshold rated that week (or too few in the hidden weeks together). */
  average: number | null;
  count: number;
}

export interface ProgrammeReport {
  programmeId: string;
  name: string;
  phase: Phase;
  generatedAt: IsoDateTime;
  anonymityThreshold: number;
  funnel: Funnel;
  funnelByRole: Record<Role, Funnel>;
  meetings: { planned: number; held: number; heldShare: number | null; weekly: WeeklyMeetings[] };
  ratings: {
    count: number;
    raters: number;
    suppressed: boolean;
    distribution: Record<'1' | '2' | '3' | '4' | '5', number> | null;
    average: number | null;
    /** The average per week, from the first week with a session due or a rating to the last. */
    trend: WeeklyRating[];
  };
  assessments: AssessmentChange[];
  /** What mentors gained (leadership, understanding senior colleagues' work), from their end assessment. */
  mentorGains?: MentorGainRow[];
  /** Start ratings alone, so the start of the programme shows before anyone rated the end. */
  assessmentStarts?: AssessmentStart[];
  pairs: {
    total: number;
    active: number;
    /** Pairs whose sessions are over (or that the programme's close ended after they met). */
    completed?: number;
    needingAttention: number;
    noRecentMeeting: number;
    lowRatings: number;
  };
  breakdowns: { department: Breakdown; location: Breakdown; topic: Breakdown };
}

export const OTHER_GROUP = '(smaller groups)';
export const UNKNOWN_GROUP = '(unknown)';
