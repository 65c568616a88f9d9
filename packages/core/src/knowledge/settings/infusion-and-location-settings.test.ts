import { describe, expect, test } from 'vitest';
import type { Problem } from '../../result';
import { knowledgeBase } from '../default-knowledge-base';
import { validateKnowledgeBase } from '../validate-knowledge-base';
import { applyClinicSettings } from './apply-clinic-settings';

function problemsOf(input: unknown): readonly Problem[] {
  const result = applyClinicSettings(knowledgeBase, input);
  if (result.ok) throw new Error('expected problems, got a knowledge base');
  return result.error;
}

describe('infusion preparation settings', () => {
  const settings = {
    infusionPreparation: {
      diluent: '5% dextrose',
      bagVolumeMl: 250,
      bagMode: 'withdraw-equal-volume',
      volumeIncrementMl: 0.1,
      rateIncrementMlPerHour: 1,
    },
  };
  const result = applyClinicSettings(knowledgeBase, settings);
  const kb = result.ok ? result.value : undefined;

  test('are applied, and the base stays valid with a new version', () => {
    expect(result.ok).toBe(true);
    expect(validateKnowledgeBase(kb)).toEqual([]);
    expect(kb?.infusionPreparation).toMatchObject(settings.infusionPreparation);
    expect(kb?.knowledgeVersion).not.toBe(knowledgeBase.knowledgeVersion);
  });

  test.each([
    ['diluent', '0.9% sodium chloride', '5% dextrose'],
    ['bagVolumeMl', 100, 250],
    ['bagMode', 'add-to-bag', 'withdraw-equal-volume'],
    ['volumeIncrementMl', 0.01, 0.1],
    ['rateIncrementMlPerHour', 0.1, 1],
  ] as const)('records the override of %s (%j to %j)', (key, from, to) => {
    const path = `infusionPreparation.${key}`;
    expect(kb?.overrides).toContainEqual({ path, target: path, from, to });
  });

  test('a value equal to the default is not an override', () => {
    const same = applyClinicSettings(knowledgeBase, { infusionPreparation: { bagVolumeMl: 100 } });
    expect(same.ok && same.value.overrides).toEqual([]);
  });

  test.each([
    [{ bagVolumeMl: 0 }, 'infusionPreparation.bagVolumeMl'],
    [{ bagVolumeMl: 5000 }, 'infusionPreparation.bagVolumeMl'],
    [{ bagMode: 'replace' }, 'infusionPreparation.bagMode'],
    [{ volumeIncrementMl: -0.01 }, 'infusionPreparation.volumeIncrementMl'],
    [{ rateIncrementMlPerHour: '0.1' }, 'infusionPreparation.rateIncrementMlPerHour'],
    [{ diluent: '' }, 'infusionPreparation.diluent'],
    [{ syringe: '1 mL' }, 'infusionPreparation.syringe'],
  ])('%j is refused at %s', (prep, path) => {
    expect(problemsOf({ infusionPreparation: prep }).map((p) => p.path)).toEqual([path]);
  });
});

describe('per-location guardrails', () => {
  test('may tighten the clinic limits, noted under the location', () => {
    const result = applyClinicSettings(knowledgeBase, {
      guardrails: { depression: { doseMgPerKg: { hard: { max: 0.9 } } } },
      locations: {
        'main-street': { guardrails: { depression: { doseMgPerKg: { hard: { max: 0.8 } } } } },
      },
    });
    const kb = result.ok ? result.value : undefined;
    expect(kb?.locationGuardrails['main-street']?.depression?.doseMgPerKg.hard.max).toBe(0.8);
    expect(kb?.doseGuardrails.depression.doseMgPerKg.hard.max).toBe(0.9);
    expect(kb?.overrides).toContainEqual({
      path: 'locations.main-street.guardrails.depression.doseMgPerKg.hard.max',
      target: 'locationGuardrails.main-street.depression.doseMgPerKg.hard.max',
      from: 0.9,
      to: 0.8,
    });
  });

  test.each([
    [
      'above the knowledge base',
      { locations: { north: { guardrails: { ptsd: { doseMgPerKg: { hard: { max: 1.2 } } } } } } },
      'locations.north.guardrails.ptsd.doseMgPerKg.hard.max',
    ],
    [
      "above the clinic's own tightened limit",
      {
        guardrails: { migraine: { doseRateMgPerKgPerHour: { hard: { max: 0.8 } } } },
        locations: {
          north: { guardrails: { migraine: { doseRateMgPerKgPerHour: { hard: { max: 0.9 } } } } },
        },
      },
      'locations.north.guardrails.migraine.doseRateMgPerKgPerHour.hard.max',
    ],
    [
      'a total dose above the knowledge base',
      { locations: { north: { guardrails: { ocd: { totalDoseMg: { hard: { max: 300 } } } } } } },
      'locations.north.guardrails.ocd.totalDoseMg.hard.max',
    ],
    [
      'a lower hard weight minimum',
      { locations: { north: { guardrails: { ocd: { weightKg: { hard: { min: 20 } } } } } } },
      'locations.north.guardrails.ocd.weightKg.hard.min',
    ],
  ])('may not loosen a hard limit: %s', (_what, settings, path) => {
    expect(problemsOf(settings)).toContainEqual(
      expect.objectContaining({ code: 'SETTINGS.LOOSENS_HARD_LIMIT', path }),
    );
  });

  test('a location limit below the protocol default is refused at its path', () => {
    const problems = problemsOf({
      locations: { north: { guardrails: { depression: { doseMgPerKg: { hard: { max: 0.4 } } } } } },
    });
    expect(problems.map((p) => p.path)).toContain(
      'locations.north.guardrails.depression.doseMgPerKg.hard.max',
    );
  });

  test.each([['Main Street'], ['-north'], ['north_1'], ['NORTH'], ['a'.repeat(65)], ['']])(
    'location code %j is refused',
    (code) => {
      const problems = problemsOf({
        locations: { [code]: { guardrails: { ptsd: { doseMgPerKg: { hard: { max: 0.8 } } } } } },
      });
      expect(problems).toHaveLength(1);
      expect(problems[0]?.code).toBe('SETTINGS.INVALID_VALUE');
      expect(problems[0]?.path).toContain('locations');
    },
  );

  test('an unknown protocol under a location is refused', () => {
    expect(problemsOf({ locations: { north: { guardrails: { sleep: {} } } } })).toEqual([
      expect.objectContaining({ path: 'locations.north.guardrails.sleep' }),
    ]);
  });
});
