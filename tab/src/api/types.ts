/**
 * The API's payloads as the tab reads them. Types only: they come from the domain model and the use
 * cases (erased at build time, so nothing of the server is bundled).
 */
import type {
  AnnouncementResult,
  AuditItem,
  InviteResult,
  MatchingJobResult,
  MatchingReview,
  Me,
  PartnerView,
} from '@tandem/app';
import type {
  Assessment,
  AuditEntry,
  Feedback,
  MeetingSeries,
  OrgUser,
  Pair,
  Participant,
  Programme,
} from '@tandem/core/model';
import type { ProgrammeReport } from '@tandem/core/reports/types';
import type { JobRecord } from '@tandem/ports/records';

export type {
  AnnouncementResult,
  Assessment,
  AuditEntry,
  Feedback,
  InviteResult,
  MatchingJobResult,
  MatchingReview,
  Me,
  MeetingSeries,
  Pair,
  Participant,
  PartnerView,
  Programme,
};
export type { Cadence, Occurrence, Phase, Role, Topic, Weekday, TimeOfDay, Reason } from '@tandem/core/model';
export type {
  AssessmentChange,
  Breakdown,
  Funnel,
  GroupRow,
  WeeklyMeetings,
  WeeklyRating,
} from '@tandem/core/reports/types';
export type { MyConsent, MyTimeZone, PairAttention, PairHelp, WithTrainingProgress } from '@tandem/app';
export type { MentorGain, TrainingModule, TrainingProgress } from '@tandem/core/model';
export type { MentorGainRow } from '@tandem/core/reports/types';

/** Every stored document comes with its ETag, sent back as If-Match when it is changed. */
export type WithEtag<T> = T & { etag: string };

export interface Page<T> {
  items: T[];
  continuationToken?: string;
}

/** A pair as the API sends it; `partner` only in the person's own pairs. */
export type PairView = WithEtag<Pair> & { partner?: PartnerView };

/** The HR report. */
export type Report = ProgrammeReport;

export type Job = JobRecord & { result?: MatchingJobResult };

export type DirectoryUser = Pick<OrgUser, 'id' | 'displayName' | 'mail' | 'department' | 'jobTitle' | 'officeLocation'>;

export type Audit = AuditEntry & Pick<AuditItem, 'actorName'>;
