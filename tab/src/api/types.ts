/**
 * The API's payloads as the tab reads them. Types only: they come from the domain model and the use
 * cases (erased at build time, so nothing of the server is bundled); fields the tab can use but the
 * API does not send yet are optional here and named in docs/tab.md.
 */
import type { Me } from '../../../functions/src/app/me';
import type { MatchingJobResult } from '../../../functions/src/app/matching/run-matching';
import type { InviteResult } from '../../../functions/src/app/invite';
import type { AnnouncementResult } from '../../../functions/src/app/announcements';
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
  Me,
  MeetingSeries,
  Pair,
  Participant,
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
export type { AssessmentChange, Breakdown, Funnel, GroupRow } from '../../../functions/src/core/reports/types';

/** Every stored document comes with its ETag, sent back as If-Match when it is changed. */
export type WithEtag<T> = T & { etag: string };

export interface Page<T> {
  items: T[];
  continuationToken?: string;
}

/** What a person sees of their partner (`GET .../pairs/{pairId}` → `partner`, when the API provides it). */
export interface PartnerView {
  userId: string;
  displayName: string;
  jobTitle?: string;
  department?: string;
  officeLocation?: string;
  languages?: string[];
  interests?: string[];
  topics?: string[];
}

export type PairView = WithEtag<Pair> & { partner?: PartnerView };

/** One week of the report's time series (`week` = ISO date of its Monday). */
export interface WeeklyMeetings {
  week: string;
  planned: number;
  held: number;
}

export interface WeeklyRating {
  week: string;
  /** Null when fewer people than the anonymity threshold rated that week. */
  average: number | null;
  count: number;
}

/** The HR report, with the weekly series the dashboard draws when the API sends them. */
export type Report = ProgrammeReport & {
  meetings: ProgrammeReport['meetings'] & { weekly?: WeeklyMeetings[] };
  ratings: ProgrammeReport['ratings'] & { trend?: WeeklyRating[] };
};

export type Job = JobRecord & { result?: MatchingJobResult };

export type DirectoryUser = Pick<OrgUser, 'id' | 'displayName' | 'mail' | 'department' | 'jobTitle' | 'officeLocation'>;

export type Audit = AuditEntry;
