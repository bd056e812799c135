import type { Doc, IsoDateTime, OrgUser } from '../core/model';
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

/** Directory fields a sync copies from Graph: absent in a change = unchanged, null = cleared. */
export type DirectoryFields = {
  [
    K in
      | 'displayName'
      | 'mail'
      | 'userPrincipalName'
      | 'jobTitle'
      | 'department'
      | 'officeLocation'
      | 'preferredLanguage'
      | 'accountEnabled'
      | 'userType'
  ]?: OrgUser[K] | null;
};

/** One user in a delta round. */
export interface DirectoryChange {
  id: string;
  /** Set when the user was deleted (`changed`: restorable, `deleted`: gone for good). */
  removed?: 'changed' | 'deleted';
  fields: DirectoryFields;
  /** Absent: not mentioned (unchanged); null: the manager was removed; a string: the manager's id. */
  manager?: string | null;
}

export interface DeltaPage {
  changes: DirectoryChange[];
  /** More pages in this round. */
  nextLink?: string;
  /** The round is complete; keep this link for the next incremental round. */
  deltaLink?: string;
}

/** Where a sync reads the directory from (Microsoft Graph `users/delta`). */
export interface DirectorySource {
  /** One page of a delta round: the first page of a full round (no link), a nextLink or a deltaLink. */
  deltaPage(link?: string): Promise<DeltaPage>;
  /** Member ids of an Entra group, transitively. */
  groupMembers(groupId: string): Promise<string[]>;
  /** HTTP requests sent and throttled (429) answers seen so far. */
  stats(): { requests: number; throttled: number };
}

/**
 * One immutable chunk of a directory generation (container `directory`, partition = tenant). A sync
 * writes changed chunks under new ids and then flips the pointer (DirectoryPointer), so readers see
 * either the old or the new directory, never a mix.
 */
export interface DirectoryChunk extends Doc {
  tenantId: string;
  generation: number;
  /** Position of the chunk; a user lives in chunk hash(id) mod chunk count. */
  slot: number;
  users: OrgUser[];
}

/** The `state` record that names the directory's current chunks (id `directory:<tenant>`). */
export interface DirectoryPointer {
  generation: number;
  /** Chunk document id per slot. */
  chunks: string[];
  users: number;
  syncedAt: IsoDateTime;
  /** Graph deltaLink for the next incremental round. */
  deltaLink?: string;
  lastFullAt?: IsoDateTime;
  /** Users removed by the last sync whose programmes were not yet told (resumed by the next sync). */
  pendingRemovals?: string[];
}

/** A directory generation as read from the store, with the pointer's ETag. */
export interface LoadedDirectory {
  pointer: DirectoryPointer;
  etag: string;
  users: Map<string, OrgUser>;
}

/**
 * One tenant's directory generations in the store, as the sync reads and replaces them
 * (adapters/graph/directory-store; the composition root supplies it).
 */
export interface DirectorySnapshotStore {
  load(): Promise<LoadedDirectory | undefined>;
  /** Writes `users` as the next generation (only changed chunks after `previous`) and flips the pointer. */
  commit(
    users: Map<string, OrgUser>,
    meta: Omit<DirectoryPointer, 'generation' | 'chunks' | 'users'>,
    previous: LoadedDirectory | undefined,
    changed: Set<string> | 'all',
  ): Promise<DirectoryPointer>;
  /** Updates pointer fields without touching the chunks. */
  updatePointer(change: (p: DirectoryPointer) => DirectoryPointer): Promise<void>;
  /** Deletes chunks no pointer names; returns how many. */
  collectGarbage(): Promise<number>;
}
