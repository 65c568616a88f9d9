import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../default-knowledge-base';
import { validateKnowledgeBase } from '../validate-knowledge-base';
import { applyClinicSettings } from './apply-clinic-settings';

describe('scheduling defaults', () => {
  test('are clinic settings with documented, conservative values', () => {
    expect(knowledgeBase.scheduling).toMatchObject({
      minSpacingHours: 48,
      nurseCapacity: 2,
      holdExpiryMinutes: 10,
      patientCancellationCutoffHours: 24,
      patientRescheduleCutoffHours: 24,
      slotGranularityMinutes: 15,
      reminderLeadHours: 24,
      basis: 'clinic-setting',
    });
  });

  test('esketamine recovery is the knowledge base’s observation minimum, not a copy', () => {
    expect(knowledgeBase.scheduling.appointmentTypes['esketamine-session'].recoveryMinutes).toBe(
      knowledgeBase.monitoring.esketamineSession.observationMinMinutes,
    );
    expect(knowledgeBase.scheduling.appointmentTypes.infusion.treatmentMinutes).toBeNull();
  });
});

describe('scheduling settings', () => {
  test('are applied and listed as overrides; the base stays valid', () => {
    const result = applyClinicSettings(knowledgeBase, {
      scheduling: {
        minSpacingHours: 72,
        nurseCapacity: 3,
        reminderLeadHours: 48,
        appointmentTypes: { infusion: { recoveryMinutes: 45 } },
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(validateKnowledgeBase(result.value)).toEqual([]);
    expect(result.value.scheduling.minSpacingHours).toBe(72);
    expect(result.value.scheduling.appointmentTypes.infusion).toEqual({
      preCheckMinutes: 15,
      treatmentMinutes: null,
      recoveryMinutes: 45,
    });
    expect(result.value.overrides).toEqual(
      expect.arrayContaining([
        {
          path: 'scheduling.minSpacingHours',
          target: 'scheduling.minSpacingHours',
          from: 48,
          to: 72,
        },
        { path: 'scheduling.nurseCapacity', target: 'scheduling.nurseCapacity', from: 2, to: 3 },
        {
          path: 'scheduling.reminderLeadHours',
          target: 'scheduling.reminderLeadHours',
          from: 24,
          to: 48,
        },
        {
          path: 'scheduling.appointmentTypes.infusion.recoveryMinutes',
          target: 'scheduling.appointmentTypes.infusion.recoveryMinutes',
          from: 60,
          to: 45,
        },
      ]),
    );
  });

  test.each([
    [
      'esketamine recovery below the label observation',
      { appointmentTypes: { 'esketamine-session': { recoveryMinutes: 60 } } },
      'SETTINGS.BELOW_MINIMUM',
      'scheduling.appointmentTypes.esketamine-session.recoveryMinutes',
    ],
    [
      'an infusion treatment time (it is the protocol’s)',
      { appointmentTypes: { infusion: { treatmentMinutes: 30 } } },
      'SETTINGS.NOT_SETTABLE',
      'scheduling.appointmentTypes.infusion.treatmentMinutes',
    ],
    ['a nurse capacity of 0', { nurseCapacity: 0 }, undefined, 'scheduling.nurseCapacity'],
    // The server books at most six lanes per nurse: 8 would silently become 6.
    [
      'a nurse capacity above the six chairs the server can book',
      { nurseCapacity: 7 },
      undefined,
      'scheduling.nurseCapacity',
    ],
    ['an unknown key', { bufferMinutes: 5 }, undefined, 'scheduling.bufferMinutes'],
  ])('refuses %s with its path', (_name, scheduling, code, path) => {
    const result = applyClinicSettings(knowledgeBase, { scheduling });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path, ...(code === undefined ? {} : { code }) }),
      ]),
    );
  });
});
