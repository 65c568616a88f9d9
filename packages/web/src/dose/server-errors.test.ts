import { describe, expect, test } from 'vitest';
import { ApiProblemError, toProblem } from '../api/problem';
import { toServerErrors } from './server-errors';

const weightChange = {
  level: 'soft',
  code: 'DOSE.WEIGHT_CHANGE',
  message: 'Weight 80 kg is more than 10% from the last recorded 70 kg (a clinic setting)',
  field: 'weightKg',
  value: { value: 80, unit: 'kg' },
  limit: { value: 77, unit: 'kg' },
  overridden: false,
  basis: 'clinic-setting',
  clinicSetting: {
    scope: 'clinic',
    knowledgeBaseLimit: { value: 77, unit: 'kg' },
    setting: 'weightChangeSoftFraction',
    atDefault: true,
  },
};
const hardRate = {
  level: 'hard',
  code: 'DOSE.DOSE_RATE_ABOVE_HARD_LIMIT',
  message: 'Dose rate 1.8 mg/kg/h is above the hard maximum of 1.5 mg/kg/h: blocked',
  basis: 'knowledge-base',
};

function refusal(body: Record<string, unknown>): ApiProblemError {
  return new ApiProblemError(toProblem(422, 'Unprocessable Entity', body), body);
}

describe('a DOSE.* refusal on the dose screen', () => {
  test('keeps each limit with whether it is a clinic setting', () => {
    const errors = toServerErrors(
      refusal({
        title: 'A hard dose limit blocks this calculation',
        detail: hardRate.message,
        code: 'DOSE.BLOCKED',
        errors: [{ path: 'body', message: `${hardRate.code}: ${hardRate.message}` }],
        limits: [hardRate, weightChange],
      }),
      'ketamine-iv',
    );
    expect(errors.limits).toEqual([
      { level: 'hard', code: hardRate.code, message: hardRate.message, basis: 'knowledge-base' },
      {
        level: 'soft',
        code: weightChange.code,
        message: weightChange.message,
        basis: 'clinic-setting',
        clinicSetting: weightChange.clinicSetting,
      },
    ]);
    // The limits are listed once, under the problem's title, not again as loose text.
    expect(errors.message).toBe('A hard dose limit blocks this calculation');
  });

  test('a reason the server asks for still lands on its limit', () => {
    const errors = toServerErrors(
      refusal({
        title: 'A soft dose limit needs a reason before going on',
        detail: 'Give a reason for each soft limit: DOSE.WEIGHT_CHANGE',
        code: 'DOSE.OVERRIDE_REASON_REQUIRED',
        errors: [
          { path: 'body.overrides', message: `${weightChange.code}: ${weightChange.message}` },
        ],
        limits: [weightChange],
      }),
      'ketamine-iv',
    );
    expect(errors.reasons).toEqual({
      'DOSE.WEIGHT_CHANGE': 'The server needs a reason for this limit',
    });
    expect(errors.limits.map((l) => l.basis)).toEqual(['clinic-setting']);
  });

  test('an older server’s limits, without a basis, and malformed entries', () => {
    const errors = toServerErrors(
      refusal({
        title: 'A hard dose limit blocks this calculation',
        detail: hardRate.message,
        code: 'DOSE.BLOCKED',
        limits: [
          { level: 'hard', code: hardRate.code, message: hardRate.message },
          { level: 'severe', code: 'DOSE.X', message: 'not a level' },
          'not a limit',
        ],
      }),
      'ketamine-iv',
    );
    expect(errors.limits).toEqual([
      { level: 'hard', code: hardRate.code, message: hardRate.message },
    ]);
  });

  test('a refusal without limits keeps its detail', () => {
    const errors = toServerErrors(
      refusal({
        title: 'The patient has no recorded weight',
        detail: 'Record the patient’s weight first.',
        code: 'DOSE.NO_WEIGHT',
      }),
      'ketamine-iv',
    );
    expect(errors).toEqual({
      message: 'Record the patient’s weight first.',
      fields: {},
      reasons: {},
      limits: [],
    });
  });
});
