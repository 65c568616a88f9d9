/** FHIR R4 errors: every failure under /fhir is an OperationOutcome (https://hl7.org/fhir/R4/operationoutcome.html). */

export type FhirResource = { resourceType: string; id?: string } & Record<string, unknown>;

export const FHIR_JSON = 'application/fhir+json';

export type IssueCode =
  | 'not-found'
  | 'invalid'
  | 'required'
  | 'value'
  | 'not-supported'
  | 'login'
  | 'forbidden'
  | 'exception'
  | 'informational';

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

export function operationOutcome(
  severity: 'fatal' | 'error' | 'warning' | 'information',
  code: IssueCode,
  diagnostics: string,
  expression?: string,
): FhirResource {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity,
        code,
        diagnostics,
        ...(expression === undefined ? {} : { expression: [expression] }),
      },
    ],
  };
}
