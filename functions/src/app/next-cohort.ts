/**
 * "Next cohort from this one": a new draft that carries everything the manager set up (topics and
 * their guides, the meeting frame, training modules, every setting, the co-managers), and, in the
 * same step if asked, invitations for everyone on this programme's interest list. What belonged to
 * the old cohort's run stays behind: its phase, dates, publishing, matching job and people.
 */
import { NotFoundError } from '../core/errors';
import { PROGRAMME_SCHEMA_VERSION, assertValidProgramme, consentTextOf, type Programme } from '../core/model';
import type { Stored } from '../ports/store';
import { nowIso } from '../ports/clock';
import type { AppDeps } from './deps';
import { assertManager, type Caller } from './caller';
import { loadProgramme } from './support/access';
import { audit } from './support/audit';
import { newId } from './support/ids';
import { changePhase } from './phase';
import { inviteInterested } from './interest';
import { MAX_INVITATIONS, type InviteResult } from './invite';
import { programmeManagers } from './co-managers';

/** Fields of a programme that belong to one cohort's run (or its identity), never carried over. */
const RUN_FIELDS = [
  'id',
  'etag',
  'name',
  'phase',
  'kickoffAt',
  'closingAt',
  'optedInSince',
  'createdBy',
  'coManagers',
  'clonedFrom',
  'createdAt',
  'updatedAt',
  'phaseChangedAt',
  'publishedAt',
  'matchingJobId',
  'anonymisedAt',
  'consentTexts',
] as const;

export interface CloneInput {
  name?: string | undefined;
  /** Invite everyone on the source's interest list (the new programme moves to preparation). */
  inviteInterested?: boolean | undefined;
}

export interface CloneResult {
  programme: Stored<Programme>;
  /** Present when the interest list was invited. */
  invited?: InviteResult & { listed: number };
}

/** The new cohort as a draft: every setting of `source`, a new identity, the caller as its creator. */
export function nextCohortOf(
  source: Programme,
  input: { id: string; name: string; by: string; now: string },
): Programme {
  const carried: Partial<Programme> = { ...source };
  for (const field of RUN_FIELDS) delete (carried as Record<string, unknown>)[field];
  const consent = consentTextOf(source, source.consentTextVersion);
  const coManagers = programmeManagers(source).filter((id) => id !== input.by);
  return {
    ...(carried as Omit<Programme, (typeof RUN_FIELDS)[number]>),
    id: input.id,
    schemaVersion: PROGRAMME_SCHEMA_VERSION,
    name: input.name,
    phase: 'draft',
    ...(consent ? { consentTexts: [{ ...consent, at: input.now }] } : {}),
    createdBy: input.by,
    ...(coManagers.length ? { coManagers } : {}),
    clonedFrom: source.id,
    createdAt: input.now,
    updatedAt: input.now,
    phaseChangedAt: input.now,
  };
}

export async function cloneProgramme(
  deps: AppDeps,
  caller: Caller,
  sourceId: string,
  input: CloneInput,
): Promise<CloneResult> {
  assertManager(caller);
  const source = await loadProgramme(deps, sourceId);
  const now = nowIso(deps.clock);
  const name = input.name?.trim() || `${source.name} (2)`;
  const programme = nextCohortOf(source, { id: newId('prog'), name, by: caller.userId, now });
  assertValidProgramme(programme);
  const stored = await deps.store.programmes.create(programme);
  await audit(deps, programme.id, caller.userId, 'programme.created', undefined, {
    anonymityThreshold: programme.anonymityThreshold,
  });
  await audit(deps, programme.id, caller.userId, 'programme.cloned', sourceId);
  if (!input.inviteInterested) return { programme: stored };

  await changePhase(deps, caller, programme.id, 'preparation');
  const listed: string[] = [];
  for await (const i of deps.store.interest.all(sourceId)) listed.push(i.userId);
  const invited: CloneResult['invited'] = { invited: 0, alreadyInvited: 0, notInvitable: [], listed: listed.length };
  for (let start = 0; start < listed.length; start += MAX_INVITATIONS) {
    const result = await inviteInterested(deps, caller, sourceId, {
      to: programme.id,
      userIds: listed.slice(start, start + MAX_INVITATIONS),
    });
    invited.invited += result.invited;
    invited.alreadyInvited += result.alreadyInvited;
    invited.notInvitable.push(...result.notInvitable);
  }
  const latest = await deps.store.programmes.find(programme.id, programme.id);
  if (!latest) throw new NotFoundError(`There is no programme "${programme.id}".`);
  return { programme: latest, invited };
}
