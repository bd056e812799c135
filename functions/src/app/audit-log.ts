/**
 * The programme's audit log, newest first: for its managers the entries a manager needs
 * (privacy/visibility.ts), for operators every entry.
 */
import type { AuditEntry } from '../core/model';
import type { Page, Stored } from '../ports/store';
import type { AppDeps } from './deps';
import { assertManager, type Caller } from './caller';
import type { PageQuery } from './schemas';
import { loadProgramme } from './support/access';
import { MANAGER_AUDIT_ACTIONS } from './privacy/visibility';
import { isOperator } from './operations/stuck-work';
import { ForbiddenError } from '../core/errors';

/** An audit entry with the actor's name from the directory, where the actor is a person still in it. */
export type AuditItem = Stored<AuditEntry> & { actorName?: string };

export async function listAudit(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  page: PageQuery,
): Promise<Page<AuditItem>> {
  assertManager(caller);
  return readAudit(deps, programmeId, page, [...MANAGER_AUDIT_ACTIONS]);
}

/** Operators (`Tandem.Operate`) only: every entry of the programme's audit log, newest first. */
export async function listFullAudit(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  page: PageQuery,
): Promise<Page<AuditItem>> {
  if (!isOperator(caller)) throw new ForbiddenError('Only operators read the whole audit log.');
  return readAudit(deps, programmeId, page);
}

async function readAudit(
  deps: AppDeps,
  programmeId: string,
  page: PageQuery,
  actions?: string[],
): Promise<Page<AuditItem>> {
  await loadProgramme(deps, programmeId);
  const result = await deps.store.audit.list(programmeId, {
    orderBy: 'at',
    descending: true,
    ...(actions ? { where: { action: actions as AuditEntry['action'][] } } : {}),
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
