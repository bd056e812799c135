/**
 * The HR report of one programme: loads its documents and hands them to core/reports. What
 * includes ratings or self-assessments is shown as last released (core/reports/release.ts): it
 * changes only in steps of at least the anonymity threshold's number of new answers. The release
 * (aggregates only) is kept in `state` as `report-release:<programmeId>`. Requests are answered from
 * a snapshot rebuilt only when the programme's documents changed (report-snapshot.ts).
 */
import {
  applyRelease,
  computeReport,
  nextRelease,
  ratingParts,
  type ProgrammeReport,
  type RatingRelease,
  type ReportInput,
} from '../core/reports';
import { ConflictError } from '../core/errors';
import type { Programme } from '../core/model';
import { toArray, type Stored } from '../ports/store';
import { nowIso } from '../ports/clock';
import type { AppDeps } from './deps';
import { assertReportReader, type Caller } from './caller';
import { snapshotReport } from './report-snapshot';

export async function programmeReport(deps: AppDeps, caller: Caller, programmeId: string): Promise<ProgrammeReport> {
  assertReportReader(caller);
  return snapshotReport(deps, programmeId, (programme) => computeProgrammeReport(deps, programme));
}

/** The report computed from every document of the programme: what its snapshot (report-snapshot.ts) holds. */
export async function computeProgrammeReport(deps: AppDeps, programme: Stored<Programme>): Promise<ProgrammeReport> {
  const programmeId = programme.id;
  const [participants, pairs, meetings, feedback, assessments] = await Promise.all([
    toArray(deps.store.participants.all(programmeId)),
    toArray(deps.store.pairs.all(programmeId)),
    toArray(deps.store.meetings.all(programmeId)),
    toArray(deps.store.feedback.all(programmeId)),
    toArray(deps.store.assessments.all(programmeId)),
  ]);
  const users = await deps.directory.getUsers(participants.filter((p) => !p.erasedAt).map((p) => p.userId));
  const groups = new Map(
    users.map((u) => [
      u.id,
      {
        ...(u.department ? { department: u.department } : {}),
        ...(u.officeLocation ? { location: u.officeLocation } : {}),
      },
    ]),
  );
  const input: ReportInput = {
    programme,
    participants,
    pairs,
    meetings,
    feedback,
    assessments,
    groups,
    now: nowIso(deps.clock),
  };
  const report = computeReport(input);
  const fresh = ratingParts(report, feedback.length + assessments.length);
  const empty = ratingParts(computeReport({ ...input, feedback: [], assessments: [] }), 0);
  const key = `report-release:${programmeId}`;
  const stored = await deps.store.state.find(key, key);
  const last = stored?.value as RatingRelease | undefined;
  const { release, changed } = nextRelease(fresh, last, empty, programme.anonymityThreshold);
  if (changed) {
    const doc = { id: key, schemaVersion: 1, value: release, updatedAt: nowIso(deps.clock) };
    try {
      // Conditional: of two readers releasing at once, one write lands and both show a valid release.
      if (stored) await deps.store.state.replace(doc, stored.etag);
      else await deps.store.state.create(doc);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  return applyRelease(report, release);
}
