import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PROTOCOL_IDS } from '../knowledge/ids';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { calculateInfusion } from './calculate-infusion';
import { dosingProtocolFor } from './from-knowledge';
import type {
  DoseGuardrails,
  DosingProtocol,
  InfusionCalculation,
  InfusionInput,
  InfusionSettings,
  SoftHardRange,
} from './types';

/** A decimal with at most `digits` decimals in [min, max]. */
function decimal(min: number, max: number, digits: number): fc.Arbitrary<number> {
  const scale = 10 ** digits;
  return fc
    .integer({ min: Math.ceil(min * scale), max: Math.floor(max * scale) })
    .map((n) => n / scale);
}

/** A bound tightened to `fraction` of itself (3 decimals, never below 0.001). */
function tighten(bound: number | undefined, fraction: number): number | undefined {
  return bound === undefined
    ? undefined
    : Math.max(0.001, Math.round(bound * fraction * 1000) / 1000);
}

function tightenRange(r: SoftHardRange, fraction: number): SoftHardRange {
  const hardMax = tighten(r.hard.max, fraction);
  const softMax =
    r.soft.max === undefined || hardMax === undefined ? r.soft.max : Math.min(r.soft.max, hardMax);
  const softMin =
    r.soft.min === undefined || softMax === undefined ? r.soft.min : Math.min(r.soft.min, softMax);
  const hardMin =
    r.hard.min === undefined || softMin === undefined ? r.hard.min : Math.min(r.hard.min, softMin);
  return {
    soft: {
      ...(softMin === undefined ? {} : { min: softMin }),
      ...(softMax === undefined ? {} : { max: softMax }),
    },
    hard: {
      ...(hardMin === undefined ? {} : { min: hardMin }),
      ...(hardMax === undefined ? {} : { max: hardMax }),
    },
  };
}

/** A real protocol, its hard maxima tightened at random (as a location or clinic might). */
const protocolArb: fc.Arbitrary<DosingProtocol> = fc
  .record({
    id: fc.constantFrom(...PROTOCOL_IDS),
    tightened: fc.boolean(),
    dose: fc.double({ min: 0.2, max: 1, noNaN: true }),
    total: fc.double({ min: 0.05, max: 1, noNaN: true }),
    rate: fc.double({ min: 0.2, max: 1, noNaN: true }),
    concentration: fc.double({ min: 0.02, max: 1, noNaN: true }),
  })
  .map(({ id, tightened, dose, total, rate, concentration }) => {
    const base = dosingProtocolFor(knowledgeBase, id);
    if (!tightened) return base;
    const g = base.guardrails;
    const guardrails: DoseGuardrails = {
      ...g,
      doseMgPerKg: tightenRange(g.doseMgPerKg, dose),
      totalDoseMg: tightenRange(g.totalDoseMg, total),
      doseRateMgPerKgPerHour: tightenRange(g.doseRateMgPerKgPerHour, rate),
      finalConcentrationMgPerMl: tightenRange(g.finalConcentrationMgPerMl, concentration),
    };
    // Keep the protocol's default inside its (possibly tightened) usual range.
    return { ...base, guardrails };
  });

const settingsArb: fc.Arbitrary<InfusionSettings> = fc.record({
  bagVolumeMl: fc.oneof(
    { arbitrary: fc.constantFrom(50, 100, 250, 500), weight: 4 },
    { arbitrary: decimal(0.1, 1000, 1), weight: 1 },
  ),
  bagMode: fc.constantFrom('add-to-bag', 'withdraw-equal-volume'),
  volumeIncrementMl: fc.constantFrom(0.01, 0.02, 0.05, 0.1, 0.5, 1),
  rateIncrementMlPerHour: fc.constantFrom(0.1, 0.5, 1, 5),
});

/** Mostly plausible values near the limits, sometimes far past them (weights 5–400 kg). */
const weightArb = fc.oneof(
  { arbitrary: decimal(28, 255, 3).map((value) => ({ value, unit: 'kg' as const })), weight: 3 },
  { arbitrary: decimal(5, 400, 3).map((value) => ({ value, unit: 'kg' as const })), weight: 1 },
  { arbitrary: decimal(10, 880, 2).map((value) => ({ value, unit: 'lb' as const })), weight: 2 },
);

