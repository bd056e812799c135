/**
 * Errors as `application/problem+json` (RFC 9457): `type`, `title`, `status`, `detail`, a stable
 * `code` (an extension member the tab and the bot translate), and `errors` (field → messages) for
 * invalid input. Domain errors are mapped here, once.
 */
import type { HttpResponseInit, InvocationContext } from '@azure/functions';
import { isDomainError, type ErrorCode, type FieldErrors } from '../core/errors';

export const PROBLEM_JSON = 'application/problem+json';

/** Problem types, documented in docs/api.md; relative URIs resolve against the API's origin. */
export const PROBLEM_TYPES = {
  400: '/problems/invalid-input',
  401: '/problems/unauthenticated',
  403: '/problems/forbidden',
  404: '/problems/not-found',
  405: '/problems/method-not-allowed',
  409: '/problems/conflict',
  412: '/problems/stale',
  413: '/problems/too-large',
  415: '/problems/unsupported-media-type',
  422: '/problems/idempotency-key-reused',
  428: '/problems/precondition-required',
  500: '/problems/internal',
  503: '/problems/unavailable',
} as const;

const TITLES: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Sign-in required',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Changed by someone else',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Idempotency key reused',
  428: 'Precondition required',
  500: 'Internal error',
  503: 'Temporarily unavailable',
};

/** The code of each status when nothing more specific is known (the last part of its problem type). */
export const STATUS_CODES: Record<keyof typeof PROBLEM_TYPES, ErrorCode> = {
  400: 'invalid-input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  412: 'stale',
  413: 'too-large',
  415: 'unsupported-media-type',
  422: 'idempotency-key-reused',
  428: 'precondition-required',
  500: 'internal',
  503: 'unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Stable and machine-readable (ERROR_CODES in core/errors.ts); clients translate it, `detail` is English. */
  code: ErrorCode;
  errors?: FieldErrors;
}

export function problem(
  status: keyof typeof PROBLEM_TYPES,
  detail: string,
  extra: { errors?: FieldErrors; headers?: Record<string, string>; code?: ErrorCode } = {},
): HttpResponseInit {
  const body: Problem = {
    type: PROBLEM_TYPES[status],
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code: extra.code ?? STATUS_CODES[status],
    ...(extra.errors && Object.keys(extra.errors).length ? { errors: extra.errors } : {}),
  };
  return {
    status,
    headers: { 'content-type': PROBLEM_JSON, 'cache-control': 'no-store', ...extra.headers },
    body: JSON.stringify(body),
  };
}

/** Maps any thrown value to a problem; unexpected errors are logged and answered without details. */
export function problemOf(err: unknown, context?: InvocationContext): HttpResponseInit {
  if (isDomainError(err)) {
    const code = err.code ? { code: err.code } : {};
    switch (err.kind) {
      case 'invalid':
        return problem(400, err.message, { errors: (err as { fields?: FieldErrors }).fields ?? {}, ...code });
      case 'unauthorized':
        return problem(401, err.message, {
          ...code,
          headers: {
            'www-authenticate': `Bearer error="invalid_token", error_description="${headerSafe(err.message)}"`,
          },
        });
      case 'forbidden':
        return problem(403, err.message, code);
      case 'not-found':
        return problem(404, err.message, code);
      case 'conflict':
        return (err as { reason?: string }).reason === 'stale'
          ? problem(412, err.message, code)
          : problem(409, err.message, code);
      case 'unavailable':
        context?.warn(`unavailable: ${err.message}`);
        return problem(503, 'A service Tandem depends on is not available; please try again shortly.', {
          headers: { 'retry-after': '5' },
        });
    }
  }
  context?.error('unexpected error', err);
  return problem(500, 'Something went wrong on our side; it has been logged.');
}

function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, "'");
}
