import { ConflictError, NotFoundError, UnavailableError } from '../../core/errors';

/** The HTTP status of a Cosmos SDK error (ErrorResponse.code), if it has one. */
export function cosmosStatus(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Maps Cosmos DB status codes onto domain errors: 404 NotFound, 409 exists, 412 stale, other → Unavailable. */
export function toDomainError(err: unknown, what: string): Error {
  switch (cosmosStatus(err)) {
    case 404:
      return new NotFoundError(`${what} was not found.`);
    case 409:
      return new ConflictError(`${what} already exists.`, 'exists');
    case 412:
      return new ConflictError(`${what} was changed by someone else; reload and try again.`, 'stale');
    case 400:
      // A malformed query or document is a bug in our code, not the caller's: keep it visible.
      return err instanceof Error ? err : new Error(String(err));
    default:
      return new UnavailableError(
        `The data store is not available (${err instanceof Error ? err.message : String(err)}).`,
      );
  }
}
