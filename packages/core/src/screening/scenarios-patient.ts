/**
 * Screening scenarios for the patient's own measures and status: blood pressure against the
 * knowledge base's limits, pregnancy, breastfeeding, age and death.
 */
import { type Scenario } from './scenario';

export const PATIENT_SCENARIOS: readonly Scenario[] = [
  // Blood pressure: soft 140/90, hard 180/100, window 30 days (KB defaults)
  {
    name: 'BP above hard limit',
    reason: '185/95 > 180 systolic',
    patient: { bloodPressure: [{ date: '2025-02-28', systolicMmHg: 185, diastolicMmHg: 95 }] },
    decision: 'contraindicated',
    present: ['CI.UNCONTROLLED_HYPERTENSION'],
  },
  {
    name: 'BP diastolic above hard limit',
    reason: '150/105 > 100 diastolic',
    patient: { bloodPressure: [{ date: '2025-02-28', systolicMmHg: 150, diastolicMmHg: 105 }] },
    decision: 'contraindicated',
    present: ['CI.UNCONTROLLED_HYPERTENSION'],
  },
  {
    name: 'BP above soft limit',
    reason: '150/85 > 140 systolic, below 180',
    patient: { bloodPressure: [{ date: '2025-02-28', systolicMmHg: 150, diastolicMmHg: 85 }] },
    decision: 'needs-review',
    present: ['CI.UNCONTROLLED_HYPERTENSION'],
  },
  {
    name: 'BP exactly at the soft limit',
    reason: 'strictly greater than 140/90 triggers',
    patient: { bloodPressure: [{ date: '2025-02-28', systolicMmHg: 140, diastolicMmHg: 90 }] },
    decision: 'eligible',
  },
  {
    name: 'most recent BP wins',
    reason: 'old high reading, new normal one',
    patient: {
      bloodPressure: [
        { date: '2025-02-01', systolicMmHg: 190, diastolicMmHg: 110 },
        { date: '2025-02-25', systolicMmHg: 120, diastolicMmHg: 80 },
      ],
    },
    decision: 'eligible',
  },
  {
    name: 'fractional BP just above the hard limit',
    reason: '180.4 > 180: compared unrounded, although it rounds to 180',
    patient: { bloodPressure: [{ date: '2025-02-25', systolicMmHg: 180.4, diastolicMmHg: 95 }] },
    decision: 'contraindicated',
    present: ['CI.UNCONTROLLED_HYPERTENSION'],
  },
  {
    name: 'fractional BP just below the soft limit',
    reason: '139.6/89.6 is not above 140/90, although it rounds to 140/90',
    patient: { bloodPressure: [{ date: '2025-02-25', systolicMmHg: 139.6, diastolicMmHg: 89.6 }] },
    decision: 'eligible',
    absent: ['CI.UNCONTROLLED_HYPERTENSION'],
  },
  {
    name: 'stale BP proves nothing',
    reason: '45 days old > 30-day window',
    patient: { bloodPressure: [{ date: '2025-01-15', systolicMmHg: 120, diastolicMmHg: 80 }] },
    decision: 'needs-review',
    present: ['SCREEN.MISSING_BLOOD_PRESSURE'],
  },
  {
    name: 'no BP at all',
    reason: 'missing data',
    patient: { bloodPressure: [] },
    decision: 'needs-review',
    present: ['SCREEN.MISSING_BLOOD_PRESSURE'],
  },
  // Pregnancy, breastfeeding, age
  {
    name: 'pregnant by status',
    reason: 'CI.PREGNANCY',
    patient: { sex: 'female', pregnancy: { status: 'pregnant', recordedOn: '2025-02-20' } },
    decision: 'contraindicated',
    present: ['CI.PREGNANCY'],
  },
  {
    name: 'current pregnancy condition',
    reason: 'onset 2 months ago, within 294 days',
    patient: {
      sex: 'female',
      conditions: [{ code: { system: 'snomed', code: '72892002' }, onset: '2025-01-01' }],
    },
    decision: 'contraindicated',
    present: ['CI.PREGNANCY'],
  },
  {
    name: 'years-old active pregnancy does not count',
    reason: 'older than the 294-day window',
    patient: {
      sex: 'female',
      pregnancy: { status: 'not-pregnant', recordedOn: '2025-02-25' },
      breastfeeding: false,
      conditions: [{ code: { system: 'snomed', code: '72892002' }, onset: '2015-01-01' }],
    },
    decision: 'eligible',
    absent: ['CI.PREGNANCY'],
  },
  {
    name: 'woman without pregnancy status',
    reason: 'missing data for someone who could be pregnant',
    patient: { sex: 'female' },
    decision: 'needs-review',
    present: ['SCREEN.MISSING_PREGNANCY_STATUS'],
  },
  {
    name: 'woman with an old negative status',
    reason: 'older than 14 days',
    patient: { sex: 'female', pregnancy: { status: 'not-pregnant', recordedOn: '2025-01-01' } },
    decision: 'needs-review',
    present: ['SCREEN.MISSING_PREGNANCY_STATUS'],
  },
  {
    name: 'woman of 70 is not asked',
    reason: 'above the 55-year ask range',
    patient: { sex: 'female', birthDate: '1955-01-01' },
    decision: 'eligible',
  },
  {
    name: 'pregnancy not possible',
    reason: 'recorded by a clinician',
    patient: { sex: 'female', pregnancy: { status: 'not-possible' }, breastfeeding: false },
    decision: 'eligible',
    absent: ['SCREEN.MISSING_PREGNANCY_STATUS'],
  },
  {
    name: 'pregnancy not possible, breastfeeding not recorded',
    reason: 'a pregnancy that is not possible now says nothing about breastfeeding',
    patient: { sex: 'female', pregnancy: { status: 'not-possible' } },
    decision: 'needs-review',
    present: ['SCREEN.MISSING_BREASTFEEDING_STATUS'],
    absent: ['SCREEN.MISSING_PREGNANCY_STATUS'],
  },
  {
    name: 'woman without breastfeeding status',
    reason: 'missing data for someone who could be breastfeeding (asked at the pregnancy ages)',
    patient: { sex: 'female', pregnancy: { status: 'not-pregnant', recordedOn: '2025-02-28' } },
    decision: 'needs-review',
    present: ['SCREEN.MISSING_BREASTFEEDING_STATUS'],
    absent: ['SCREEN.MISSING_PREGNANCY_STATUS', 'PL.BREASTFEEDING'],
  },
  {
    name: 'breastfeeding recorded as unknown',
    reason: 'unknown is missing data, never "not breastfeeding"',
    patient: {
      sex: 'female',
      pregnancy: { status: 'not-pregnant', recordedOn: '2025-02-28' },
      breastfeeding: 'unknown',
    },
    decision: 'needs-review',
    present: ['SCREEN.MISSING_BREASTFEEDING_STATUS'],
  },
  {
    name: 'woman not breastfeeding',
    reason: 'negative control: breastfeeding recorded as no',
    patient: {
      sex: 'female',
      pregnancy: { status: 'not-pregnant', recordedOn: '2025-02-28' },
      breastfeeding: false,
    },
    decision: 'eligible',
    absent: ['SCREEN.MISSING_BREASTFEEDING_STATUS', 'PL.BREASTFEEDING'],
  },
  {
    name: 'sex not recorded, breastfeeding not recorded',
    reason: 'asked of anyone but a man',
    patient: {
      sex: 'unknown',
      pregnancy: { status: 'not-pregnant', recordedOn: '2025-02-28' },
    },
    decision: 'needs-review',
    present: ['SCREEN.MISSING_BREASTFEEDING_STATUS'],
  },
  {
    name: 'woman of 70 is not asked about breastfeeding',
    reason: 'above the 55-year ask range of pregnancy (askAgeYears)',
    patient: { sex: 'female', birthDate: '1955-01-01' },
    decision: 'eligible',
    absent: ['SCREEN.MISSING_BREASTFEEDING_STATUS'],
  },
  {
    name: 'breastfeeding',
    reason: 'PL.BREASTFEEDING warning',
    patient: {
      sex: 'female',
      pregnancy: { status: 'not-pregnant', recordedOn: '2025-02-28' },
      breastfeeding: true,
    },
    decision: 'needs-review',
    present: ['PL.BREASTFEEDING'],
  },
  {
    name: 'under 18',
    reason: 'issue 4: under 18 needs review',
    patient: { birthDate: '2009-06-01' },
    decision: 'needs-review',
    present: ['SCREEN.UNDER_18'],
  },
  {
    name: 'eighteenth birthday today',
    reason: 'age 18 on 2025-03-01',
    patient: { birthDate: '2007-03-01' },
    decision: 'eligible',
  },
  {
    name: 'deceased patient',
    reason: 'a record of a death is never eligible (SCREEN.PATIENT_DECEASED, critical)',
    patient: { deceased: true },
    decision: 'contraindicated',
    present: ['SCREEN.PATIENT_DECEASED'],
  },
  {
    name: 'deceased: false is a living patient',
    reason: 'negative control',
    patient: { deceased: false },
    decision: 'eligible',
    absent: ['SCREEN.PATIENT_DECEASED'],
  },
];
