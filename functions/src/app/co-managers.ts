/**
 * Co-managers: the people who run a programme with its creator. `Programme.Manage` is a tenant-wide
 * Entra app role that Tandem cannot list, so the programme records its own managers: they get its
 * notices (pair health), see it as theirs (stuck work) and are carried into the next cohort. Adding
 * and removing one is a conditional write on the programme and is audited with who and whom.
 */
import { ConflictError, InvalidError } from '../core/errors';
import { isInvitable, type Programme } from '../core/model';
import type { Stored } from '../ports/store';
import type { AppDeps } from './deps';
import { assertManager, type Caller } from './caller';
import { loadProgramme } from './support/access';
import { audit } from './support/audit';
import { update } from './support/update';

/** At most this many co-managers per programme (a steering group, not a distribution list). */
export const MAX_CO_MANAGERS = 20;

/** Everyone who manages the programme: its creator first, then the co-managers. */
export function programmeManagers(programme: Pick<Programme, 'createdBy' | 'coManagers'>): string[] {
  return [...new Set([programme.createdBy, ...(programme.coManagers ?? [])])];
}

/** Whether the person is one of the programme's own managers (creator or co-manager). */
export function managesProgramme(programme: Pick<Programme, 'createdBy' | 'coManagers'>, userId: string): boolean {
  return programmeManagers(programme).includes(userId);
}

/** One of the programme's managers, with the name and department the directory has. */
export interface ProgrammeManager {
  userId: string;
  displayName: string;
  department?: string;
  /** `creator`: created the programme (and cannot be removed); `co-manager`: added later. */
  kind: 'creator' | 'co-manager';
}

/** The programme's team: its creator and co-managers, by name. */
export async function listProgrammeManagers(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
): Promise<ProgrammeManager[]> {
  assertManager(caller);
  const programme = await loadProgramme(deps, programmeId);
  const ids = programmeManagers(programme);
  const users = new Map((await deps.directory.getUsers(ids)).map((u) => [u.id, u]));
  return ids.map((userId) => {
    const user = users.get(userId);
    return {
      userId,
      displayName: user?.displayName ?? userId,
      ...(user?.department ? { department: user.department } : {}),
      kind: userId === programme.createdBy ? 'creator' : 'co-manager',
    };
  });
}

export async function addCoManager(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  userId: string,
  ifMatch?: string,
): Promise<Stored<Programme>> {
  assertManager(caller);
  const programme = await loadProgramme(deps, programmeId);
  if (programme.phase === 'closed') throw new ConflictError('The programme is closed.');
  const user = await deps.directory.getUser(userId);
  if (!user || !isInvitable(user))
    throw new InvalidError('A co-manager must be an enabled member of the directory.', {
      userId: ['not an enabled member of the directory'],
    });
  const stored = await update(
    deps.store.programmes,
    programmeId,
    programmeId,
    (p) => {
      if (managesProgramme(p, userId)) return p;
      if ((p.coManagers ?? []).length >= MAX_CO_MANAGERS)
        throw new ConflictError(`A programme has at most ${MAX_CO_MANAGERS} co-managers.`);
      return { ...p, coManagers: [...(p.coManagers ?? []), userId] };
    },
    ifMatch,
  );
  if (!managesProgramme(programme, userId))
    await audit(deps, programmeId, caller.userId, 'programme.co-manager-added', userId);
  return stored;
}

export async function removeCoManager(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  userId: string,
  ifMatch?: string,
): Promise<Stored<Programme>> {
  assertManager(caller);
  const programme = await loadProgramme(deps, programmeId);
  if (programme.createdBy === userId)
    throw new ConflictError('The programme’s creator stays its manager; add another co-manager instead.');
  const had = (programme.coManagers ?? []).includes(userId);
  const stored = await update(
    deps.store.programmes,
    programmeId,
    programmeId,
    (p) => (p.coManagers?.includes(userId) ? { ...p, coManagers: p.coManagers.filter((id) => id !== userId) } : p),
    ifMatch,
  );
  if (had) await audit(deps, programmeId, caller.userId, 'programme.co-manager-removed', userId);
  return stored;
}
