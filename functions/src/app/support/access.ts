/** Loading a programme and deciding who may see it: one place for the read rules of every use case. */
import { coded, ForbiddenError, NotFoundError } from '../../core/errors';
import type { Participant, Programme } from '../../core/model';
import type { Stored } from '../../ports/store';
import type { AppDeps } from '../deps';
import { canReadReports, isManager, type Caller } from '../caller';

export async function loadProgramme(deps: Pick<AppDeps, 'store'>, id: string): Promise<Stored<Programme>> {
  const programme = await deps.store.programmes.find(id, id);
  if (!programme) throw new NotFoundError(`There is no programme "${id}".`);
  return programme;
}

/** The caller's own enrollment in a programme, if any. */
export function ownEnrollment(
  deps: Pick<AppDeps, 'store'>,
  programmeId: string,
  caller: Caller,
): Promise<Stored<Participant> | undefined> {
  return deps.store.participants.find(programmeId, caller.userId);
}

/**
 * Managers and HR see every programme; anyone else only those they were invited to. Returns the
 * caller's enrollment when they have one.
 */
export async function loadVisibleProgramme(
  deps: Pick<AppDeps, 'store'>,
  caller: Caller,
  id: string,
): Promise<{ programme: Stored<Programme>; enrollment?: Stored<Participant> }> {
  const programme = await loadProgramme(deps, id);
  const enrollment = await ownEnrollment(deps, id, caller);
  if (!enrollment && !isManager(caller) && !canReadReports(caller))
    throw coded(new ForbiddenError('You are not part of this programme.'), 'not-a-participant');
  return { programme, ...(enrollment ? { enrollment } : {}) };
}

/** The caller's enrollment, which must exist: the person acts on their own participation. */
export async function requireEnrollment(
  deps: Pick<AppDeps, 'store'>,
  programmeId: string,
  userId: string,
): Promise<Stored<Participant>> {
  const participant = await deps.store.participants.find(programmeId, userId);
  if (!participant) throw new NotFoundError('This person has not been invited to the programme.');
  return participant;
}
