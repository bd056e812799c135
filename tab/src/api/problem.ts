/** The API's errors (RFC 9457 problem+json) as the tab sees them: one error type with the fields it names. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  /** A stable code (ERROR_CODES in functions/src/core/errors.ts) the tab translates; `detail` is English. */
  code?: string;
  /** Field → messages, for invalid input. */
  errors?: Record<string, string[]>;
}

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
}

/** Reads a failed response into a Problem, whatever the server sent. */
export async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return { ...body, status: response.status };
    } catch {
      // fall through: a broken body still has a status
    }
  }
  return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
}

/** A network failure (no response at all) as a problem with status 0. */
export function networkProblem(err: unknown): ApiError {
  return new ApiError({ status: 0, title: 'network', detail: err instanceof Error ? err.message : String(err) });
}
