/**
 * The API's payloads as the tab reads them. Types only: they come from the domain model and the use
 * cases (erased at build time, so nothing of the server is bundled).
 */
import type { Me } from '../../../functions/src/app/me';
import type { MatchingJobResult } from '../../../functions/src/app/matching/run-matching';
import type { MatchingReview } from '../../../functions/src/app/matching/review-summary';
import type { InviteResult } from '../../../functions/src/app/invite';
import type { AnnouncementResult } from '../../../functions/src/app/announcements';
import type { PartnerView } from '../../../functions/src/app/partner-card';
import type { AuditItem } from '../../../functions/src/app/audit-log';
import type {
  Assessment,
  AuditEntry,
  Feedback,
  MeetingSeries,
  OrgUser,
  Pair,
  Participant,
  Programme,
} from '../../../functions/src/core/model';
import type { ProgrammeReport } from '../../../functions/src/core/reports/types';
import type { JobRecord } from '../../../functions/src/ports/records';

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
export type {
  Cadence,
  Occurrence,
  Phase,
  Role,
  Topic,
  Weekday,
  TimeOfDay,
  Reason,
} from '../../../functions/src/core/model';
export type {
  AssessmentChange,
  Breakdown,
  Funnel,
  GroupRow,
  WeeklyMeetings,
  WeeklyRating,
} from '../../../functions/src/core/reports/types';
export type { PairAttention, PairHelp } from '../../../functions/src/app/privacy/visibility';
export type { MyConsent } from '../../../functions/src/app/privacy/consent';
export type { WithTrainingProgress } from '../../../functions/src/app/enrollment';
export type { MentorGain, TrainingModule, TrainingProgress } from '../../../functions/src/core/model';
export type { MentorGainRow } from '../../../functions/src/core/reports/types';
export type { MyTimeZone } from '../../../functions/src/app/my-time-zone';

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
