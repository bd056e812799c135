import { createHash } from 'node:crypto';
import type { Container, ItemDefinition, SqlParameter } from '@azure/cosmos';
import type { Doc } from '../../core/model';
import { UnavailableError } from '../../core/errors';
import type { Collection, ListOptions, Page, Stored, Where } from '../../ports/store';
import type { ContainerSpec } from '../../ports/containers';
import { cosmosStatus, toDomainError } from './errors';
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
/** Lists sorted across partitions are read whole; beyond this many matches they are refused. */
export const CROSS_PARTITION_SORT_LIMIT = 10_000;

/** A document's place in a sorted list: the sort field's value, then its id. */
type SortKey = [unknown, string];

function sortKey(doc: { id: string }, field: string): SortKey {
  return [(doc as unknown as Record<string, unknown>)[field], doc.id];
}

function compareKeys(a: SortKey, b: SortKey, descending = false): number {
  const order = compareValues(a[0], b[0]) || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
  return descending ? -order : order;
}

/** A Collection on one Cosmos DB container through @azure/cosmos. */
export class CosmosCollection<T extends Doc> implements Collection<T> {
  readonly name: string;
  private readonly pkField: string;

  constructor(
    private readonly container: Container,
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
    if (!found) throw toDomainError({ code: 404 }, `${this.name}/${id}`);
    return found;
  }

  async find(partitionKey: string, id: string): Promise<Stored<T> | undefined> {
    try {
      const { resource, statusCode } = await this.container.item(id, partitionKey).read<ItemDefinition>();
      if (statusCode === 404 || !resource) return undefined;
      return this.fromStore(resource);
    } catch (err) {
      if (cosmosStatus(err) === 404) return undefined;
      throw toDomainError(err, `${this.name}/${id}`);
    }
  }

  async create(doc: T): Promise<Stored<T>> {
    try {
      const { resource } = await this.container.items.create(this.toStore(doc));
      return await this.written(this.fromStore(required(resource)));
    } catch (err) {
      throw toDomainError(err, `${this.name}/${doc.id}`);
    }
  }

  async replace(doc: T, etag: string): Promise<Stored<T>> {
    try {
      const { resource } = await this.container
        .item(doc.id, this.partitionKeyOf(doc))
        .replace(this.toStore(doc), { accessCondition: { type: 'IfMatch', condition: etag } });
      return await this.written(this.fromStore(required(resource)));
    } catch (err) {
      throw toDomainError(err, `${this.name}/${doc.id}`);
    }
  }

  async upsert(doc: T): Promise<Stored<T>> {
    try {
      const { resource } = await this.container.items.upsert(this.toStore(doc));
      return await this.written(this.fromStore(required(resource)));
    } catch (err) {
      throw toDomainError(err, `${this.name}/${doc.id}`);
    }
  }

  async delete(partitionKey: string, id: string, etag?: string): Promise<void> {
    try {
      await this.container
        .item(id, partitionKey)
        .delete(etag ? { accessCondition: { type: 'IfMatch', condition: etag } } : undefined);
    } catch (err) {
      throw toDomainError(err, `${this.name}/${id}`);
    }
    await this.changed(partitionKey);
  }

  private async written(doc: Stored<T>): Promise<Stored<T>> {
    await this.changed(this.partitionKeyOf(doc));
    return doc;
  }

