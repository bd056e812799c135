/** The programme's audit log for its managers, newest first. */
import type { AuditEntry } from '../core/model';
import type { Page, Stored } from '../ports/store';
import type { AppDeps } from './deps';
import { assertManager, type Caller } from './caller';
import type { PageQuery } from './schemas';
import { loadProgramme } from './support/access';

export async function listAudit(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  page: PageQuery,
): Promise<Page<Stored<AuditEntry>>> {
  assertManager(caller);
  await loadProgramme(deps, programmeId);
  return deps.store.audit.list(programmeId, {
    orderBy: 'at',
    descending: true,
    ...(page.pageSize ? { pageSize: page.pageSize } : {}),
    ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
  });
}