const inputArb: fc.Arbitrary<InfusionInput> = fc.record(
  {
    protocol: protocolArb,
    weight: weightArb,
    vialConcentration: fc
      .constantFrom(10, 50, 100)
      .map((value) => ({ value, unit: 'mg/mL' as const })),
    settings: settingsArb,
    dose: fc.oneof(
      {
        arbitrary: decimal(0.05, 1.2, 4).map((value) => ({ value, unit: 'mg/kg' as const })),
        weight: 3,
      },
      {
        arbitrary: decimal(0.0001, 5, 4).map((value) => ({ value, unit: 'mg/kg' as const })),
        weight: 1,
      },
      { arbitrary: decimal(1, 150, 2).map((value) => ({ value, unit: 'mg' as const })), weight: 2 },
      {
        arbitrary: decimal(0.001, 2000, 3).map((value) => ({ value, unit: 'mg' as const })),
        weight: 1,
      },
    ),
    duration: fc.oneof(
      {
        arbitrary: decimal(15, 400, 1).map((value) => ({ value, unit: 'min' as const })),
        weight: 3,
      },
      {
        arbitrary: decimal(0.1, 1500, 1).map((value) => ({ value, unit: 'min' as const })),
        weight: 1,
      },
      {
        arbitrary: decimal(0.01, 24, 2).map((value) => ({ value, unit: 'h' as const })),
        weight: 1,
      },
    ),
  },
  { requiredKeys: ['protocol', 'weight', 'vialConcentration', 'settings'] },
);

function calculated(input: InfusionInput): InfusionCalculation {
  const result = calculateInfusion(input);
  if (!result.ok) throw new Error(`unexpected problems ${JSON.stringify(result.error)}`);
  return result.value;
}

const EPS = 1e-9;

