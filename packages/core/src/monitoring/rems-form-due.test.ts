import { describe, expect, test } from 'vitest';
import { knowledgeBase as kb } from '../knowledge/index';
import { applyClinicSettings } from '../knowledge/settings/apply-clinic-settings';
import { remsFormDue } from './rems-form-due';

describe('the esketamine REMS form deadline', () => {
  test('is a clinic setting of 7 days after the session by default, since no source gives one', () => {
    const deadline = kb.monitoring.esketamineSession.remsFormDue;
    expect(deadline).toMatchObject({ daysAfterSession: 7, basis: 'clinic-setting' });
    expect(deadline.note).toContain('No source gives a deadline');
    expect(remsFormDue(kb, '2026-03-02')).toEqual({
      dueBy: '2026-03-09',
      daysAfterSession: 7,
      basis: 'clinic-setting',
    });
    // Calendar days: across the end of February and a daylight-saving change alike.
    expect(remsFormDue(kb, '2026-02-26').dueBy).toBe('2026-03-05');
    expect(remsFormDue(kb, '2026-03-25').dueBy).toBe('2026-04-01');
  });

  test('a clinic sets its own number of days, listed among the overrides', () => {
    const applied = applyClinicSettings(kb, { monitoring: { esketamineRemsFormDueDays: 3 } });
    if (!applied.ok) throw new Error(JSON.stringify(applied.error));
    expect(remsFormDue(applied.value, '2026-03-02')).toEqual({
      dueBy: '2026-03-05',
      daysAfterSession: 3,
      basis: 'clinic-setting',
    });
    expect(applied.value.monitoring.esketamineSession.remsFormDue.note).toMatch(
      /^Set by the clinic \(knowledge-base default 7 days\)/,
    );
    expect(applied.value.overrides).toContainEqual({
      path: 'monitoring.esketamineRemsFormDueDays',
      target: 'monitoring.esketamineSession.remsFormDue.daysAfterSession',
      from: 7,
      to: 3,
    });
  });

  // Each refused value beside the nearest one accepted: whole days from 1 to 30.
  test.each([
    ['no days at all', 0, 1],
    ['more than a month', 31, 30],
    ['part of a day', 2.5, 2],
    ['a number written as text', '7', 7],
  ])('refuses %s with the setting path', (_name, refused, accepted) => {
    const applied = applyClinicSettings(kb, { monitoring: { esketamineRemsFormDueDays: refused } });
    expect(applied.ok).toBe(false);
    if (!applied.ok)
      expect(applied.error.map((p) => p.path)).toEqual(['monitoring.esketamineRemsFormDueDays']);
    const near = applyClinicSettings(kb, { monitoring: { esketamineRemsFormDueDays: accepted } });
    expect(near.ok && near.value.monitoring.esketamineSession.remsFormDue.daysAfterSession).toBe(
      accepted,
    );
  });
});