  async list(partitionKey: string | undefined, options: ListOptions<T> = {}): Promise<Page<Stored<T>>> {
    const pageSize = Math.min(Math.max(1, options.pageSize ?? DEFAULT_PAGE), MAX_PAGE);
    if (partitionKey === undefined && options.orderBy) return this.pageSortedAcrossPartitions(options, pageSize);
    const query = this.queryFor(partitionKey, options);
    const bound = `${this.name}|${query.query}|${JSON.stringify(query.parameters)}`;
    const continuationToken = options.continuationToken ? openToken(options.continuationToken, bound) : undefined;
    try {
      const iterator = this.container.items.query<ItemDefinition>(query, {
        maxItemCount: pageSize,
        ...(partitionKey !== undefined ? { partitionKey } : {}),
        ...(continuationToken ? { continuationToken } : {}),
      });
      // A page across partitions may come back empty with more to come: read on, on the same iterator.
      let page = await iterator.fetchNext();
      const items = [...(page.resources ?? [])];
      while (!items.length && page.continuationToken) {
        page = await iterator.fetchNext();
        items.push(...(page.resources ?? []));
      }
      return {
        items: items.map((r) => this.fromStore(r)),
        ...(page.continuationToken ? { continuationToken: sealToken(page.continuationToken, bound) } : {}),
      };
    } catch (err) {
      if (cosmosStatus(err) === 400 && continuationToken) throw invalidToken();
      throw toDomainError(err, this.name);
    }
  }

  /** Every matching document, through one query iterator (sorted in memory across partitions). */
  async *all(
    partitionKey: string | undefined,
    options: Omit<ListOptions<T>, 'continuationToken'> = {},
  ): AsyncIterable<Stored<T>> {
    if (partitionKey === undefined && options.orderBy) {
      yield* await this.readSortedAcrossPartitions(options);
      return;
    }
    const iterator = this.container.items.query<ItemDefinition>(this.queryFor(partitionKey, options), {
      maxItemCount: Math.min(Math.max(1, options.pageSize ?? MAX_PAGE), MAX_PAGE),
      ...(partitionKey !== undefined ? { partitionKey } : {}),
    });
    while (iterator.hasMoreResults()) {
      let page;
      try {
        page = await iterator.fetchNext();
      } catch (err) {
        throw toDomainError(err, this.name);
      }
      for (const resource of page.resources ?? []) yield this.fromStore(resource);
    }
  }

  private queryFor(partitionKey: string | undefined, options: Omit<ListOptions<T>, 'continuationToken'>) {
    // NOTE: the partition is also a WHERE clause: the embedded server ignores the partitionKey option.
    const where = partitionKey !== undefined ? { ...options.where, [this.pkField]: partitionKey } : options.where;
    return buildQuery({ ...options, ...(where ? { where: where as ListOptions<T>['where'] } : {}) });
  }

  /**
   * The gateway does not serve ORDER BY across partitions (400, substatus 1004), and the SDK's own
   * pipeline pages differently. These lists are small (a manager's programmes, one person's
   * enrolments), so they are read without ORDER BY through one iterator and sorted here, ties by id;
   * more than CROSS_PARTITION_SORT_LIMIT matches is refused rather than answered partly.
   */
  private async readSortedAcrossPartitions(options: Omit<ListOptions<T>, 'continuationToken'>): Promise<Stored<T>[]> {
    const { orderBy, descending, ...rest } = options;
    const iterator = this.container.items.query<ItemDefinition>(this.queryFor(undefined, rest), {
      maxItemCount: MAX_PAGE,
    });
    const items: Stored<T>[] = [];
    try {
      while (iterator.hasMoreResults()) {
        const page = await iterator.fetchNext();
        for (const resource of page.resources ?? []) items.push(this.fromStore(resource));
        if (items.length > CROSS_PARTITION_SORT_LIMIT)
          throw new UnavailableError(
            `${this.name}: more than ${CROSS_PARTITION_SORT_LIMIT} documents match across partitions; this list cannot be sorted.`,
          );
      }
    } catch (err) {
      if (err instanceof UnavailableError) throw err;
      throw toDomainError(err, this.name);
    }
    const field = orderBy as string;
    return items.sort((a, b) => compareKeys(sortKey(a, field), sortKey(b, field), descending));
  }

