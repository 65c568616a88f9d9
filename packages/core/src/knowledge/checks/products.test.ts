import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../default-knowledge-base';
import { ESKETAMINE_NASAL_PRODUCT_ID } from '../ids';
import { computeKnowledgeVersion, type KnowledgeContent } from '../knowledge-version';
import type { EsketaminePhase } from '../schema/esketamine-schedule';
import type { NasalDevice, Product } from '../schema/product';
import { validateKnowledgeBase } from '../validate-knowledge-base';

const sprayIndex = knowledgeBase.products.findIndex((p) => p.id === ESKETAMINE_NASAL_PRODUCT_ID);
const spray = knowledgeBase.products[sprayIndex]!;
const device = spray.device!;

/** Problems of the built-in base with one change, under a fresh version stamp. */
function problemsOf(content: KnowledgeContent): [string, string | undefined][] {
  const kb = { ...content, knowledgeVersion: computeKnowledgeVersion(content) };
  return validateKnowledgeBase(kb).map((p) => [p.code, p.path]);
}

function withProducts(change: (p: Product) => Product): [string, string | undefined][] {
  return problemsOf({ ...knowledgeBase, products: knowledgeBase.products.map(change) });
}

function withDevice(changes: Partial<NasalDevice> | undefined): [string, string | undefined][] {
  return withProducts((p) => {
    if (p.id !== ESKETAMINE_NASAL_PRODUCT_ID) return p;
    const { device: _device, ...rest } = p;
    return changes === undefined ? rest : { ...p, device: { ...device, ...changes } };
  });
}

function withPhases(change: (phase: EsketaminePhase) => EsketaminePhase) {
  return problemsOf({
    ...knowledgeBase,
    esketamineSchedules: knowledgeBase.esketamineSchedules.map((s) => ({
      ...s,
      phases: s.phases.map(change),
    })),
  });
}

const devicePath = `products[${sprayIndex}].device`;

describe('nasal spray facts the dose calculator relies on', () => {
  test('the built-in base states a session maximum of 84 mg, 3 devices [S14]', () => {
    expect(device.maxDosePerSession).toEqual({ mg: 84, sources: ['S14'] });
    expect(device.maxDosePerSession.mg / device.mgPerDevice).toBe(3);
  });

  test('a session maximum that is not a whole number of devices is rejected', () => {
    expect(withDevice({ maxDosePerSession: { mg: 98, sources: ['S14'] } })).toEqual([
      ['KB.RANGE_INVALID', `${devicePath}.maxDosePerSession.mg`],
    ]);
  });

  test('a session maximum without a source is rejected by the schema', () => {
    const problems = withDevice({ maxDosePerSession: { mg: 84, sources: [] } });
    expect(problems.map(([, path]) => path)).toEqual([
      `products[${sprayIndex}].device.maxDosePerSession.sources`,
    ]);
  });

  test('a schedule dose above the session maximum is rejected, phase by phase', () => {
    // Every phase of both schedules offers 84 mg.
    const phases = knowledgeBase.esketamineSchedules.flatMap((s, i) =>
      s.phases.map((_, p) => `esketamineSchedules[${i}].phases[${p}].doseOptionsMg`),
    );
    expect(withDevice({ maxDosePerSession: { mg: 56, sources: ['S14'] } })).toEqual(
      phases.map((path) => ['KB.RANGE_INVALID', path]),
    );
  });

  test('a schedule dose that is not a whole number of devices is rejected', () => {
    const problems = withPhases((phase) =>
      phase.name === 'maintenance' ? { ...phase, doseOptionsMg: [42, 56] } : phase,
    );
    expect(problems).toEqual([
      ['KB.RANGE_INVALID', 'esketamineSchedules[0].phases[1].doseOptionsMg'],
    ]);
  });

  test('sprays that do not add up to the device, or kits that do not add up, are rejected', () => {
    expect(withDevice({ mgPerSpray: 10 })).toEqual([
      ['KB.RANGE_INVALID', `${devicePath}.mgPerSpray`],
    ]);
    const kitProblems = withProducts((p) =>
      p.id === ESKETAMINE_NASAL_PRODUCT_ID
        ? { ...p, packages: p.packages.map((k) => (k.totalMg === 84 ? { ...k, devices: 4 } : k)) }
        : p,
    );
    expect(kitProblems).toEqual([
      ['KB.RANGE_INVALID', `products[${sprayIndex}].packages[1].totalMg`],
    ]);
  });

  test('the nasal spray without device facts is rejected', () => {
    expect(withDevice(undefined)).toEqual([
      ['KB.MISSING_FACT', devicePath],
      ['KB.MISSING_FACT', devicePath],
    ]);
  });

  test('device facts on an injection are rejected', () => {
    expect(withProducts((p) => (p.form === 'injection-solution' ? { ...p, device } : p))).toEqual(
      [0, 1, 2].map((i) => ['KB.MISSING_FACT', `products[${i}].device`]),
    );
  });
});

describe('ketamine vial strengths', () => {
  test('the injection products are the 10, 50 and 100 mg/mL the calculator accepts', () => {
    const strengths = knowledgeBase.products
      .filter((p) => p.form === 'injection-solution')
      .map((p) => p.strength.value);
    expect(strengths).toEqual([10, 50, 100]);
  });

  test('an injection strength the calculator does not accept is rejected', () => {
    expect(
      withProducts((p) =>
        p.strength.value === 10 && p.form === 'injection-solution'
          ? { ...p, strength: { value: 20, unit: 'mg/mL' } }
          : p,
      ),
    ).toEqual([['KB.RANGE_INVALID', 'products']]);
  });
});
