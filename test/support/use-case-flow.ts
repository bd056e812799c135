/**
 * Steps of a programme's life through the use cases themselves (no HTTP), for the tests in
 * test/unit/app. Inputs go through the same schemas the API and the bot parse them with.
 */
import { expect } from '@jest/globals';
import { createProgramme } from '../../functions/src/app/programmes';
import { changePhase } from '../../functions/src/app/phase';
import { invite } from '../../functions/src/app/invite';
import { optInto, recordTraining } from '../../functions/src/app/enrollment';
import { runMatchingJob, startMatchingRun } from '../../functions/src/app/matching/run-matching';
import { publishProposals } from '../../functions/src/app/matching/publish';
import { answerProposal } from '../../functions/src/app/pairs';
import { createProgrammeSchema, optInSchema } from '../../functions/src/app/schemas';
import type { Pair } from '../../functions/src/core/model';
import { toArray, type Stored } from '../../functions/src/ports/store';
import type { UseCaseWorld } from './use-case-world';
import { MENTEES, MENTORS, NEW_PROGRAMME, profile } from './programme-data';

export { MENTEES, MENTORS, NEW_PROGRAMME, profile };

/** A new programme in draft, created by the world's manager. */
export async function aNewProgramme(w: UseCaseWorld, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await createProgramme(
    w.deps,
    w.manager,
    createProgrammeSchema.parse({ ...NEW_PROGRAMME, ...overrides }),
  );
  return created.id;
}

/** Opts one invited person in with the standard profile and the programme's consent text. */
export function optIn(w: UseCaseWorld, programmeId: string, userId: string, role: 'mentor' | 'mentee') {
  return optInto(
    w.deps,
    w.person(userId),
    programmeId,
    userId,
    optInSchema.parse({ profile: profile(role), consentTextVersion: '2026-01' }),
  );
}

/** Creates a programme and brings it to the matching phase with everyone opted in and the mentors trained. */
export async function programmeInMatching(
  w: UseCaseWorld,
  options: { overrides?: Record<string, unknown>; mentees?: string[]; mentors?: string[] } = {},
): Promise<string> {
  const mentees = options.mentees ?? MENTEES;
  const mentors = options.mentors ?? MENTORS;
  const id = await aNewProgramme(w, options.overrides);
  await changePhase(w.deps, w.manager, id, 'preparation');
  const invited = await invite(w.deps, w.manager, id, { userIds: [...mentees, ...mentors] });
  expect(invited.invited).toBe(mentees.length + mentors.length);
  for (const userId of mentees) await optIn(w, id, userId, 'mentee');
  for (const userId of mentors) await optIn(w, id, userId, 'mentor');
  for (const userId of mentors) await recordTraining(w.deps, w.manager, id, userId);
  await changePhase(w.deps, w.manager, id, 'matching');
  return id;
}

/** Runs matching to the end (as the API's inline wait or the timer would) and returns the job. */
export async function runMatching(w: UseCaseWorld, programmeId: string) {
  const job = await startMatchingRun(w.deps, w.manager, programmeId);
  return runMatchingJob(w.deps, programmeId, job.id);
}

/** The programme's pairs as stored, by id. */
export async function pairsOf(w: UseCaseWorld, programmeId: string): Promise<Stored<Pair>[]> {
  const pairs = await toArray(w.deps.store.pairs.all(programmeId));
  return pairs.sort((a, b) => a.id.localeCompare(b.id));
}

/** Runs matching and publishes; returns the published proposals. */
export async function matchAndPublish(w: UseCaseWorld, programmeId: string): Promise<Stored<Pair>[]> {
  const job = await runMatching(w, programmeId);
  expect(job.status).toBe('succeeded');
  await publishProposals(w.deps, w.manager, programmeId);
  return (await pairsOf(w, programmeId)).filter((p) => p.status === 'proposed' && p.publishedAt);
}

/** Both people accept each proposal. */
export async function confirmAll(w: UseCaseWorld, programmeId: string, pairs: Pair[]): Promise<void> {
  for (const pair of pairs)
    for (const userId of [pair.mentorId, pair.menteeId])
      await answerProposal(w.deps, w.person(userId), programmeId, pair.id, true);
}

/** What the call was refused with (undefined when it succeeded), to assert its type and code. */
export async function rejection(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => undefined,
    (e: unknown) => e,
  );
}
