import { describe, expect, test } from 'vitest';
import { knowledgeBase as kb } from '../knowledge/index';
import { applyClinicSettings } from '../knowledge/settings/apply-clinic-settings';
import { checkReading, nextReadingDueAt } from './check-reading';
import { dischargeReadiness, isPostDoseBpCheck, scoreAldrete } from './discharge';
import { evaluatePreCheck, type PreCheckInput } from './pre-check';
import { PRE_CHECK_CASES, READING_CASES } from './reading-cases';
import { SESSION_STATES, transitionSession, type SessionState } from './session-state';

const context = { product: 'ketamine-iv', phase: 'during' } as const;

describe('checkReading against the knowledge base limits', () => {
  test.each(READING_CASES)('$name → $codes ($source)', ({ reading, codes }) => {
    expect(checkReading(kb, reading, context).map((f) => f.code)).toEqual(codes);
  });

  test('each finding carries its threshold, basis and sources', () => {
    const [f] = checkReading(kb, { spo2: 90 }, context);
    expect(f).toMatchObject({
      threshold: 92,
      basis: 'clinic-setting',
      sources: ['S01', 'S73'],
      side: 'low',
    });
  });

  test('the alert text says when its limit is a clinic setting, with the value', () => {
    const [spo2] = checkReading(kb, { spo2: 90 }, context);
    expect(spo2?.message).toMatch(/below 92 %? ?\(a clinic setting\)$/);
    const [sourced] = checkReading(kb, { heartRate: 130 }, context);
    expect(sourced?.message).not.toContain('clinic setting');
    const applied = applyClinicSettings(kb, {
      monitoring: { alertLimits: { heartRate: { high: 110 } } },
    });
    if (!applied.ok) throw new Error(JSON.stringify(applied.error));
    const [moved] = checkReading(applied.value, { heartRate: 115 }, context);
    expect(moved?.message).toMatch(/above 110 .*\(a clinic setting\)$/);
  });

  test('a clinic setting moves a limit and marks it as a clinic setting', () => {
    const applied = applyClinicSettings(kb, { monitoring: { alertLimits: { spo2: { low: 94 } } } });
    if (!applied.ok) throw new Error(JSON.stringify(applied.error));
    expect(checkReading(applied.value, { spo2: 93 }, context).map((f) => f.code)).toEqual([
      'VITALS.SPO2_LOW',
    ]);
    expect(applied.value.overrides).toContainEqual(
      expect.objectContaining({ path: 'monitoring.alertLimits.spo2.low', from: 92, to: 94 }),
    );
  });

  test('a clinic may move an alert limit but not switch one off', () => {
    const applied = applyClinicSettings(kb, {
      monitoring: { alertLimits: { spo2: { low: null }, systolicMmHg: { high: null } } },
    });
    expect(applied.ok).toBe(false);
    if (applied.ok) return;
    expect(applied.error.map((p) => [p.code, p.path])).toEqual([
      ['SETTINGS.ALERT_LIMIT_REMOVED', 'monitoring.alertLimits.systolicMmHg.high'],
      ['SETTINGS.ALERT_LIMIT_REMOVED', 'monitoring.alertLimits.spo2.low'],
    ]);
    // SpO2 has no high limit in the knowledge base: leaving it unset is no change.
    expect(
      applyClinicSettings(kb, { monitoring: { alertLimits: { spo2: { high: null } } } }).ok,
    ).toBe(true);
  });

  test("esketamine's ~40-minute blood pressure counts from 30 minutes; a clinic may narrow that, not widen it", () => {
    const dosed = new Date('2026-03-02T14:00:00Z');
    const at = (minutes: number) => new Date(dosed.getTime() + minutes * 60_000);
    expect(isPostDoseBpCheck(kb, dosed, at(29))).toBe(false);
    expect(isPostDoseBpCheck(kb, dosed, at(30))).toBe(true);
    const narrow = applyClinicSettings(kb, { monitoring: { esketamineBpRecheckEarlyMin: 5 } });
    if (!narrow.ok) throw new Error(JSON.stringify(narrow.error));
    expect(isPostDoseBpCheck(narrow.value, dosed, at(34))).toBe(false);
    expect(isPostDoseBpCheck(narrow.value, dosed, at(35))).toBe(true);
    const wide = applyClinicSettings(kb, { monitoring: { esketamineBpRecheckEarlyMin: 20 } });
    expect(wide.ok).toBe(false);
    if (!wide.ok)
      expect(wide.error.map((p) => p.path)).toEqual(['monitoring.esketamineBpRecheckEarlyMin']);
  });

  test('a clinic cannot set a low limit above the high one', () => {
    const applied = applyClinicSettings(kb, {
      monitoring: { alertLimits: { heartRate: { low: 130 } } },
    });
    expect(applied.ok).toBe(false);
  });
});

