/**
 * Typed domain errors, mapped to HTTP once (http/problem.ts): NotFound → 404, Conflict → 409 or
 * 412 when an ETag was stale, Forbidden → 403, Invalid → 400, Unauthorized → 401.
 */
export type FieldErrors = Record<string, string[]>;

/**
 * An empty list of field errors and the one way to add to it. NOTE: field names may come from a
 * client ("__proto__", "constructor"…), so the map has no prototype to hand back an inherited member.
 */
export function collectFieldErrors(): { fields: FieldErrors; add(field: string, message: string): void } {
  const fields = Object.create(null) as FieldErrors;
  return {
    fields,
    add(field, message) {
      const list = (fields[field] ??= []);
      if (!list.includes(message)) list.push(message);
    },
  };
}

export abstract class DomainError extends Error {
  abstract readonly kind: 'not-found' | 'conflict' | 'forbidden' | 'invalid' | 'unauthorized' | 'unavailable';
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
}

/** `stale`: the stored version changed since it was read (ETag mismatch); `exists`: duplicate id; `state`: a rule forbids it now. */
export type ConflictReason = 'stale' | 'exists' | 'state';

export class ConflictError extends DomainError {
  readonly kind = 'conflict';
  constructor(
    message: string,
    readonly reason: ConflictReason = 'state',
  ) {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

export class UnauthorizedError extends DomainError {
  readonly kind = 'unauthorized';
}

export class InvalidError extends DomainError {
  readonly kind = 'invalid';
  constructor(
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
  }
}

/** A dependency (store, Graph, Bot Service) is unreachable or failing: 503, the caller may retry. */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}
