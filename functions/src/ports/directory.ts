import type { OrgUser } from '../core/model';
import type { Page } from './store';

/**
 * The org directory as the app reads it: always the last complete sync, never a half-applied one
 * (the matcher must not see a hierarchy in the middle of an update). Implemented on the store by
 * adapters/graph (sync writes it) — the app never calls Graph per user or per pair.
 */
export interface DirectoryReader {
  getUser(id: string): Promise<OrgUser | undefined>;
  getUsers(ids: string[]): Promise<OrgUser[]>;
  /** person → manager for everyone in the directory (people outside a programme included). */
  managerMap(): Promise<Map<string, string>>;
  /** Users by department, search text (name or mail prefix) or ids; enabled members only unless `includeAll`. */
  listUsers(
    filter: { department?: string; search?: string; includeAll?: boolean },
    page?: { pageSize?: number; continuationToken?: string },
  ): Promise<Page<OrgUser>>;
  departments(): Promise<string[]>;
  /** Member ids of an Entra group (transitive), for invitations by group. */
  groupMembers(groupId: string): Promise<string[]>;
}
