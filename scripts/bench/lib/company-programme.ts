/**
 * A programme of company size for bench:api, on the demo's generators: the directory of a generated
 * org, one programme in execution (N participants, N/2 booked pairs of S sessions each, feedback on
 * held sessions, start and end self-assessments) and, for publishing, the same people in a second
 * programme in its matching phase with N/2 unpublished proposals (their claims recorded).
 */
import type { Pair, Participant } from '../../../functions/src/core/model';
import { sidesOf, withClaim } from '../../../functions/src/core/model';
import type { Store } from '../../../functions/src/ports/store';
import { DirectorySnapshots } from '../../../functions/src/adapters/graph/directory-store';
import { storeDirectoryReader } from '../../../functions/src/adapters/graph/directory-reader';
import { generateOrg } from '../../../functions/src/local/demo/org';
import { seededRandom } from '../../../functions/src/local/demo/random';
import { demoProgrammes, type ProgrammePlan } from '../../../functions/src/local/demo/programmes';
import { buildProgrammeData, type ProgrammeData } from '../../../functions/src/local/demo/programme-data';
import { saveProgrammeData, toOrgUser } from '../../../functions/src/local/demo/seed';

const DAY = 24 * 3600 * 1000;

export interface CompanySeed {
  /** The programme in execution (the report, My tandem, the pair list). */
  running: ProgrammeData;
  /** The programme in matching with unpublished proposals. */
  matching: ProgrammeData;
  managerId: string;
  reporterId: string;
  users: number;
  documents: number;
}

export async function seedCompanyProgramme(
  store: Store,
  options: { tenantId: string; now: Date; participants: number; sessions: number; log(line: string): void },
): Promise<CompanySeed> {
  const { tenantId, now, log } = options;
  const half = Math.floor(options.participants / 2);
  // Deep enough that the upper levels hold `half` mentees and the lowest level `half` mentors.
  const org = generateOrg({ size: Math.max(8000, Math.ceil(options.participants * 1.6)), seed: 42 });
  const members = org.filter((u) => u.userType === 'Member');
  const users = new Map(members.map((u) => [u.id, toOrgUser(u, tenantId, now.toISOString())]));
  await new DirectorySnapshots(store, tenantId).commit(users, { syncedAt: now.toISOString() }, undefined, 'all');
  log(`directory: ${users.size} people`);
  const directory = storeDirectoryReader(store, tenantId);
  const deepest = Math.max(...members.map((u) => u.level));
  const hr = members.filter((u) => u.department === 'Human Resources' && u.accountEnabled);
  const manager = hr.find((u) => u.level === 2) ?? hr[0];
  const reporter = hr.find((u) => u.level === 3 && u.id !== manager?.id) ?? hr[1];
  if (!manager || !reporter) throw new Error('The generated org has no HR people.');

  const template = demoProgrammes(now)[0] as ProgrammePlan;
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  // Kick-off far enough back that (almost) every session of the series has been held.
  const weeks = 2 * options.sessions;
  const plan: ProgrammePlan = {
    ...template,
    id: 'bench-company',
    name: 'Company-wide cohort (bench)',
    phase: 'execution',
    kickoff: at(-(weeks * 7 + 14)),
    closing: at(30),
    mentees: half,
    mentors: half,
    invitedOnly: 0,
    trained: 1,
    withPairs: true,
    assessments: 'both',
    showcase: false,
    levels: { mentees: [0, deepest - 1], mentors: [deepest, deepest] },
    sessions: options.sessions,
  };
  delete plan.interested;
  const taken = () => new Set([manager.id, reporter.id]);
  let started = Date.now();
  const running = await buildProgrammeData(plan, org, taken(), seededRandom(11), {
    now,
    createdBy: manager.id,
    directory,
  });
  log(
    `built ${running.participants.length} participants, ${running.pairs.length} pairs (matched on the directory), ` +
      `${running.meetings.length} series, ${running.feedback.length} feedback, ${running.assessments.length} assessments ` +
      `in ${Date.now() - started} ms`,
  );

  // The same people, in the matching phase, each pair proposed again and not yet published.
  const matchingPlan: ProgrammePlan = {
    ...plan,
    id: 'bench-publish',
    name: 'Next cohort (bench, proposals)',
    phase: 'matching',
    kickoff: at(30),
    closing: at(200),
    withPairs: false,
    assessments: 'none',
  };
  const matching = await buildProgrammeData(matchingPlan, org, taken(), seededRandom(12), {
    now,
    createdBy: manager.id,
    directory,
  });
  const proposedAt = now.toISOString();
  const byUser = new Map(matching.participants.map((p, i) => [p.userId, i]));
  matching.pairs = running.pairs.map((pair, i): Pair => ({
    id: `bench-publish-pair-${i + 1}`,
    schemaVersion: 1,
    programmeId: matchingPlan.id,
    mentorId: pair.mentorId,
    menteeId: pair.menteeId,
    score: pair.score,
    explanation: pair.explanation,
    status: 'proposed',
    mentor: { state: 'pending' },
    mentee: { state: 'pending' },
    locked: false,
    booking: 'none',
    ...(pair.topicId ? { topicId: pair.topicId } : {}),
    createdAt: proposedAt,
    updatedAt: proposedAt,
  }));
  for (const pair of matching.pairs)
    for (const side of sidesOf(pair)) {
      const i = byUser.get(side.userId);
      if (i !== undefined)
        matching.participants[i] = withClaim(matching.participants[i] as Participant, side, pair.id, proposedAt);
    }

  started = Date.now();
  const documents = (await saveProgrammeData(store, running)) + (await saveProgrammeData(store, matching));
  log(`wrote ${documents} documents in ${Date.now() - started} ms`);
  return { running, matching, managerId: manager.id, reporterId: reporter.id, users: users.size, documents };
}
