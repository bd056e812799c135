/** The HR report of one programme: loads its documents and hands them to core/reports. */
import { computeReport, type ProgrammeReport } from '../core/reports';
import { toArray } from '../ports/store';
import { nowIso } from '../ports/clock';
import type { AppDeps } from './deps';
import { assertReportReader, type Caller } from './caller';
import { loadProgramme } from './support/access';

export async function programmeReport(deps: AppDeps, caller: Caller, programmeId: string): Promise<ProgrammeReport> {
  assertReportReader(caller);
  const programme = await loadProgramme(deps, programmeId);
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
  return computeReport({
    programme,
    participants,
    pairs,
    meetings,
    feedback,
    assessments,
    groups,
    now: nowIso(deps.clock),
  });
}
