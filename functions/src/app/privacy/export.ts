/**
 * GDPR Art. 15/20: everything Tandem stores about the caller, as one JSON document. The other side
 * of a pair appears only as an id (their decline reason and their feedback are theirs, not the caller's).
 */
import type {
  Assessment,
  AuditEntry,
  Feedback,
  Interest,
  MeetingSeries,
  OrgUser,
  Pair,
  Participant,
} from '../../core/model';
import type { ConversationRecord, IdempotencyRecord, JobRecord, OutboxMessage } from '../../ports/records';
import { toArray, type Stored } from '../../ports/store';
import { nowIso } from '../../ports/clock';
import type { AppDeps } from '../deps';
import type { Caller } from '../caller';
import { roleIn } from '../../core/model';

export interface PersonalDataExport {
  format: 'tandem-personal-data';
  version: 1;
  exportedAt: string;
  userId: string;
  /** The directory record (a copy of Microsoft Entra ID, synced nightly). */
  directory: OrgUser | null;
  participations: Participant[];
  pairs: Pair[];
  meetings: MeetingSeries[];
  feedback: Feedback[];
  assessments: Assessment[];
  auditEntries: AuditEntry[];
  /** Matching runs that named the caller (e.g. why they were not matched). */
  matchingRuns: { programmeId: string; jobId: string; createdAt: string; mentions: unknown[] }[];
  notifications: OutboxMessage[];
  botConversation: ConversationRecord | null;
  /** Remembered results of the caller's creating requests (kept for a day against double submits). */
  requestReplays: IdempotencyRecord[];
  /** Programmes whose next cohort the caller said they are interested in. */
  interest: Interest[];
}

function plain<T>(doc: Stored<T>): T {
  const { etag: _etag, ...rest } = doc;
  return rest as T;
}

/** Every stored document whose JSON mentions the id (for the few containers without a field to query). */
export function mentions(doc: unknown, id: string): boolean {
  return JSON.stringify(doc).includes(id);
}

export async function exportMyData(deps: AppDeps, caller: Caller): Promise<PersonalDataExport> {
  const id = caller.userId;
  const s = deps.store;
  const [participations, asMentor, asMentee, feedback, assessments, byActor, byTarget, notifications, interest] =
    await Promise.all([
      toArray(s.participants.all(undefined, { where: { userId: id } })),
      toArray(s.pairs.all(undefined, { where: { mentorId: id } })),
      toArray(s.pairs.all(undefined, { where: { menteeId: id } })),
      toArray(s.feedback.all(undefined, { where: { userId: id } })),
      toArray(s.assessments.all(undefined, { where: { userId: id } })),
      toArray(s.audit.all(undefined, { where: { actor: id } })),
      toArray(s.audit.all(undefined, { where: { target: id } })),
      toArray(s.outbox.all(undefined, { where: { recipient: id } })),
      toArray(s.interest.all(undefined, { where: { userId: id } })),
    ]);
  const pairs = [...asMentor, ...asMentee];
  const programmeIds = [...new Set(participations.map((p) => p.programmeId))];
  const meetings: Stored<MeetingSeries>[] = [];
  const runs: PersonalDataExport['matchingRuns'] = [];
  for (const programmeId of programmeIds) {
    for (const series of await toArray(s.meetings.all(programmeId))) {
      if (series.attendees.includes(id) || series.organizer === id) meetings.push(series);
    }
    for (const job of await toArray(s.jobs.all(programmeId))) {
      if (mentions(job, id)) runs.push(jobMentions(job, id));
    }
  }
  const replays: Stored<IdempotencyRecord>[] = [];
  // NOTE: the idempotency container has no field for the person; records live a day, so the scan stays small.
  for await (const r of s.idempotency.all(undefined)) if (r.scope.startsWith(`${id}:`)) replays.push(r);
  const seenAudit = new Set<string>();
  return {
    format: 'tandem-personal-data',
    version: 1,
    exportedAt: nowIso(deps.clock),
    userId: id,
    directory: (await deps.directory.getUser(id)) ?? null,
    participations: participations.map(plain),
    pairs: pairs.map((p) => ownSideOnly(plain(p), id)),
    meetings: meetings.map(plain),
    feedback: feedback.map(plain),
    assessments: assessments.map(plain),
    auditEntries: [...byActor, ...byTarget].filter((a) => !seenAudit.has(a.id) && seenAudit.add(a.id)).map(plain),
    matchingRuns: runs,
    notifications: notifications.map(plain),
    botConversation: await s.conversations.find(id, id).then((c) => (c ? plain(c) : null)),
    requestReplays: replays.map(plain),
    interest: interest.map(plain),
  };
}

function jobMentions(job: JobRecord, id: string): PersonalDataExport['matchingRuns'][number] {
  const result = (job.result ?? {}) as { unmatched?: { userId: string }[] };
  return {
    programmeId: job.programmeId,
    jobId: job.id,
    createdAt: job.createdAt,
    mentions: (result.unmatched ?? []).filter((u) => u.userId === id),
  };
}

/** The caller's own decline reason is theirs; the partner's is not. */
function ownSideOnly(pair: Pair, id: string): Pair {
  const partner = roleIn(pair, id) === 'mentor' ? 'mentee' : 'mentor';
  const { reason: _reason, ...side } = pair[partner];
  return { ...pair, [partner]: side };
}
