/**
 * A person's own participation: opt in (explicit consent with the text version and time), change
 * the profile, pause, resume, leave at any time without blame, and the mentor training record.
 */
import { ConflictError, ForbiddenError, InvalidError } from '../core/errors';
import {
  assertValidProfile,
  isEnrollmentOpen,
  leave,
  optIn,
  pause,
  resume,
  type Participant,
  type Profile,
  type Programme,
} from '../core/model';
import { type Page, type Stored } from '../ports/store';
import { nowIso } from '../ports/clock';
import type { AppDeps } from './deps';
import { assertManager, assertSelfOrManager, isManager, type Caller } from './caller';
import type { OptInInput, UpdateProfileInput } from './schemas';
import { loadProgramme, loadVisibleProgramme, requireEnrollment } from './support/access';
import { audit } from './support/audit';
import { endPairsOf } from './support/end-pairs';
import { rematchAffected } from './matching/rematch';
import { update } from './support/update';

function assertSelf(caller: Caller, userId: string): void {
  if (caller.userId !== userId) throw new ForbiddenError('Only the person themselves can do this.');
}

function assertTopics(programme: Programme, profile: Partial<Profile>): void {
  const known = new Set(programme.topics.map((t) => t.id));
  const fields: Record<string, string[]> = {};
  for (const field of ['teachTopics', 'learnTopics'] as const) {
    const unknown = (profile[field] ?? []).filter((t) => !known.has(t));
    if (unknown.length) fields[field] = [`not a topic of this programme: ${unknown.join(', ')}`];
  }
  if (Object.keys(fields).length) throw new InvalidError('The profile names unknown topics.', fields);
}

export async function getParticipant(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  userId: string,
): Promise<Stored<Participant>> {
  assertSelfOrManager(caller, userId);
  await loadVisibleProgramme(deps, caller, programmeId);
  return requireEnrollment(deps, programmeId, userId);
}

export async function listParticipants(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  query: { status?: Participant['status']; pageSize?: number; continuationToken?: string },
): Promise<Page<Stored<Participant>>> {
  assertManager(caller);
  await loadProgramme(deps, programmeId);
  return deps.store.participants.list(programmeId, {
    orderBy: 'invitedAt',
    ...(query.status ? { where: { status: query.status } } : {}),
    ...(query.pageSize ? { pageSize: query.pageSize } : {}),
    ...(query.continuationToken ? { continuationToken: query.continuationToken } : {}),
  });
}

export async function optInto(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  userId: string,
  input: OptInInput,
): Promise<Stored<Participant>> {
  assertSelf(caller, userId);
  const programme = await loadProgramme(deps, programmeId);
  await requireEnrollment(deps, programmeId, userId);
  if (!isEnrollmentOpen(programme.phase))
    throw new ConflictError(
      `Opting in is possible in preparation or matching; the programme is in ${programme.phase}.`,
    );
  if (input.consentTextVersion !== programme.consentTextVersion)
    throw new InvalidError('The consent text has changed; please read the current one.', {
      consentTextVersion: [`the current version is ${programme.consentTextVersion}`],
    });
  assertTopics(programme, input.profile);
  const now = nowIso(deps.clock);
  // The programme learns that someone opted in before anyone is: from then on its anonymity
  // threshold only goes up (programmes.ts checks this mark in the same conditional write).
  if (!programme.optedInSince)
    await update(deps.store.programmes, programmeId, programmeId, (p) =>
      p.optedInSince ? p : { ...p, optedInSince: now },
    );
  const stored = await update(deps.store.participants, programmeId, userId, (p) => {
    if (p.status === 'opted-in') throw new ConflictError('You have already opted in; change your profile instead.');
    return optIn(p, input.profile as Profile, { textVersion: input.consentTextVersion, at: now }, now);
  });
  await audit(deps, programmeId, userId, 'participant.opted-in', userId);
  return stored;
}

