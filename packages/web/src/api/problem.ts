/** One field-level problem, as the API reports it: `path` is prefixed with `body.`, `query.` or `params.`. */
export interface ProblemFieldError {
  path: string;
  message: string;
}

/** RFC 9457 problem details, with KetaFlow's namespaced `code` and field `errors`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: ProblemFieldError[];
}

/** A non-2xx answer from the API, carrying the problem the server described. */
export class ApiProblemError extends Error {
  readonly problem: Problem;
  /** The whole body as sent, for extension members a route documents (e.g. `crisis`). */
  readonly body: unknown;

  constructor(problem: Problem, body?: unknown) {
    super(problem.detail || problem.title);
    this.name = 'ApiProblemError';
    this.problem = problem;
    this.body = body;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readFieldErrors(value: unknown): ProblemFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.path === 'string' && typeof item.message === 'string'
      ? [{ path: item.path, message: item.message }]
      : [],
  );
}

/** Builds a `Problem` from whatever a failed response held, so the UI always has a sentence to show. */
export function toProblem(status: number, statusText: string, body: unknown): Problem {
  const record = isRecord(body) ? body : {};
  const title = typeof record.title === 'string' ? record.title : statusText || 'Request failed';
  const errors = readFieldErrors(record.errors);
  return {
    type: typeof record.type === 'string' ? record.type : 'about:blank',
    title,
    status,
    detail: typeof record.detail === 'string' ? record.detail : title,
    code: typeof record.code === 'string' ? record.code : `HTTP.${status}`,
    ...(errors.length > 0 ? { errors } : {}),
  };
}

/** The sentence to show a person for any error thrown by a query or mutation. */
export function describeError(error: unknown): string {
  if (error instanceof ApiProblemError) return error.problem.detail;
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection.';
  return 'Something went wrong. Please try again.';
}
