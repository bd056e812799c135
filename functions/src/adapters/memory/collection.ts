import { createHash, randomUUID } from 'node:crypto';
import type { Doc } from '../../core/model';
import { ConflictError, NotFoundError, UnavailableError } from '../../core/errors';
import type { Collection, ListOptions, Page, Stored, Where } from '../../ports/store';
import type { ContainerSpec } from '../../ports/containers';
import {
  DEFAULT_PAGE,
  MAX_PAGE,
  compareValues,
  checkFilterField,
  checkSortField,
  invalidToken,
  partitionKeyOfDoc,
} from '../store-rules';

const SYSTEM_PROPERTIES = ['_rid', '_self', '_etag', '_attachments', '_ts', 'etag'] as const;
/** The same refusal as the Cosmos adapter's: lists sorted across partitions beyond this many matches. */
export const MEMORY_CROSS_PARTITION_SORT_LIMIT = 10_000;

/** A stored document as JSON text (what Cosmos DB keeps), its ETag and its creation order. */
interface Entry {
  json: string;
  etag: string;
  /** Creation order, kept across replaces: the store's order for unsorted lists and ties. */
  seq: number;
}

/** A document's place in a sorted list; `missing` marks an undefined sort value (JSON has none). */
interface Position {
  value?: unknown;
  missing?: true;
  tie: number | string;
}

