import type { Doc } from '../core/model';
import { ConflictError } from '../core/errors';
import type {
  Assessment,
  AuditEntry,
  Feedback,
  Interest,
  MeetingSeries,
  Pair,
  Participant,
  Programme,
} from '../core/model';
import type { ConversationRecord, IdempotencyRecord, JobRecord, OutboxMessage, StateRecord } from './records';
import type { DirectoryChunk } from './directory';

/** A document as stored, with the ETag to hand back on the next write. */
export type Stored<T> = T & { etag: string };

/** One page of a list; pass `continuationToken` back to get the next page (absent on the last page). */
export interface Page<T> {
  items: T[];
  continuationToken?: string;
}

type Scalar = string | number | boolean;
/** Equality filters on top-level fields; an array value means "one of". `null` matches a missing field. */
export type Where<T> = { [K in keyof T]?: T[K] extends Scalar | undefined ? T[K] | T[K][] | null : never };

export interface ListOptions<T> {
  where?: Where<T>;
  /**
   * Top-level field to sort by (ascending unless `descending`). Within one partition ties come in
   * the store's order (stable across the pages of one listing); across partitions (partition key
   * undefined) the list is sorted in memory, ties by id, and limited to 10,000 matches.
   */
  orderBy?: keyof T & string;
  descending?: boolean;
  /** At most this many items per page (default 100, at most 1000). */
  pageSize?: number;
  continuationToken?: string;
}

/**
 * A repository of one document type in one container. Every write that follows a read passes the
 * read's ETag: a stale write throws Conflict('stale'), never overwrites silently.
 */
export interface Collection<T extends Doc> {
  readonly name: string;
  /** The partition key of a document of this collection. */
  partitionKeyOf(doc: T): string;
  /** Throws NotFound. */
  get(partitionKey: string, id: string): Promise<Stored<T>>;
  find(partitionKey: string, id: string): Promise<Stored<T> | undefined>;
  /** Throws Conflict('exists') when the id is taken. */
  create(doc: T): Promise<Stored<T>>;
  /** Replaces the document only if its current ETag is `etag`; throws Conflict('stale') or NotFound. */
  replace(doc: T, etag: string): Promise<Stored<T>>;
  /** Writes regardless of the current version: only for records a single writer owns. */
  upsert(doc: T): Promise<Stored<T>>;
  /** Deletes (only if the ETag matches when given); throws NotFound. */
  delete(partitionKey: string, id: string, etag?: string): Promise<void>;
  /** One page; `partitionKey` undefined queries across partitions. */
  list(partitionKey: string | undefined, options?: ListOptions<T>): Promise<Page<Stored<T>>>;
  /** Every matching document, page by page. */
  all(partitionKey: string | undefined, options?: Omit<ListOptions<T>, 'continuationToken'>): AsyncIterable<Stored<T>>;
}

/** All containers of the app (see ports/containers.ts for names and partition keys). */
export interface Store {
  programmes: Collection<Programme>;
  participants: Collection<Participant>;
  pairs: Collection<Pair>;
  meetings: Collection<MeetingSeries>;
  feedback: Collection<Feedback>;
  assessments: Collection<Assessment>;
  audit: Collection<AuditEntry>;
  /** Chunked directory generations (see ports/directory: DirectoryChunk, DirectoryPointer). */
  directory: Collection<DirectoryChunk>;
  state: Collection<StateRecord>;
  idempotency: Collection<IdempotencyRecord>;
  conversations: Collection<ConversationRecord>;
  jobs: Collection<JobRecord>;
  outbox: Collection<OutboxMessage>;
  /** Who wants to join a programme's next cohort. */
  interest: Collection<Interest>;
  /** A cheap round trip to the store, for /api/health. */
  ping(): Promise<void>;
}

/**
 * The `state` record whose ETag changes after every write to a programme's documents (the containers
 * with `stampsChanges` in ports/containers.ts; the store adapter writes it after each acknowledged
 * write). A read model built from those documents records the ETag it was built at: a different one
 * now means it is stale.
 */
export function changeStampId(programmeId: string): string {
  return `changes:${programmeId}`;
}

/** Collects every page of a list into an array (for small lists and tests). */
export async function toArray<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/**
 * Read-modify-write with optimistic concurrency: reads the document, applies `change` and writes it
 * back with the read ETag. When `expectedEtag` is given (an HTTP If-Match), a different current
 * ETag is a Conflict('stale') before anything is written.
 */
export async function mutate<T extends Doc>(
  collection: Collection<T>,
  partitionKey: string,
  id: string,
  change: (current: T) => T,
  expectedEtag?: string,
): Promise<Stored<T>> {
  const current = await collection.get(partitionKey, id);
  if (expectedEtag !== undefined && expectedEtag !== current.etag) {
    throw new ConflictError(`${collection.name}/${id} was changed by someone else; reload and try again.`, 'stale');
  }
  const { etag, ...doc } = current;
  return collection.replace(change(doc as unknown as T), etag);
}
