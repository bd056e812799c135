/**
 * The rules both Store adapters (Cosmos DB and in-memory) apply the same way: the partition key a
 * document belongs to, which field names may be filtered or sorted on, page sizes, and the refusal
 * of a continuation token that does not belong to the list.
 */
import type { Doc } from '../core/model';
import { InvalidError } from '../core/errors';
import type { ContainerSpec } from '../ports/containers';

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 1000;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The document's partition key value (the container's key path, e.g. `/programmeId`). */
export function partitionKeyOfDoc(spec: ContainerSpec, doc: Doc): string {
  const field = spec.partitionKey.slice(1);
  const value = (doc as unknown as Record<string, unknown>)[field];
  if (typeof value !== 'string' || !value) throw new InvalidError(`${spec.name}: document ${doc.id} has no ${field}.`);
  return value;
}

/** Refuses a field name that is not a plain identifier (it would be spliced into a query). */
export function checkFilterField(field: string): void {
  if (!FIELD.test(field)) throw new InvalidError(`Cannot filter on "${field}".`);
}

export function checkSortField(field: string): void {
  if (!FIELD.test(field)) throw new InvalidError(`Cannot sort by "${field}".`);
}

export function invalidToken(): InvalidError {
  return new InvalidError('The continuation token is not valid for this list.', { continuationToken: ['not valid'] });
}

/** Cosmos DB's order across types: undefined, null, booleans, numbers, strings. */
function typeRank(value: unknown): number {
  if (value === undefined) return 0;
  if (value === null) return 1;
  if (typeof value === 'boolean') return 2;
  if (typeof value === 'number') return 3;
  if (typeof value === 'string') return 4;
  return 5;
}

/** Two sort values in Cosmos DB's order (both stores sort the same way). */
export function compareValues(a: unknown, b: unknown): number {
  const rank = typeRank(a) - typeRank(b);
  if (rank) return rank;
  if (typeof a === 'number' || typeof a === 'string' || typeof a === 'boolean')
    return a < (b as typeof a) ? -1 : a > (b as typeof a) ? 1 : 0;
  return 0;
}
