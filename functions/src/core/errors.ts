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

/**
 * Stable machine-readable error codes, sent as `code` in problem+json (docs/api.md) and translated by
 * the tab and the bot; the English `detail` stays for logs and other clients. One code per situation a
 * person can act on; everything else carries the code of its HTTP status.
 */
export const ERROR_CODES = [
  'invalid-input',
  'unauthenticated',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'conflict',
  'stale',
  'too-large',
  'unsupported-media-type',
  'idempotency-key-reused',
  'precondition-required',
  'internal',
  'unavailable',
  'programme-closed',
  'wrong-phase',
  'not-a-participant',
  'not-in-pair',
  'already-opted-in',
  'left-programme',
  'matching-running',
  'session-not-movable',
  'session-not-started',
  'download-expired',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export abstract class DomainError extends Error {
  abstract readonly kind: 'not-found' | 'conflict' | 'forbidden' | 'invalid' | 'unauthorized' | 'unavailable';
  /** A stable code more specific than the kind (see ERROR_CODES); set with `coded()`. */
  code?: ErrorCode;
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

/** The error with a stable code: `throw coded(new ConflictError('The programme is closed.'), 'programme-closed')`. */
export function coded<E extends DomainError>(err: E, code: ErrorCode): E {
  err.code = code;
  return err;
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}
