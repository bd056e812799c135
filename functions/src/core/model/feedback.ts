import type { Doc, IsoDateTime } from './common';
import type { Role } from './participant';

export const FEEDBACK_SCHEMA_VERSION = 1;

/**
 * A participant's feedback after a session. Free text is for the pair's own use and the person's
 * export only: HR reports use ratings and counts, never the text or who wrote it.
 */
export interface Feedback extends Doc {
  programmeId: string;
  pairId: string;
  userId: string;
  role: Role;
  /** Which session of the series (0-based), so a second submit for it replaces, not adds. */
  occurrenceIndex: number;
  /** 1 (poor) to 5 (excellent). */
  rating: number;
  learnt?: string;
  nextTopic?: string;
  /** Did the session take place? Counts towards meetings held. */
  held: boolean;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export const ASSESSMENT_SCHEMA_VERSION = 1;

export type AssessmentKind = 'start' | 'end';

/** What mentors gain (the concept paper): leading, and understanding senior colleagues' work. */
export const MENTOR_GAINS = ['leadership', 'seniorPerspective'] as const;
export type MentorGain = (typeof MENTOR_GAINS)[number];

/** A self-assessment at the start or end of the programme: a 1–5 rating per topic id. */
export interface Assessment extends Doc {
  programmeId: string;
  userId: string;
  role: Role;
  kind: AssessmentKind;
  ratings: Record<string, number>;
  /** A mentor's end assessment: what taking part gave them, 1–5 per gain (beside the topics). */
  gains?: Partial<Record<MentorGain, number>>;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** Stable ids make feedback and assessments idempotent: one per person and session / kind. */
export function feedbackId(pairId: string, userId: string, occurrenceIndex: number): string {
  return `${pairId}:${userId}:${occurrenceIndex}`;
}

export function assessmentId(userId: string, kind: AssessmentKind): string {
  return `${userId}:${kind}`;
}
