/**
 * A person's own participation: opt in (explicit consent with the text version and time), change
 * the profile, pause, resume, leave at any time without blame, and the mentor training record.
 */
import { coded, ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../core/errors';
import {
  assertValidProfile,
  isEnrollmentOpen,
  leave,
  optIn,
  pause,
  resume,
  tickTrainingModule,
  trainingProgress,
  type TrainingProgress,
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
): Promise<Page<Stored<Participant> & WithTrainingProgress>> {
  assertManager(caller);
  const programme = await loadProgramme(deps, programmeId);
  const page = await deps.store.participants.list(programmeId, {
    orderBy: 'invitedAt',
    ...(query.status ? { where: { status: query.status } } : {}),
    ...(query.pageSize ? { pageSize: query.pageSize } : {}),
    ...(query.continuationToken ? { continuationToken: query.continuationToken } : {}),
  });
  return { ...page, items: page.items.map((p) => withTrainingProgress(programme, p)) };
}

/** A mentor's training progress, for the manager's list: modules ticked of the programme's modules. */
export interface WithTrainingProgress {
  trainingProgress?: TrainingProgress;
}

export function withTrainingProgress<P extends Participant>(
  programme: Pick<Programme, 'trainingModules'>,
  p: P,
): P & WithTrainingProgress {
  return p.role === 'mentor' ? { ...p, trainingProgress: trainingProgress(p, programme) } : p;
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
  const { testimonialConsent, ...profile } = input.profile;
  const stored = await update(deps.store.participants, programmeId, userId, (p) => {
    if (p.status === 'opted-in')
      throw coded(new ConflictError('You have already opted in; change your profile instead.'), 'already-opted-in');
    const next = optIn(p, profile as Profile, { textVersion: input.consentTextVersion, at: now }, now);
    return withTestimonialConsent(next, p, testimonialConsent, now);
  });
  await audit(deps, programmeId, userId, 'participant.opted-in', userId);
  // A new mentor gets the training checklist in the chat right away (sent once per person).
  if (stored.role === 'mentor' && programme.trainingRequired && !stored.trainingCompletedAt)
    await deps.messenger.send([
      {
        type: 'training-reminder',
        recipient: userId,
        programmeId,
        params: { programmeId, reason: 'opted-in' },
        dedupeKey: `training:${programmeId}:opted-in:${userId}`,
      },
    ]);
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
  if (programme.phase === 'closed') throw coded(new ConflictError('The programme is closed.'), 'programme-closed');
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
      if (p.status === 'left') throw coded(new ConflictError('You have left this programme.'), 'left-programme');
      const { testimonialConsent, ...fields } = input;
      const changed: Participant = { ...p, updatedAt: now };
      for (const [key, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        if (value === null) delete (changed as unknown as Record<string, unknown>)[key];
        else (changed as unknown as Record<string, unknown>)[key] = value;
      }
      const next = withTestimonialConsent(changed, p, testimonialConsent, now);
      if (p.status !== 'invited') assertValidProfile(next as Participant & Profile);
      return next;
    },
    ifMatch,
  );
}

/**
 * The consent to quote the testimonial, recorded apart from taking part: given with `true` (for the
 * text as it is now), withdrawn with `false`, and lapsed when the text changes or is removed.
 */
function withTestimonialConsent(
  next: Participant,
  before: Participant,
  consent: boolean | undefined,
  now: string,
): Participant {
  const out = { ...next };
  if (consent === true && out.testimonial) out.testimonialConsentAt = now;
  else if (consent === false || !out.testimonial || out.testimonial !== before.testimonial)
    delete out.testimonialConsentAt;
  return out;
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

/**
 * The mentor training is recorded by the programme manager (e.g. a workshop held outside Tandem), or
 * confirmed by the mentor themselves in one step only where the programme has no training modules;
 * with modules, the mentor ticks each one (`completeTrainingModule`).
 */
export async function recordTraining(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  userId: string,
): Promise<Stored<Participant>> {
  assertSelfOrManager(caller, userId);
  const programme = await loadProgramme(deps, programmeId);
  if (programme.phase === 'closed') throw coded(new ConflictError('The programme is closed.'), 'programme-closed');
  await requireEnrollment(deps, programmeId, userId);
  if (programme.trainingModules?.length && caller.userId === userId)
    throw new ConflictError('This programme’s training has modules: tick each module when you have done it.');
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

/** A mentor ticks one module of the programme's training; the last one completes the training. */
export async function completeTrainingModule(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  userId: string,
  moduleId: string,
): Promise<Stored<Participant>> {
  assertSelf(caller, userId);
  const programme = await loadProgramme(deps, programmeId);
  if (programme.phase === 'closed') throw coded(new ConflictError('The programme is closed.'), 'programme-closed');
  if (!programme.trainingModules?.some((m) => m.id === moduleId))
    throw new NotFoundError(`There is no training module "${moduleId}" in this programme.`);
  await requireEnrollment(deps, programmeId, userId);
  const now = nowIso(deps.clock);
  let completedNow = false;
  // Ticks of two devices at once cannot lose each other: each is a conditional write on the enrollment.
  const stored = await update(deps.store.participants, programmeId, userId, (p) => {
    if (p.status === 'left') throw coded(new ConflictError('You have left this programme.'), 'left-programme');
    if (p.role !== 'mentor') throw new ConflictError('The mentor training is for mentors.');
    const next = tickTrainingModule(p, programme, moduleId, now);
    completedNow = !p.trainingCompletedAt && Boolean(next.trainingCompletedAt);
    return next;
  });
  if (completedNow)
    await audit(deps, programmeId, caller.userId, 'participant.trained', userId, { byManager: false, modules: true });
  return stored;
}