describe('nextReadingDueAt', () => {
  const last = new Date('2026-03-02T14:00:00Z');
  test.each([
    ['during, in range: KB 10 min (S67, S68)', 'during', false, '2026-03-02T14:10:00.000Z'],
    ['after, in range: KB 15 min', 'after', false, '2026-03-02T14:15:00.000Z'],
    ['during, out of range: clinic 5 min', 'during', true, '2026-03-02T14:05:00.000Z'],
    ['after, out of range: clinic 5 min', 'after', true, '2026-03-02T14:05:00.000Z'],
  ] as const)('%s', (_name, phase, outOfRange, due) => {
    expect(nextReadingDueAt(kb, { lastReadingAt: last, phase, outOfRange }).toISOString()).toBe(
      due,
    );
  });
});

describe('evaluatePreCheck', () => {
  const base: PreCheckInput = {
    vitals: {
      systolicMmHg: 120,
      diastolicMmHg: 75,
      heartRate: 70,
      spo2: 98,
      respiratoryRate: 14,
      temperatureC: 36.6,
    },
    weightKg: 70,
    pregnancyTest: 'not-applicable',
    fasting: true,
    medicationChanges: [],
    consentOnFile: true,
  };
  test.each(PRE_CHECK_CASES)(
    '$name → $decision ($source)',
    ({ product, change, vitals, decision, codes }) => {
      const input = { ...base, ...change, vitals: { ...base.vitals, ...vitals } } as PreCheckInput;
      const result = evaluatePreCheck(kb, input, product);
      expect(result.decision).toBe(decision);
      expect(result.reasons.map((r) => r.code)).toEqual(codes);
    },
  );

  test('a missing vital is never normal: every reason names its field and sources', () => {
    const result = evaluatePreCheck(kb, { vitals: {} }, 'ketamine-iv');
    expect(result.decision).toBe('do-not-start');
    expect(
      result.reasons.filter((r) => r.code === 'PRECHECK.VITAL_MISSING').map((r) => r.field),
    ).toEqual([
      'vitals.systolicMmHg',
      'vitals.diastolicMmHg',
      'vitals.heartRate',
      'vitals.spo2',
      'vitals.respiratoryRate',
      'vitals.temperatureC',
    ]);
    expect(result.reasons.every((r) => r.sources.length > 0)).toBe(true);
  });
});

describe('session state machine', () => {
  const allowed: Record<SessionState, SessionState[]> = {
    'checked-in': ['pre-check', 'stopped'],
    'pre-check': ['pre-check', 'in-progress', 'stopped'],
    'in-progress': ['recovery', 'stopped'],
    recovery: ['discharged', 'stopped'],
    discharged: [],
    stopped: [],
  };
  const pairs = SESSION_STATES.flatMap((from) => SESSION_STATES.map((to) => [from, to] as const));

  test.each(pairs.filter(([f, t]) => allowed[f].includes(t)))('allows %s → %s', (from, to) => {
    expect(transitionSession(from, to)).toEqual({ ok: true, value: to });
  });

  test.each(pairs.filter(([f, t]) => !allowed[f].includes(t)))('refuses %s → %s', (from, to) => {
    const r = transitionSession(from, to);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('SESSION.TRANSITION_INVALID');
  });
});

