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