  private async pageSortedAcrossPartitions(options: ListOptions<T>, pageSize: number): Promise<Page<Stored<T>>> {
    const { continuationToken, ...rest } = options;
    const query = this.queryFor(undefined, rest);
    const bound = `${this.name}|${query.query}|${JSON.stringify(query.parameters)}|${rest.orderBy}|${rest.descending ? 'desc' : 'asc'}`;
    let after: SortKey | undefined;
    if (continuationToken) {
      try {
        after = JSON.parse(openToken(continuationToken, bound)) as SortKey;
      } catch {
        throw invalidToken();
      }
    }
    const sorted = await this.readSortedAcrossPartitions(rest);
    const field = rest.orderBy as string;
    const start = after ? sorted.findIndex((item) => compareKeys(sortKey(item, field), after, rest.descending) > 0) : 0;
    const items = start < 0 ? [] : sorted.slice(start, start + pageSize);
    const more = start >= 0 && start + pageSize < sorted.length;
    const last = items.at(-1);
    return {
      items,
      ...(more && last ? { continuationToken: sealToken(JSON.stringify(sortKey(last, field)), bound) } : {}),
    };
  }

  private toStore(doc: T): ItemDefinition {
    const out: Record<string, unknown> = { ...(doc as object) };
    for (const key of SYSTEM_PROPERTIES) delete out[key];
    if (out.schemaVersion === undefined) out.schemaVersion = this.spec.schemaVersion;
    return out as ItemDefinition;
  }

  private fromStore(resource: ItemDefinition): Stored<T> {
    const { _etag, ...rest } = resource as ItemDefinition & { _etag?: string };
    for (const key of SYSTEM_PROPERTIES) delete (rest as Record<string, unknown>)[key];
    const version = (rest as { schemaVersion?: number }).schemaVersion ?? 0;
    if (version > this.spec.schemaVersion) {
      // NOTE: a newer deployment wrote this document; refusing is safer than dropping its new fields.
      throw new UnavailableError(
        `${this.name}/${rest.id} has schema version ${version}; this version of Tandem reads up to ${this.spec.schemaVersion}.`,
      );
    }
    return { ...(rest as unknown as T), etag: _etag ?? '' };
  }
}

/**
 * Continuation tokens leave the API as opaque strings bound to their query: a token from another
 * list, or a forged one, is rejected as invalid input instead of reaching the store.
 */
function sealToken(token: string, bound: string): string {
  return Buffer.from(JSON.stringify({ v: 1, q: digest(bound), t: token })).toString('base64url');
}

function openToken(sealed: string, bound: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(sealed, 'base64url').toString('utf8')) as {
      v?: unknown;
      q?: unknown;
      t?: unknown;
    };
    if (parsed.v === 1 && parsed.q === digest(bound) && typeof parsed.t === 'string') return parsed.t;
  } catch {
    // fall through
  }
  throw invalidToken();
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

function required<R>(resource: R | undefined): R {
  if (!resource) throw new UnavailableError('The data store returned no document.');
  return resource;
}

/** SELECT with equality / "one of" filters and one ORDER BY field, all parameterised. */
export function buildQuery<T>(options: ListOptions<T>): { query: string; parameters: SqlParameter[] } {
  const clauses: string[] = [];
  const parameters: SqlParameter[] = [];
  for (const [field, value] of Object.entries((options.where ?? {}) as Where<Record<string, unknown>>)) {
    if (value === undefined) continue;
    checkFilterField(field);
    if (value === null) {
      clauses.push(`NOT IS_DEFINED(c.${field}) OR IS_NULL(c.${field})`);
      continue;
    }
    const name = `@p${parameters.length}`;
    parameters.push({ name, value: value as SqlParameter['value'] });
    clauses.push(Array.isArray(value) ? `ARRAY_CONTAINS(${name}, c.${field})` : `c.${field} = ${name}`);
  }
  let query = 'SELECT * FROM c';
  if (clauses.length) query += ` WHERE ${clauses.map((c) => `(${c})`).join(' AND ')}`;
  if (options.orderBy) {
    checkSortField(options.orderBy);
    query += ` ORDER BY c.${options.orderBy} ${options.descending ? 'DESC' : 'ASC'}`;
  }
  return { query, parameters };
}
