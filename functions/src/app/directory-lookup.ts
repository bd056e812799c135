/** The directory as the programme manager browses it to invite people (enabled members only). */
import type { OrgUser } from '../core/model';
import type { Page } from '../ports/store';
import type { AppDeps } from './deps';
import { assertManager, type Caller } from './caller';

/** What the invitation screen shows of a person: no seniority data, nothing beyond the directory's public card. */
export type DirectoryEntry = Pick<
  OrgUser,
  'id' | 'displayName' | 'mail' | 'department' | 'jobTitle' | 'officeLocation'
>;

export async function searchDirectory(
  deps: AppDeps,
  caller: Caller,
  query: { search?: string; department?: string; pageSize?: number; continuationToken?: string },
): Promise<Page<DirectoryEntry>> {
  assertManager(caller);
  const page = await deps.directory.listUsers(
    {
      ...(query.search ? { search: query.search } : {}),
      ...(query.department ? { department: query.department } : {}),
    },
    {
      ...(query.pageSize ? { pageSize: query.pageSize } : {}),
      ...(query.continuationToken ? { continuationToken: query.continuationToken } : {}),
    },
  );
  return {
    items: page.items.map((u) => ({
      id: u.id,
      displayName: u.displayName,
      ...(u.mail ? { mail: u.mail } : {}),
      ...(u.department ? { department: u.department } : {}),
      ...(u.jobTitle ? { jobTitle: u.jobTitle } : {}),
      ...(u.officeLocation ? { officeLocation: u.officeLocation } : {}),
    })),
    ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
  };
}

export async function listDepartments(deps: AppDeps, caller: Caller): Promise<string[]> {
  assertManager(caller);
  return deps.directory.departments();
}
