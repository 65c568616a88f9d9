import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { checkPatientChange, holdExpiry } from './patient-rules';

const start = '2026-03-09T09:00:00-04:00';

describe('patient changes and holds', () => {
  test.each([
    // Default cut-off 24 h: 2026-03-08T09:00-04:00 is exactly 24 h before (allowed).
    ['cancel', '2026-03-08T13:00:00Z', true],
    ['cancel', '2026-03-08T13:01:00Z', false],
    ['reschedule', '2026-03-01T00:00:00Z', true],
    ['reschedule', '2026-03-09T12:00:00Z', false],
  ] as const)('%s at %s: allowed %s', (kind, asOf, allowed) => {
    const r = checkPatientChange(kind, start, asOf, knowledgeBase.scheduling);
    expect(r.ok).toBe(allowed);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'SCHEDULE.PAST_CUTOFF', path: 'start' });
  });

  test('an unreadable clock is an input problem', () => {
    expect(checkPatientChange('cancel', start, 'now', knowledgeBase.scheduling)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'SCHEDULE.INVALID_INSTANT', path: 'asOf' }) as unknown,
    });
  });

  test('a hold lapses holdExpiryMinutes after it is made', () => {
    expect(holdExpiry('2026-03-09T12:00:00Z', knowledgeBase.scheduling)).toBe(
      '2026-03-09T12:10:00.000Z',
    );
  });
});
