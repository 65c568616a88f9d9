/**
 * The one error catalog: every problem code the API can return, with its HTTP status and title.
 * Responses are RFC 9457 problem+json. `docs/errors.md` lists the same codes (a test keeps them in step).
 */
import type { DoseLimitJson, Problem } from '@ketaflow/core';

export const ERROR_CATALOG = {
  'VALIDATION.FAILED': { status: 400, title: 'The request has invalid fields' },
  'REQUEST.MALFORMED': { status: 400, title: 'The request body could not be read' },
  'AUTH.REQUIRED': { status: 401, title: 'Log-in required' },
  'AUTH.INVALID_CREDENTIALS': { status: 401, title: 'E-mail or password is wrong' },
  'AUTH.FORBIDDEN': { status: 403, title: 'Your role may not do this' },
  'AUTH.CSRF_INVALID': { status: 403, title: 'Missing or wrong CSRF token' },
  'AUTH.LOCKED': { status: 423, title: 'Account temporarily locked' },
  'AUTH.RESET_TOKEN_INVALID': { status: 400, title: 'The reset link is invalid or has expired' },
  'AUTH.EMAIL_NOT_VERIFIED': { status: 403, title: 'The e-mail address is not confirmed yet' },
  'AUTH.VERIFY_TOKEN_INVALID': {
    status: 400,
    title: 'The confirmation link is invalid or has expired',
  },
  'AUTH.EMAIL_ALREADY_CONFIRMED': {
    status: 409,
    title: 'The e-mail address of this account is already confirmed',
  },
  'RESOURCE.NOT_FOUND': { status: 404, title: 'Not found' },
  'RESOURCE.CONFLICT': { status: 409, title: 'The request conflicts with the current state' },
  'DOSE.BLOCKED': { status: 422, title: 'A hard dose limit blocks this calculation' },
  'DOSE.OVERRIDE_REASON_REQUIRED': {
    status: 422,
    title: 'A soft dose limit needs a reason before going on',
  },
  'DOSE.NO_WEIGHT': { status: 422, title: 'The patient has no recorded weight' },
  'SCREEN.STALE': {
    status: 409,
    title: 'The record changed after this screening; use the current one',
  },
  'SCREEN.CONTRAINDICATED': {
    status: 422,
    title: 'A contraindicated screening cannot be signed',
  },
  'SCREEN.REASON_REQUIRED': {
    status: 422,
    title: 'Each warning accepted needs a reason',
  },
  'COURSE.SCREENING_UNSIGNED': {
    status: 422,
    title: 'A course needs a signed screening',
  },
  'COURSE.SCREENING_STALE': {
    status: 409,
    title: 'The record changed after the screening was signed; sign the current one',
  },
  'COURSE.SCREENING_MISMATCH': {
    status: 422,
    title: 'The course does not match its screening',
  },
  'COURSE.OUT_OF_PROTOCOL': {
    status: 422,
    title: "The course rhythm is outside the protocol's range",
  },
  'COURSE.UNSCHEDULABLE': {
    status: 409,
    title: 'Not every session could be booked; nothing was booked',
  },
  'COURSE.TRANSITION_INVALID': {
    status: 409,
    title: 'This course status change is not allowed',
  },
  'APPOINTMENT.CUTOFF_PASSED': {
    status: 422,
    title: 'Too close to the appointment to change it online',
  },
  'SCHEDULE.SLOT_TAKEN': {
    status: 409,
    title: 'This time was just taken; pick another slot',
  },
  'SCHEDULE.CONFLICT': {
    status: 422,
    title: 'This time breaks a scheduling rule',
  },
  'SCHEDULE.HOLD_EXPIRED': {
    status: 409,
    title: 'The hold on this slot has expired',
  },
  'REQUEST.IDEMPOTENCY_MISMATCH': {
    status: 422,
    title: 'This Idempotency-Key was used for a different request',
  },
  'OUTCOME.UNKNOWN_INSTRUMENT': {
    status: 422,
    title: 'No such rating scale or custom form',
  },
  'OUTCOME.RESPONSE_INCOMPLETE': {
    status: 422,
    title: 'Every item must be answered; nothing was stored',
  },
  'OUTCOME.ALERT_CLOSED': {
    status: 409,
    title: 'This safety alert already has its follow-up documented',
  },
  'SESSION.APPOINTMENT_INVALID': {
    status: 422,
    title: 'A session needs a booked infusion or esketamine appointment today',
  },
  'SESSION.TRANSITION_INVALID': { status: 409, title: 'The session cannot move to this step now' },
  'SESSION.PRECHECK_BLOCKED': { status: 422, title: 'The pre-check says do not start' },
  'SESSION.APPROVAL_REQUIRED': {
    status: 422,
    title: 'The pre-check needs a prescriber’s approval before starting',
  },
  'SESSION.VIAL_EXPIRED': { status: 422, title: 'The vial is past its expiry date' },
  'SESSION.DISCHARGE_CRITERIA_UNMET': {
    status: 422,
    title: 'Discharge criteria are not met',
  },
  'SESSION.ALERT_CLOSED': { status: 409, title: 'This alert was already acknowledged' },
  'CDS.UNAUTHORIZED': {
    status: 401,
    title: 'The CDS client JWT is missing, unsigned, not allow-listed, expired or replayed',
  },
  'CDS.PREFETCH_UNAVAILABLE': {
    status: 412,
    title: 'The patient data the service needs was neither prefetched nor fetchable',
  },
  'DEVICE.TOKEN_INVALID': { status: 401, title: 'Missing, unknown or revoked device token' },
  'DEVICE.READING_OUT_OF_ORDER': {
    status: 409,
    title: 'A reading is older than the last one charted from this device; nothing was charted',
  },
  'DEVICE.READING_DUPLICATE': {
    status: 409,
    title: 'A reading was already charted from this device at that time; nothing was charted',
  },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  'SERVER.UNAVAILABLE': { status: 503, title: 'A dependency is unavailable' },
  'SERVER.INTERNAL': { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/**
 * A dose limit carried in a DOSE.* problem, so the client can show and override it: the same
 * object a calculation's `limits` hold, so a refusal says whether a clinic setting stopped it.
 */
export type ProblemLimit = DoseLimitJson;

export interface FieldError {
  /** Where the problem is, e.g. `body.weight.value`. */
  readonly path: string;
  readonly message: string;
  /** A namespaced reason, when the problem has several kinds (e.g. `SCHEDULE.CLOSED`). */
  readonly code?: string;
}

/** An expected failure on its way to the client as problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: readonly FieldError[] | undefined;
  readonly limits: readonly ProblemLimit[] | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    errors?: readonly FieldError[],
    limits?: readonly ProblemLimit[],
  ) {
    super(detail ?? ERROR_CATALOG[code].title);
    this.code = code;
    this.status = ERROR_CATALOG[code].status;
    this.errors = errors;
    this.limits = limits;
  }
}

/** A 400 naming every bad field; the detail lists them as `path: message; …`. */
export function fieldErrors(errors: readonly FieldError[]): AppError {
  return new AppError(
    'VALIDATION.FAILED',
    errors.map((e) => `${e.path}: ${e.message}`).join('; '),
    errors,
  );
}

/**
 * Core's problems as errors of the request body's fields: `body.<path>`, or for a problem that
 * names no field `body.<where>` (the whole `body` when `where` is not given).
 */
export function bodyFieldErrors(problems: readonly Problem[], where?: string): FieldError[] {
  return problems.map((p) => {
    const field = p.path ?? where;
    return {
      path: field === undefined ? 'body' : `body.${field}`,
      message: p.message,
      code: p.code,
    };
  });
}

/** Shorthand for a 400 naming one field. */
export function fieldError(path: string, message: string): AppError {
  return fieldErrors([{ path, message }]);
}
