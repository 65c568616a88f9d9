/**
 * How an expected error under /fhir answers: its HTTP status and an OperationOutcome whose issue
 * types (https://hl7.org/fhir/R4/valueset-issue-type.html) tell an integrator what kind of
 * problem it is, with one issue per problem and the element at fault where it is known.
 */
import { AppError } from '../../errors/catalog';
import {
  FhirError,
  FhirErrors,
  operationOutcome,
  operationOutcomeOf,
  type FhirResource,
  type Issue,
  type IssueCode,
} from './outcome';

/**
 * The issue type of an error known only by its HTTP status. 412 is `processing`, not `conflict`:
 * FHIR's `conflict` is an edit conflict between versions, which KetaFlow does not check (no
 * If-Match), while its one 412 (CDS.PREFETCH_UNAVAILABLE) says data the operation needs could not
 * be had, a failure of processing that sending the same request again may not fix.
 */
export function issueCodeOf(status: number): IssueCode {
  switch (status) {
    case 401:
      return 'login';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 412:
      return 'processing';
    case 413:
      return 'too-costly';
    case 429:
      return 'throttled';
    case 405:
    case 415:
    case 501:
      return 'not-supported';
    case 503:
      return 'transient';
    default:
      return status >= 500 ? 'exception' : 'invalid';
  }
}

export interface ErrorAnswer {
  readonly status: number;
  readonly outcome: FhirResource;
}

/** An AppError's message, then one issue per field error naming the field. */
function appErrorIssues(error: AppError): Issue[] {
  const code = issueCodeOf(error.status);
  return [
    { severity: 'error', code, diagnostics: error.message },
    ...(error.errors ?? []).map((field): Issue => ({
      severity: 'error',
      code,
      diagnostics: `${field.path}: ${field.message}`,
      expression: field.path,
    })),
  ];
}

/** The answer to an expected error (4xx, or an AppError); undefined for anything else (a bug). */
export function answerOf(error: unknown): ErrorAnswer | undefined {
  if (error instanceof FhirError)
    return {
      status: error.status,
      outcome: operationOutcome('error', error.code, error.message, error.expression),
    };
  if (error instanceof FhirErrors)
    return { status: error.status, outcome: operationOutcomeOf(error.issues) };
  if (error instanceof AppError)
    return { status: error.status, outcome: operationOutcomeOf(appErrorIssues(error)) };
  // Fastify's own client errors: a body too large, a route parameter its schema refuses.
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return {
      status,
      outcome: operationOutcome('error', issueCodeOf(status), (error as Error).message),
    };
  return undefined;
}
