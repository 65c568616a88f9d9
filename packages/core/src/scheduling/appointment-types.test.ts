import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import { appointmentDuration } from './appointment-types';

describe('appointmentDuration', () => {
  test('an infusion is pre-check + the protocol duration + recovery', () => {
    // 15 + 40 (depression protocol default) + 60 = 115 minutes.
    expect(
      appointmentDuration(knowledgeBase, { appointmentType: 'infusion', protocolId: 'depression' }),
    ).toEqual({
      ok: true,
      value: { preCheckMinutes: 15, treatmentMinutes: 40, recoveryMinutes: 60, totalMinutes: 115 },
    });
    // Chronic pain: 15 + 240 + 60.
    const pain = appointmentDuration(knowledgeBase, {
      appointmentType: 'infusion',
      protocolId: 'chronic-pain',
    });
    expect(pain.ok && pain.value.totalMinutes).toBe(315);
  });

  test('an esketamine session observes for the knowledge base’s minimum', () => {
    const r = appointmentDuration(knowledgeBase, { appointmentType: 'esketamine-session' });
    const observation = knowledgeBase.monitoring.esketamineSession.observationMinMinutes;
    expect(r.ok && r.value.recoveryMinutes).toBe(observation);
    expect(r.ok && r.value.totalMinutes).toBe(15 + 15 + observation);
  });

  test('esketamine recovery follows a longer observation minimum in the knowledge base', () => {
    const kb: KnowledgeBase = {
      ...knowledgeBase,
      monitoring: {
        ...knowledgeBase.monitoring,
        esketamineSession: {
          ...knowledgeBase.monitoring.esketamineSession,
          observationMinMinutes: 150,
        },
      },
    };
    const r = appointmentDuration(kb, { appointmentType: 'esketamine-session' });
    expect(r.ok && r.value.recoveryMinutes).toBe(150);
  });

  test('consults and follow-ups are prescriber time only', () => {
    const consult = appointmentDuration(knowledgeBase, { appointmentType: 'consult-telemedicine' });
    expect(consult.ok && consult.value.totalMinutes).toBe(45);
    const followUp = appointmentDuration(knowledgeBase, { appointmentType: 'follow-up' });
    expect(followUp.ok && followUp.value.totalMinutes).toBe(20);
  });

  test.each([
    [{ appointmentType: 'infusion' as const }, 'SCHEDULE.PROTOCOL_REQUIRED', 'protocolId'],
    [
      {
        appointmentType: 'infusion' as const,
        protocolId: 'depression' as const,
        treatmentMinutes: 90,
      },
      'SCHEDULE.OUTSIDE_PROTOCOL',
      'treatmentMinutes',
    ],
  ])('%j is refused with %s at %s', (request, code, path) => {
    expect(appointmentDuration(knowledgeBase, request)).toEqual({
      ok: false,
      error: expect.objectContaining({ code, path }) as unknown,
    });
  });

  test('a prescribed infusion duration inside the protocol range is used', () => {
    const r = appointmentDuration(knowledgeBase, {
      appointmentType: 'infusion',
      protocolId: 'chronic-pain',
      treatmentMinutes: 300,
    });
    expect(r.ok && r.value.totalMinutes).toBe(375);
  });
});