export async function updateProfile(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  userId: string,
  input: UpdateProfileInput,
  ifMatch?: string,
): Promise<Stored<Participant>> {
  assertSelf(caller, userId);
  const programme = await loadProgramme(deps, programmeId);
  if (programme.phase === 'closed') throw new ConflictError('The programme is closed.');
  assertTopics(programme, { teachTopics: input.teachTopics ?? [], learnTopics: input.learnTopics ?? [] });
  const current = await requireEnrollment(deps, programmeId, userId);
  // Mentor or mentee is fixed once matching starts: a pair depends on it.
  if (input.role && current.role && input.role !== current.role && programme.phase !== 'preparation')
    throw new ConflictError('The role can only change while the programme is in preparation.');
  const now = nowIso(deps.clock);
  return update(
    deps.store.participants,
    programmeId,
    userId,
    (p) => {
      if (p.status === 'left') throw new ConflictError('You have left this programme.');
      const next: Participant = { ...p, updatedAt: now };
      for (const [key, value] of Object.entries(input)) {
        if (value === undefined) continue;
        if (value === null) delete (next as unknown as Record<string, unknown>)[key];
        else (next as unknown as Record<string, unknown>)[key] = value;
      }
      if (p.status !== 'invited') assertValidProfile(next as Participant & Profile);
      return next;
    },
    ifMatch,
  );
}

/**
 * Stepping out of the programme, for good (leave, or decline the invitation) or for a while (pause):
 * always possible and without blame. The person's live pairs end and their partners are re-matched.
 */
async function stepOut(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  userId: string,
  to: 'left' | 'paused',
): Promise<Stored<Participant>> {
  assertSelf(caller, userId);
  await loadProgramme(deps, programmeId);
  const now = nowIso(deps.clock);
  const stored = await update(deps.store.participants, programmeId, userId, (p) =>
    p.status === to ? p : to === 'left' ? leave(p, now) : pause(p, now),
  );
  const freed = await endPairsOf(deps, programmeId, userId, to, userId);
  await audit(deps, programmeId, userId, `participant.${to}`, userId);
  if (freed.length) await rematchAffected(deps, programmeId, freed, userId);
  return stored;
}

/** Leaving (or declining the invitation) is always possible; the pair ends and the partner is re-matched. */
export function leaveProgramme(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  userId: string,
): Promise<Stored<Participant>> {
  return stepOut(deps, caller, programmeId, userId, 'left');
}

export function pauseParticipation(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  userId: string,
): Promise<Stored<Participant>> {
  return stepOut(deps, caller, programmeId, userId, 'paused');
}

export async function resumeParticipation(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  userId: string,
): Promise<Stored<Participant>> {
  assertSelf(caller, userId);
  const programme = await loadProgramme(deps, programmeId);
  if (programme.phase === 'closed' || programme.phase === 'steering')
    throw new ConflictError(`The programme is in ${programme.phase}; there is nothing to resume.`);
  const now = nowIso(deps.clock);
  const stored = await update(deps.store.participants, programmeId, userId, (p) =>
    p.status === 'opted-in' ? p : resume(p, now),
  );
  await audit(deps, programmeId, userId, 'participant.resumed', userId);
  await rematchAffected(deps, programmeId, [userId], userId);
  return stored;
}

/** The mentor training is recorded by the programme manager, or confirmed by the mentor themselves. */
export async function recordTraining(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  userId: string,
): Promise<Stored<Participant>> {
  assertSelfOrManager(caller, userId);
  const programme = await loadProgramme(deps, programmeId);
  if (programme.phase === 'closed') throw new ConflictError('The programme is closed.');
  await requireEnrollment(deps, programmeId, userId);
  const now = nowIso(deps.clock);
  const stored = await update(deps.store.participants, programmeId, userId, (p) => {
    if (p.status === 'left') throw new ConflictError('This person has left the programme.');
    if (p.role === 'mentee') throw new ConflictError('The mentor training is for mentors.');
    return p.trainingCompletedAt ? p : { ...p, trainingCompletedAt: now, updatedAt: now };
  });
  await audit(deps, programmeId, caller.userId, 'participant.trained', userId, {
    byManager: isManager(caller) && caller.userId !== userId,
  });
  return stored;
}
