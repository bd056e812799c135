import { GraphError } from '@microsoft/microsoft-graph-client';
import { ConflictError, InvalidError, NotFoundError, UnavailableError, type DomainError } from '../../core/errors';

/** The HTTP status of a Graph failure, if it has one. */
export function graphStatus(err: unknown): number | undefined {
  if (err instanceof GraphError) return err.statusCode || undefined;
  const status = (err as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Maps a Graph failure to a domain error once; the message names what was being done. */
export function toDomainError(err: unknown, what: string): DomainError {
  const status = graphStatus(err);
  const detail = err instanceof Error ? err.message : String(err);
  const code = err instanceof GraphError && err.code ? ` (${err.code})` : '';
  if (status === 404) return new NotFoundError(`Microsoft Graph: ${what} was not found.`);
  if (status === 409 || status === 412) return new ConflictError(`Microsoft Graph: ${what}: ${detail}`);
  // 410 Gone (syncStateNotFound / resyncRequired): the state behind a delta link expired; start over.
  if (status === 410)
    return new ConflictError(`Microsoft Graph: ${what} is gone${code}: its sync state expired.`, 'stale');
  if (status === 400) return new InvalidError(`Microsoft Graph refused ${what}: ${detail}${code}`);
  if (status === 401 || status === 403)
    return new UnavailableError(`Microsoft Graph denied ${what}${code}: check the app's permissions (docs/graph.md).`);
  return new UnavailableError(`Microsoft Graph is unavailable for ${what}: ${detail}${code}`);
}
