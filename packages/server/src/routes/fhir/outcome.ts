/** FHIR R4 errors: every failure under /fhir is an OperationOutcome (https://hl7.org/fhir/R4/operationoutcome.html). */

export type FhirResource = { resourceType: string; id?: string } & Record<string, unknown>;

export const FHIR_JSON = 'application/fhir+json';

/** The issue types KetaFlow answers with (https://hl7.org/fhir/R4/valueset-issue-type.html). */
export type IssueCode =
  | 'not-found'
  | 'invalid'
  | 'required'
  | 'value'
  | 'not-supported'
  | 'login'
  | 'forbidden'
  | 'conflict'
  | 'processing'
  | 'too-costly'
  | 'throttled'
  | 'transient'
  | 'exception'
  | 'informational';

export type IssueSeverity = 'fatal' | 'error' | 'warning' | 'information';

/** One `OperationOutcome.issue`. */
export interface Issue {
  readonly severity: IssueSeverity;
  readonly code: IssueCode;
  readonly diagnostics: string;
  readonly expression?: string | undefined;
}

/** An error that answers as an OperationOutcome with the given HTTP status. */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly code: IssueCode,
    message: string,
    readonly expression?: string,
  ) {
    super(message);
    this.name = 'FhirError';
  }
}

/**
 * Several problems found together (a transaction Bundle's checks), answered as one OperationOutcome
 * with an issue each, so that an integrator can fix them all before sending again.
 */
export class FhirErrors extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly FhirError[],
    /** Problems found beyond those listed (MAX_ISSUES), counted in a last issue. */
    readonly omitted: number,
  ) {
    super(errors.map((e) => e.message).join(' '));
    this.name = 'FhirErrors';
  }

  get issues(): Issue[] {
    const listed = this.errors.map((e): Issue => ({
      severity: 'error',
      code: e.code,
      diagnostics: e.message,
      expression: e.expression,
    }));
    if (this.omitted === 0) return listed;
    return [
      ...listed,
      {
        severity: 'information',
        code: 'informational',
        diagnostics: `${String(this.omitted)} more problems were found and not listed; fix these and send the request again to see them.`,
      },
    ];
  }
}

/** The most problems one OperationOutcome lists; more are counted, not listed. */
export const MAX_ISSUES = 100;

/**
 * Collects the problems found while checking a request instead of stopping at the first one.
 * `settle` throws them: the lone FhirError as it is, or several as one FhirErrors.
 */
export class Problems {
  private readonly found: FhirError[] = [];
  private omitted = 0;

  get count(): number {
    return this.found.length + this.omitted;
  }

  add(error: FhirError): void {
    if (this.found.length < MAX_ISSUES) this.found.push(error);
    else this.omitted += 1;
  }

  /** `check`'s value; a FhirError it throws is kept and undefined returned. Other errors are bugs. */
  attempt<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (error) {
      this.keep(error);
      return undefined;
    }
  }

  /** `attempt` for a check that reads the database. */
  async attemptAsync<T>(check: () => Promise<T>): Promise<T | undefined> {
    try {
      return await check();
    } catch (error) {
      this.keep(error);
      return undefined;
    }
  }

  /** Keeps a FhirError; anything else is a bug and goes on. */
  private keep(error: unknown): void {
    if (!(error instanceof FhirError)) throw error;
    this.add(error);
  }

  /** Throws what was found, if anything. */
  settle(): void {
    const [first] = this.found;
    if (first === undefined) return;
    if (this.found.length === 1 && this.omitted === 0) throw first;
    // Each problem keeps its own status when it is alone. Together they answer with the status
    // they share (today every import problem is a 400); problems of different statuses answer
    // 400, the status for a request the client has to fix, since no one of them speaks for all.
    const statuses = new Set(this.found.map((e) => e.status));
    throw new FhirErrors(statuses.size === 1 ? first.status : 400, this.found, this.omitted);
  }
}

export function operationOutcomeOf(issues: readonly Issue[]): FhirResource {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity: i.severity,
      code: i.code,
      diagnostics: i.diagnostics,
      ...(i.expression === undefined ? {} : { expression: [i.expression] }),
    })),
  };
}

export function operationOutcome(
  severity: IssueSeverity,
  code: IssueCode,
  diagnostics: string,
  expression?: string,
): FhirResource {
  return operationOutcomeOf([{ severity, code, diagnostics, expression }]);
}