function compareTies(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A Collection held in this process: the same contract as the Cosmos adapter (ETags, Conflict
 * 'exists'/'stale', NotFound, filters, sorting, sealed continuation tokens, schema versions), without
 * a server. Documents are kept as JSON text, so a caller never shares an object with the store.
 */
export class MemoryCollection<T extends Doc> implements Collection<T> {
  readonly name: string;
  private readonly pkField: string;
  private readonly entries = new Map<string, Entry>();
  private seq = 0;

  constructor(
    private readonly spec: ContainerSpec,
    /** Called after each acknowledged write with its partition key (the programme's change stamp). */
    private readonly changed: (partitionKey: string) => Promise<void> = async () => {},
  ) {
    this.name = spec.name;
    this.pkField = spec.partitionKey.slice(1);
  }

  partitionKeyOf(doc: T): string {
    return partitionKeyOfDoc(this.spec, doc);
  }

  async get(partitionKey: string, id: string): Promise<Stored<T>> {
    const found = await this.find(partitionKey, id);
    if (!found) throw this.notFound(id);
    return found;
  }

  async find(partitionKey: string, id: string): Promise<Stored<T> | undefined> {
    const entry = this.entries.get(keyOf(partitionKey, id));
    return entry ? this.fromStore(entry) : undefined;
  }

  async create(doc: T): Promise<Stored<T>> {
    const pk = this.partitionKeyOf(doc);
    const key = keyOf(pk, doc.id);
    if (this.entries.has(key)) throw new ConflictError(`${this.name}/${doc.id} already exists.`, 'exists');
    return this.written(pk, this.put(key, doc, ++this.seq));
  }

  async replace(doc: T, etag: string): Promise<Stored<T>> {
    const pk = this.partitionKeyOf(doc);
    const key = keyOf(pk, doc.id);
    const current = this.entries.get(key);
    if (!current) throw this.notFound(doc.id);
    if (current.etag !== etag) throw this.stale(doc.id);
    return this.written(pk, this.put(key, doc, current.seq));
  }

  async upsert(doc: T): Promise<Stored<T>> {
    const pk = this.partitionKeyOf(doc);
    const key = keyOf(pk, doc.id);
    return this.written(pk, this.put(key, doc, this.entries.get(key)?.seq ?? ++this.seq));
  }

  async delete(partitionKey: string, id: string, etag?: string): Promise<void> {
    const key = keyOf(partitionKey, id);
    const current = this.entries.get(key);
    if (!current) throw this.notFound(id);
    if (etag && current.etag !== etag) throw this.stale(id);
    this.entries.delete(key);
    await this.changed(partitionKey);
  }

  async list(partitionKey: string | undefined, options: ListOptions<T> = {}): Promise<Page<Stored<T>>> {
    const pageSize = Math.min(Math.max(1, options.pageSize ?? DEFAULT_PAGE), MAX_PAGE);
    const { continuationToken, ...rest } = options;
    const bound = `${this.name}|${partitionKey ?? '*'}|${JSON.stringify(rest.where ?? {})}|${rest.orderBy ?? ''}|${rest.descending ? 'desc' : 'asc'}`;
    const after = continuationToken ? openToken(continuationToken, bound) : undefined;
    const sorted = this.select(partitionKey, rest);
    const start = after ? sorted.findIndex((e) => this.compare(e.position, after, rest) > 0) : 0;
    const page = start < 0 ? [] : sorted.slice(start, start + pageSize);
    const more = start >= 0 && start + pageSize < sorted.length;
    const last = page.at(-1);
    return {
      items: page.map((e) => e.doc),
      ...(more && last ? { continuationToken: sealToken(last.position, bound) } : {}),
    };
  }

  async *all(
    partitionKey: string | undefined,
    options: Omit<ListOptions<T>, 'continuationToken'> = {},
  ): AsyncIterable<Stored<T>> {
    for (const { doc } of this.select(partitionKey, options)) yield doc;
  }

  /**
   * The matching documents in list order, as the Cosmos adapter on the embedded server serves them:
   * within a partition ORDER BY leaves out documents without the field and breaks ties in the store's
   * order; across partitions the list is sorted whole, ties by id; without orderBy, the store's order.
   */
  private select(
    partitionKey: string | undefined,
    options: Omit<ListOptions<T>, 'continuationToken'>,
  ): { doc: Stored<T>; position: Position }[] {
    const where = (partitionKey !== undefined ? { ...options.where, [this.pkField]: partitionKey } : options.where) as
      Where<Record<string, unknown>> | undefined;
    const filters = Object.entries(where ?? {}).filter(([, value]) => value !== undefined);
    for (const [field] of filters) checkFilterField(field);
    const { orderBy } = options;
    if (orderBy !== undefined) checkSortField(orderBy);
    const across = partitionKey === undefined;
    const matches: { doc: Stored<T>; position: Position }[] = [];
    // A Map keeps insertion order, and a replace keeps its place: this is creation (seq) order.
    for (const entry of this.entries.values()) {
      // Filtered first, as the server does: a document the list does not match is never read.
      const fields = JSON.parse(entry.json) as Record<string, unknown>;
      if (!filters.every(([field, wanted]) => matchesFilter(fields[field], wanted))) continue;
      if (orderBy === undefined) {
        matches.push({ doc: this.fromStore(entry, fields), position: { tie: entry.seq } });
        continue;
      }
      const value = fields[orderBy];
      if (value === undefined && !across) continue;
      const doc = this.fromStore(entry, fields);
      const position: Position = {
        ...(value === undefined ? { missing: true } : { value }),
        tie: across ? doc.id : entry.seq,
      };
      matches.push({ doc, position });
      if (across && matches.length > MEMORY_CROSS_PARTITION_SORT_LIMIT)
        throw new UnavailableError(
          `${this.name}: more than ${MEMORY_CROSS_PARTITION_SORT_LIMIT} documents match across partitions; this list cannot be sorted.`,
        );
    }
    return matches.sort((a, b) => this.compare(a.position, b.position, options));
  }

  /** List order: the sort value (reversed when descending), then the tie (reversed only across partitions). */
  private compare(a: Position, b: Position, options: Pick<ListOptions<T>, 'orderBy' | 'descending'>): number {
    if (options.orderBy === undefined) return compareTies(a.tie, b.tie);
    const byValue = compareValues(a.missing ? undefined : a.value, b.missing ? undefined : b.value);
    const direction = options.descending ? -1 : 1;
    if (byValue) return byValue * direction;
    // NOTE: Cosmos DB breaks ties within a partition by its own order even when descending.
    const tie = compareTies(a.tie, b.tie);
    return typeof a.tie === 'string' ? tie * direction : tie;
  }

  private put(key: string, doc: T, seq: number): Entry {
    const out: Record<string, unknown> = { ...(doc as object) };
    for (const field of SYSTEM_PROPERTIES) delete out[field];
    if (out.schemaVersion === undefined) out.schemaVersion = this.spec.schemaVersion;
    const entry: Entry = { json: JSON.stringify(out), etag: randomUUID(), seq };
    this.entries.set(key, entry);
    return entry;
  }

  private async written(partitionKey: string, entry: Entry): Promise<Stored<T>> {
    const doc = this.fromStore(entry);
    await this.changed(partitionKey);
    return doc;
  }

  private fromStore(entry: Entry, parsed?: unknown): Stored<T> {
    const doc = (parsed ?? JSON.parse(entry.json)) as T;
    const version = doc.schemaVersion ?? 0;
    if (version > this.spec.schemaVersion) {
      throw new UnavailableError(
        `${this.name}/${doc.id} has schema version ${version}; this version of Tandem reads up to ${this.spec.schemaVersion}.`,
      );
    }
    return { ...doc, etag: entry.etag };
  }

  private notFound(id: string): NotFoundError {
    return new NotFoundError(`${this.name}/${id} was not found.`);
  }

  private stale(id: string): ConflictError {
    return new ConflictError(`${this.name}/${id} was changed by someone else; reload and try again.`, 'stale');
  }
}

function keyOf(partitionKey: string, id: string): string {
  return JSON.stringify([partitionKey, id]);
}

/** The Cosmos DB filter semantics: equality, "one of" (ARRAY_CONTAINS), null for missing or null. */
function matchesFilter(actual: unknown, wanted: unknown): boolean {
  if (wanted === null) return actual === undefined || actual === null;
  if (Array.isArray(wanted)) return actual !== undefined && wanted.some((w) => w === actual);
  return actual === wanted;
}

/** Opaque tokens bound to their list, as the Cosmos adapter's: another list's or a forged one is invalid. */
function sealToken(position: Position, bound: string): string {
  return Buffer.from(JSON.stringify({ v: 1, q: digest(bound), t: position })).toString('base64url');
}

function openToken(sealed: string, bound: string): Position {
  try {
    const parsed = JSON.parse(Buffer.from(sealed, 'base64url').toString('utf8')) as {
      v?: unknown;
      q?: unknown;
      t?: { tie?: unknown };
    };
    const tie = parsed.t?.tie;
    if (parsed.v === 1 && parsed.q === digest(bound) && (typeof tie === 'number' || typeof tie === 'string'))
      return parsed.t as Position;
  } catch {
    // fall through
  }
  throw invalidToken();
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}
