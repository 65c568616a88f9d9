import { describe, expect, test } from 'vitest';
import { knowledgeBase } from './index';

const trd = knowledgeBase.esketamineSchedules.find((s) => s.id === 'esketamine-trd');
const suicidal = knowledgeBase.esketamineSchedules.find(
  (s) => s.id === 'esketamine-mdd-acute-suicidal-ideation',
);

describe('esketamine schedules (US label)', () => {
  // [phase, from week, to week, sessions/week min, max, dose options] per reference section 2.3
  test.each([
    ['induction', 1, 4, 2, 2, [56, 84]],
    ['maintenance', 5, 8, 1, 1, [56, 84]],
    ['continuation', 9, null, 0.5, 1, [56, 84]],
  ] as const)('TRD %s: weeks %d-%s, %d-%d a week, %j mg', (name, from, to, min, max, doses) => {
    const phase = trd?.phases.find((p) => p.name === name);
    expect([phase?.fromWeek, phase?.toWeek]).toEqual([from, to]);
    expect(phase?.sessionsPerWeek).toEqual({ min, max });
    expect(phase?.doseOptionsMg).toEqual(doses);
  });

  test('TRD starts at 56 mg and allows 84 mg only after a first 56 mg', () => {
    expect(trd?.phases[0]?.firstSessionDoseMg).toBe(56);
    expect(trd?.doseRequiresPriorDose).toEqual([{ doseMg: 84, requiresPriorDoseMg: 56 }]);
  });

  test('acute suicidal ideation: 84 mg twice weekly for 4 weeks, reducible to 56 mg', () => {
    expect(suicidal?.phases).toHaveLength(1);
    expect(suicidal?.phases[0]).toMatchObject({ fromWeek: 1, toWeek: 4, defaultDoseMg: 84 });
    expect(suicidal?.phases[0]?.doseOptionsMg).toContain(56);
  });

  test.each([trd, suicidal])('observe 2 h and recheck BP at 40 min', (schedule) => {
    expect(schedule?.observationMinMinutes).toBe(120);
    expect(schedule?.bpRecheckMinutesAfterDose).toBe(40);
  });
});
