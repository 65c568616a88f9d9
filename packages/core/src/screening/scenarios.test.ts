import { describe, expect, test } from 'vitest';
import { applyClinicSettings } from '../knowledge/settings/apply-clinic-settings';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { BASE_PATIENT, SCENARIO_AS_OF, SCENARIOS } from './scenarios';
import { screenInput } from './screen';

function run(
  patient: unknown,
  product: 'ketamine-iv' | 'esketamine-nasal' = 'ketamine-iv',
  kb = knowledgeBase,
) {
  const result = screenInput(patient, kb, {
    indication: 'depression',
    product,
    asOf: SCENARIO_AS_OF,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('screening scenarios (scenarios.ts)', () => {
  test('the table has at least 60 cases', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(60);
  });

  test.each(SCENARIOS)('$name → $decision ($reason)', (s) => {
    const result = run({ ...BASE_PATIENT, ...s.patient }, s.product);
    const codes = result.findings.map((f) => f.code);
    expect(result.decision).toBe(s.decision);
    for (const code of s.present ?? []) expect(codes).toContain(code);
    for (const code of s.absent ?? []) expect(codes).not.toContain(code);
  });

  test.each(SCENARIOS)('$name: sources unique by id, evidence on every finding', (s) => {
    for (const f of run({ ...BASE_PATIENT, ...s.patient }, s.product).findings) {
      const ids = f.sources.map((src) => src.id);
      expect(ids, f.code).toEqual([...new Set(ids)]);
      expect(f.evidence.length, f.code).toBeGreaterThan(0);
    }
  });
});

describe('KetaFlow patient JSON cites the patient as `patient`', () => {
  test('missing pregnancy status lists each source once and names the patient checked', () => {
    const f = run({ ...BASE_PATIENT, sex: 'female' }).findings.find(
      (x) => x.code === 'SCREEN.MISSING_PREGNANCY_STATUS',
    );
    const ids = f?.sources.map((s) => s.id) ?? [];
    expect(ids).toContain('S02');
    expect(ids).toEqual([...new Set(ids)]);
    expect(f?.evidence).toEqual([
      { reference: 'patient', display: 'female, 40 years: no pregnancy status' },
    ]);
  });

  test('under 18 and deceased cite `patient`', () => {
    const result = run({ ...BASE_PATIENT, birthDate: '2010-05-01', deceased: true });
    const refs = (code: string) =>
      result.findings.find((x) => x.code === code)?.evidence.map((e) => e.reference);
    expect(refs('SCREEN.UNDER_18')).toEqual(['patient']);
    expect(refs('SCREEN.PATIENT_DECEASED')).toEqual(['patient']);
  });
});

describe('screening result contract', () => {
  const result = run({
    ...BASE_PATIENT,
    medications: [{ id: 'm1', text: 'Xanax 0.5 mg' }],
    conditions: [{ text: 'stroke' }],
  });

  test('every finding has a short summary, evidence and resolvable sources', () => {
    for (const f of result.findings) {
      expect(f.summary.length).toBeLessThanOrEqual(140);
      expect(f.evidence.length).toBeGreaterThan(0);
      expect(f.sources.length).toBeGreaterThan(0);
    }
  });

  test('evidence names the triggering item', () => {
    const ix = result.findings.find((f) => f.code === 'IX.BENZODIAZEPINES');
    expect(ix?.evidence).toEqual([{ reference: 'medications/m1', display: 'Xanax 0.5 mg' }]);
  });

  test('contraindicated results carry the indication alternatives and the KB version', () => {
    expect(result.decision).toBe('contraindicated');
    expect(result.alternatives).toEqual([knowledgeBase.alternatives.depression]);
    expect(result.knowledgeVersion).toBe(knowledgeBase.knowledgeVersion);
  });

  test('an eligible result has no alternatives', () => {
    expect(run(BASE_PATIENT).alternatives).toEqual([]);
  });
});

describe('clinic settings change the outcome', () => {
  test('a clinic severity override turns benzodiazepines into info', () => {
    const kb = applyClinicSettings(knowledgeBase, { severities: { 'IX.BENZODIAZEPINES': 'info' } });
    if (!kb.ok) throw new Error('settings rejected');
    const result = run(
      { ...BASE_PATIENT, medications: [{ text: 'Xanax' }] },
      'ketamine-iv',
      kb.value,
    );
    expect(result.decision).toBe('eligible-with-precautions');
  });

  test('a longer BP window accepts an older reading', () => {
    const kb = applyClinicSettings(knowledgeBase, { bloodPressure: { readingMaxAgeDays: 90 } });
    if (!kb.ok) throw new Error('settings rejected');
    const patient = {
      ...BASE_PATIENT,
      bloodPressure: [{ date: '2025-01-15', systolicMmHg: 120, diastolicMmHg: 80 }],
    };
    expect(run(patient).decision).toBe('needs-review');
    expect(run(patient, 'ketamine-iv', kb.value).decision).toBe('eligible');
  });

  test('a lower hard BP threshold makes 170/95 a contraindication', () => {
    const kb = applyClinicSettings(knowledgeBase, { bloodPressure: { hardSystolicMmHg: 160 } });
    if (!kb.ok) throw new Error('settings rejected');
    const patient = {
      ...BASE_PATIENT,
      bloodPressure: [{ date: '2025-02-28', systolicMmHg: 170, diastolicMmHg: 95 }],
    };
    expect(run(patient).decision).toBe('needs-review');
    expect(run(patient, 'ketamine-iv', kb.value).decision).toBe('contraindicated');
  });

  test('inconsistent pregnancy ages are refused with their path', () => {
    const kb = applyClinicSettings(knowledgeBase, { pregnancyStatus: { askMinAgeYears: 60 } });
    expect(kb.ok ? [] : kb.error).toContainEqual(
      expect.objectContaining({
        code: 'SETTINGS.INCONSISTENT',
        path: 'pregnancyStatus.askMinAgeYears',
      }),
    );
  });
});

describe('bad input is a list of problems with paths, never a throw', () => {
  test.each([
    [{ sex: 'female', medications: [{ status: 'active' }] }, 'medications[0]'],
    [{ sex: 'robot' }, 'sex'],
    [
      { sex: 'male', bloodPressure: [{ date: 'yesterday', systolicMmHg: 120, diastolicMmHg: 80 }] },
      'bloodPressure[0].date',
    ],
    [{ resourceType: 'Bundle' }, 'entry'],
    [{ resourceType: 'Bundle', entry: ['not a resource'] }, 'entry[0].resource'],
  ])('%j is refused at %s', (input, path) => {
    const result = screenInput(input, knowledgeBase, {
      indication: 'depression',
      product: 'ketamine-iv',
      asOf: SCENARIO_AS_OF,
    });
    expect(result.ok ? [] : result.error.map((p) => p.path)).toContain(path);
  });
});