describe('modified Aldrete and discharge readiness', () => {
  const full = {
    activity: 2,
    respiration: 2,
    circulation: 2,
    consciousness: 2,
    oxygenSaturation: 2,
  };
  const now = new Date('2026-03-02T16:00:00Z');
  const ready = {
    product: 'ketamine-iv',
    aldrete: full,
    escortName: 'Sam',
    openAlertCount: 0,
    now,
    recoveryVitals: ['systolicMmHg', 'diastolicMmHg', 'heartRate', 'spo2'],
  } as const;

  test('scores 0-10 and names each invalid item', () => {
    expect(scoreAldrete(full)).toEqual({ ok: true, value: 10 });
    const bad = scoreAldrete({ ...full, activity: 3, respiration: 1.5 });
    expect(bad.ok ? [] : bad.error.map((p) => p.path)).toEqual([
      'aldrete.activity',
      'aldrete.respiration',
    ]);
  });

  test.each([
    ['score 9 is enough (KB default, S74-S77)', { consciousness: 1 }, []],
    ['score 8 is not', { consciousness: 1, activity: 1 }, ['DISCHARGE.ALDRETE_TOO_LOW']],
    [
      'score 0',
      { activity: 0, respiration: 0, circulation: 0, consciousness: 0, oxygenSaturation: 0 },
      ['DISCHARGE.ALDRETE_TOO_LOW'],
    ],
  ] as const)('%s', (_name, change, codes) => {
    const r = dischargeReadiness(kb, { ...ready, aldrete: { ...full, ...change } });
    expect(r.unmet.map((u) => u.code)).toEqual(codes);
  });

  test('needs an escort, no open alerts and a recorded score', () => {
    const r = dischargeReadiness(kb, {
      ...ready,
      aldrete: undefined,
      escortName: '  ',
      openAlertCount: 2,
    });
    expect(r.unmet.map((u) => u.code)).toEqual([
      'DISCHARGE.ALDRETE_MISSING',
      'DISCHARGE.NO_ESCORT',
      'DISCHARGE.OPEN_ALERTS',
    ]);
    expect(r.ready).toBe(false);
  });

  test.each([
    [
      'nothing charted in recovery',
      undefined,
      ['systolicMmHg', 'diastolicMmHg', 'heartRate', 'spo2'],
    ],
    ['no SpO2 (Aldrete SpO2 item, S74)', ['systolicMmHg', 'diastolicMmHg', 'heartRate'], ['spo2']],
    ['no diastolic BP', ['systolicMmHg', 'heartRate', 'spo2'], ['diastolicMmHg']],
    [
      'temperature and respiratory rate are not required',
      ['systolicMmHg', 'diastolicMmHg', 'heartRate', 'spo2'],
      [],
    ],
  ] as const)('recovery vitals: %s', (_name, recoveryVitals, missing) => {
    const r = dischargeReadiness(kb, { ...ready, recoveryVitals });
    expect(r.unmet.map((u) => [u.code, u.field])).toEqual(
      missing.map((v) => ['DISCHARGE.RECOVERY_VITAL_MISSING', `readings.${v}`]),
    );
    expect(r.ready).toBe(missing.length === 0);
  });

  test('a clinic may require 10', () => {
    const applied = applyClinicSettings(kb, { monitoring: { aldreteMinScore: 10 } });
    if (!applied.ok) throw new Error(JSON.stringify(applied.error));
    const r = dischargeReadiness(applied.value, { ...ready, aldrete: { ...full, activity: 1 } });
    expect(r.unmet.map((u) => u.code)).toEqual(['DISCHARGE.ALDRETE_TOO_LOW']);
  });

  const dosedAt = new Date('2026-03-02T14:00:00Z');
  const esk = {
    ...ready,
    product: 'esketamine-nasal',
    dosedAt,
    bpBeforeDoseAt: new Date('2026-03-02T13:50:00Z'),
    bpAfterDoseAt: new Date('2026-03-02T14:40:00Z'),
  } as const;
  test.each([
    ['119 min after dosing (label: 2 h, S09a)', 119, ['DISCHARGE.OBSERVATION_TOO_SHORT']],
    ['120 min after dosing', 120, []],
    ['180 min after dosing', 180, []],
  ] as const)('esketamine %s', (_name, minutes, codes) => {
    const r = dischargeReadiness(kb, {
      ...esk,
      now: new Date(dosedAt.getTime() + minutes * 60_000),
    });
    expect(r.unmet.map((u) => u.code)).toEqual(codes);
  });

  test('esketamine needs BP before and about 40 min after dosing', () => {
    const r = dischargeReadiness(kb, {
      ...esk,
      bpBeforeDoseAt: undefined,
      bpAfterDoseAt: undefined,
      now: new Date('2026-03-02T17:00:00Z'),
    });
    expect(r.unmet.map((u) => u.code)).toEqual([
      'DISCHARGE.BP_AFTER_DOSE_MISSING',
      'DISCHARGE.BP_BEFORE_DOSE_MISSING',
    ]);
    const noDose = dischargeReadiness(kb, { ...esk, dosedAt: undefined });
    expect(noDose.unmet.map((u) => u.code)).toContain('DISCHARGE.DOSE_TIME_MISSING');
  });
});
