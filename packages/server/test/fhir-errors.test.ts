/** How KetaFlow's errors become FHIR OperationOutcomes: status, issue code and the field named. */
import { describe, expect, test } from 'vitest';
import { AppError, ERROR_CATALOG, fieldErrors, type ErrorCode } from '../src/errors/catalog';
import { answerOf } from '../src/routes/fhir/error-outcome';
import { FhirError, FhirErrors, Problems } from '../src/routes/fhir/outcome';
import { r4Errors } from './r4-validation';

describe('FHIR error answers', () => {
  test.each<[ErrorCode, number, string]>([
    ['AUTH.REQUIRED', 401, 'login'],
    ['AUTH.FORBIDDEN', 403, 'forbidden'],
    ['RESOURCE.NOT_FOUND', 404, 'not-found'],
    ['RESOURCE.CONFLICT', 409, 'conflict'],
    ['SCHEDULE.SLOT_TAKEN', 409, 'conflict'],
    ['CDS.PREFETCH_UNAVAILABLE', 412, 'processing'],
    ['RATE_LIMITED', 429, 'throttled'],
    ['DOSE.BLOCKED', 422, 'invalid'],
    ['REQUEST.MALFORMED', 400, 'invalid'],
    ['SERVER.UNAVAILABLE', 503, 'transient'],
  ])('an AppError %s answers %i coded %s', (code, status, issueCode) => {
    const answer = answerOf(new AppError(code));
    expect(answer?.status).toBe(status);
    expect(answer?.outcome).toEqual({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: issueCode, diagnostics: ERROR_CATALOG[code].title }],
    });
    expect(r4Errors(answer?.outcome)).toEqual([]);
  });

  test.each([
    [413, 'too-costly'],
    [429, 'throttled'],
    [405, 'not-supported'],
    [409, 'conflict'],
    [400, 'invalid'],
  ])("Fastify's own %i answers coded %s", (status, issueCode) => {
    const error = Object.assign(new Error('refused by Fastify'), { statusCode: status });
    const answer = answerOf(error);
    expect(answer?.status).toBe(status);
    expect(answer?.outcome.issue).toEqual([
      { severity: 'error', code: issueCode, diagnostics: 'refused by Fastify' },
    ]);
    expect(r4Errors(answer?.outcome)).toEqual([]);
  });

  test('an AppError with field errors answers its message, then one issue per field naming it', () => {
    const error = fieldErrors([
      { path: 'body.weight.value', message: 'must be above 0' },
      { path: 'query.date', message: 'is not a date' },
    ]);
    const answer = answerOf(error);
    expect(answer?.status).toBe(400);
    expect(answer?.outcome.issue).toEqual([
      { severity: 'error', code: 'invalid', diagnostics: error.message },
      {
        severity: 'error',
        code: 'invalid',
        diagnostics: 'body.weight.value: must be above 0',
        expression: ['body.weight.value'],
      },
      {
        severity: 'error',
        code: 'invalid',
        diagnostics: 'query.date: is not a date',
        expression: ['query.date'],
      },
    ]);
    expect(r4Errors(answer?.outcome)).toEqual([]);
  });

  /** What `settle` throws, if anything. */
  function settled(problems: Problems): unknown {
    try {
      problems.settle();
      return undefined;
    } catch (error) {
      return error;
    }
  }

  test('a problem alone keeps its status; problems of different statuses answer 400 together', () => {
    const alone = new Problems();
    alone.add(new FhirError(422, 'value', 'only one', 'x'));
    expect(answerOf(settled(alone))).toEqual({
      status: 422,
      outcome: {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'value', diagnostics: 'only one', expression: ['x'] }],
      },
    });
    const same = new Problems();
    same.add(new FhirError(422, 'value', 'first', 'x'));
    same.add(new FhirError(422, 'value', 'second', 'y'));
    expect(answerOf(settled(same))?.status).toBe(422);
    const mixed = new Problems();
    mixed.add(new FhirError(422, 'value', 'first', 'x'));
    mixed.add(new FhirError(404, 'not-found', 'second', 'y'));
    const thrown = settled(mixed);
    expect(thrown).toBeInstanceOf(FhirErrors);
    expect(answerOf(thrown)).toEqual({
      status: 400,
      outcome: {
        resourceType: 'OperationOutcome',
        issue: [
          { severity: 'error', code: 'value', diagnostics: 'first', expression: ['x'] },
          { severity: 'error', code: 'not-found', diagnostics: 'second', expression: ['y'] },
        ],
      },
    });
    expect(settled(new Problems())).toBeUndefined();
  });
});