describe('dose arithmetic properties', () => {
  test('drug volume × vial strength is the drawn dose, within one volume step of the dose', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const c = calculated(input);
        const strength = input.vialConcentration.value;
        const increment = input.settings.volumeIncrementMl;
        expect(c.drawnDose.value).toBeCloseTo(c.drugVolume.value * strength, 9);
        // Half a volume step from volume rounding, half of 0.01 mg from showing the dose.
        expect(Math.abs(c.drawnDose.value - c.dose.value)).toBeLessThanOrEqual(
          (strength * increment) / 2 + 0.005 + EPS,
        );
      }),
    );
  });

  test('rate × duration is the total volume, within the pump increment', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const c = calculated(input);
        const hours = c.duration.value / 60;
        expect(Math.abs(c.rate.value * hours - c.totalVolume.value) / hours).toBeLessThanOrEqual(
          input.settings.rateIncrementMlPerHour / 2 + EPS,
        );
        const expectedTotal =
          input.settings.bagMode === 'add-to-bag'
            ? input.settings.bagVolumeMl + c.drugVolume.value
            : input.settings.bagVolumeMl;
        expect(c.totalVolume.value).toBeCloseTo(expectedTotal, 9);
      }),
    );
  });

  test('nothing past a hard limit is returned unblocked', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const c = calculated(input);
        if (c.limits.some((l) => l.level === 'hard')) expect(c.blocked).toBe(true);
        if (c.blocked) return;
        const g = input.protocol.guardrails;
        const within = (value: number, range: SoftHardRange): void => {
          expect(value).toBeLessThanOrEqual(range.hard.max ?? Infinity);
          expect(value).toBeGreaterThanOrEqual(range.hard.min ?? 0);
        };
        within(c.dosePerKg.value, g.doseMgPerKg);
        within(c.dose.value, g.totalDoseMg);
        within(c.doseRate.mgPerKgPerHour.value, g.doseRateMgPerKgPerHour);
        within(c.duration.value, g.durationMin);
        within(c.concentration.value, g.finalConcentrationMgPerMl);
        expect(c.concentration.value).toBeLessThanOrEqual(50);
        expect(c.actualWeight.value).toBeGreaterThanOrEqual(g.weightKg.hard.min ?? 0);
        expect(c.actualWeight.value).toBeLessThanOrEqual(g.weightKg.hard.max ?? Infinity);
        expect(c.drugVolume.value).toBeGreaterThan(0);
        expect(c.rate.value).toBeGreaterThan(0);
        if (input.settings.bagMode === 'withdraw-equal-volume') {
          expect(c.drugVolume.value).toBeLessThanOrEqual(input.settings.bagVolumeMl);
        }
        // What the patient receives: the dose drawn up after the volume rounding, per kg of the
        // dosing weight and of the measured weight, and the dose rate and infusion time at the
        // pump rate programmed after its rounding.
        const atMost = (value: number, max: number | undefined): void => {
          expect(value).toBeLessThanOrEqual((max ?? Infinity) * (1 + 1e-12));
        };
        const drawn = c.drawnDose.value;
        const lighter = Math.min(c.dosingWeight.value, c.actualWeight.value);
        atMost(drawn / lighter, g.doseMgPerKg.hard.max);
        atMost(drawn, g.totalDoseMg.hard.max);
        const pumpedMgPerHour = (c.rate.value * drawn) / c.totalVolume.value;
        atMost(pumpedMgPerHour / lighter, g.doseRateMgPerKgPerHour.hard.max);
        const pumpedMinutes = (c.totalVolume.value / c.rate.value) * 60;
        expect(pumpedMinutes).toBeGreaterThanOrEqual((g.durationMin.hard.min ?? 0) * (1 - 1e-12));
      }),
      { numRuns: 1000 },
    );
  });

  test('an ideal or adjusted dosing weight never carries the dose per measured kg past a hard limit', () => {
    const basisArb = fc.record({
      input: inputArb,
      basis: fc.constantFrom('ideal', 'adjusted'),
      heightCm: decimal(152.4, 215, 1),
      sex: fc.constantFrom('female', 'male'),
    });
    fc.assert(
      fc.property(basisArb, ({ input, basis, heightCm, sex }) => {
        const c = calculated({
          ...input,
          weightBasis: basis,
          height: { value: heightCm, unit: 'cm' },
          sex,
        });
        if (c.blocked) return;
        const g = input.protocol.guardrails;
        expect(c.drawnDose.value / c.actualWeight.value).toBeLessThanOrEqual(
          (g.doseMgPerKg.hard.max ?? Infinity) * (1 + 1e-12),
        );
      }),
      { numRuns: 500 },
    );
  });

  test('a weight in lb gives the same result as the same weight in kg', () => {
    const lbArb = fc.record({
      centiPounds: fc.integer({ min: 1000, max: 88_000 }),
      input: inputArb,
    });
    fc.assert(
      fc.property(lbArb, ({ centiPounds, input }) => {
        // Grams, half up: lb × 0.45359237 kg/lb, exactly, in integers.
        const grams = Number((BigInt(centiPounds) * 45_359_237n + 5_000_000n) / 10_000_000n);
        const inLb = calculated({ ...input, weight: { value: centiPounds / 100, unit: 'lb' } });
        const inKg = calculated({ ...input, weight: { value: grams / 1000, unit: 'kg' } });
        const { steps: _s1, notes: _n1, ...numbersLb } = inLb;
        const { steps: _s2, notes: _n2, ...numbersKg } = inKg;
        expect(numbersLb).toEqual(numbersKg);
        expect(inLb.notes).toContain(
          'Weight was entered in lb: ISMP advises recording weight in kg only [W1].',
        );
      }),
    );
  });

  test('results hold only finite numbers, each in a quantity with a unit', () => {
    const check = (value: unknown, path: string, parent: Record<string, unknown>): void => {
      if (typeof value === 'number') {
        expect(Number.isFinite(value), path).toBe(true);
        // Every number is the value of a { value, unit } quantity.
        expect(path.endsWith('.value'), path).toBe(true);
        expect(typeof parent.unit === 'string' && parent.unit !== '', path).toBe(true);
      } else if (typeof value === 'object' && value !== null) {
        for (const [key, child] of Object.entries(value)) {
          check(child, `${path}.${key}`, value as Record<string, unknown>);
        }
      }
    };
    fc.assert(
      fc.property(inputArb, (input) => {
        const c = calculated(input);
        check(c, 'result', {});
      }),
    );
  });

  test('any value in any field gives a result or problems, never a throw', () => {
    const junk = fc.oneof(
      fc.anything(),
      fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, 1e12, null, '80', [80]),
      fc.record({
        value: fc.oneof(fc.double(), fc.anything()),
        unit: fc.oneof(fc.string(), fc.anything()),
      }),
    );
    const fields = [
      'protocol',
      'dose',
      'weight',
      'height',
      'sex',
      'weightBasis',
      'vialConcentration',
      'settings',
      'duration',
      'lastRecordedWeight',
      'asOf',
      'overrides',
    ] as const;
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...fields), junk, (input, field, value) => {
        const result = calculateInfusion({ ...input, [field]: value });
        if (!result.ok) {
          expect(result.error.length).toBeGreaterThan(0);
          for (const p of result.error) expect(p.path).toBeDefined();
        } else {
          expect(Number.isFinite(result.value.rate.value)).toBe(true);
        }
      }),
    );
  });
});
