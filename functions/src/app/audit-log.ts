/** The programme's audit log for its managers, newest first: the entries a manager needs (privacy/visibility.ts). */
import type { AuditEntry } from '../core/model';
import type { Page, Stored } from '../ports/store';
import type { AppDeps } from './deps';
import { assertManager, type Caller } from './caller';
import type { PageQuery } from './schemas';
import { loadProgramme } from './support/access';
import { MANAGER_AUDIT_ACTIONS } from './privacy/visibility';

/** An audit entry with the actor's name from the directory, where the actor is a person still in it. */
export type AuditItem = Stored<AuditEntry> & { actorName?: string };

export async function listAudit(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  page: PageQuery,
): Promise<Page<AuditItem>> {
  assertManager(caller);
  await loadProgramme(deps, programmeId);
  const result = await deps.store.audit.list(programmeId, {
    orderBy: 'at',
    descending: true,
    where: { action: [...MANAGER_AUDIT_ACTIONS] },
    ...(page.pageSize ? { pageSize: page.pageSize } : {}),
    ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
  });
  // Timers, jobs and erased people (pseudonyms) have no directory entry and keep their id.
  const ids = [...new Set(result.items.map((a) => a.actor))].filter((id) => !/^(timer|job|system|erased)[-:]/.test(id));
  const names = new Map((await deps.directory.getUsers(ids)).map((u) => [u.id, u.displayName]));
  return {
    ...result,
    items: result.items.map((a) => {
      const actorName = names.get(a.actor);
      return actorName ? { ...a, actorName } : a;
    }),
  };
}
