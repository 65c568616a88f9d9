import type { Decision, ScreeningProduct } from './types';
import type { PatientJson } from './patient-json';

/** A day every scenario is screened on: no test depends on today's date. */
export const SCENARIO_AS_OF = '2025-03-01';

/**
 * A 40-year-old man with a normal, recent blood pressure and a weight, whose history was taken
 * and holds no conditions, medicines or allergies (empty lists): eligible by himself.
 */
export const BASE_PATIENT: PatientJson = {
  birthDate: '1985-01-15',
  sex: 'male',
  conditions: [],
  medications: [],
  allergies: [],
  bloodPressure: [{ date: '2025-02-20', systolicMmHg: 122, diastolicMmHg: 78 }],
  weight: [{ date: '2025-02-20', valueKg: 80 }],
};

export interface Scenario {
  readonly name: string;
  /** Where the expectation comes from (KB code and its sources, issue 4, or arithmetic). */
  readonly reason: string;
  readonly patient: Partial<PatientJson>;
  readonly product?: ScreeningProduct;
  readonly decision: Decision;
  readonly present?: readonly string[];
  readonly absent?: readonly string[];
}

type Stopped = 'stopped' | 'completed' | 'entered-in-error' | 'cancelled';

function med(text: string, status?: Stopped): Partial<PatientJson> {
  return { medications: [status === undefined ? { text } : { text, status }] };
}

function rx(rxnorm: string, text?: string): Partial<PatientJson> {
  return { medications: [text === undefined ? { rxnorm } : { rxnorm, text }] };
}

const IX = 'interaction class rule in the KB';

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'negative control: healthy adult man',
    reason: 'no rule applies',
    patient: {},
    decision: 'eligible',
    absent: ['SCREEN.MISSING_BLOOD_PRESSURE'],
  },
  {
    name: 'negative control: statin',
    reason: 'simvastatin has no interaction class',
    patient: med('Simvastatin 20 MG Oral Tablet'),
    decision: 'eligible',
  },
  {
    name: 'negative control: acetaminophen alone',
    reason: 'no interaction class',
    patient: med('Tylenol 500 mg prn'),
    decision: 'eligible',
  },
  {
    name: 'negative control: metformin',
    reason: 'no interaction class',
    patient: med('metformin 500 mg bid'),
    decision: 'eligible',
  },
  {
    name: 'negative control: gabapentin',
    reason: 'no interaction class in the KB',
    patient: med('gabapentin 300 mg tid'),
    decision: 'eligible',
  },
  // Benzodiazepines: IX.BENZODIAZEPINES warning [SEED, S01, S34]
  {
    name: 'brand Xanax XR with strength and frequency',
    reason: `IX.BENZODIAZEPINES ${IX}`,
    patient: med('Xanax XR 1 mg tab bid'),
    decision: 'needs-review',
    present: ['IX.BENZODIAZEPINES'],
  },
  {
    name: 'generic alprazolam (hand-added code 596)',
    reason: 'IX.BENZODIAZEPINES',
    patient: rx('596'),
    decision: 'needs-review',
    present: ['IX.BENZODIAZEPINES'],
  },
  {
    name: 'clonazepam by brand Klonopin',
    reason: 'IX.BENZODIAZEPINES lists clonazepam',
    patient: med('Klonopin 0.5mg qhs'),
    decision: 'needs-review',
    present: ['IX.BENZODIAZEPINES'],
  },
  {
    name: 'misspelt clonazepam',
    reason: 'edit distance 1',
    patient: med('clonazapam 1 mg'),
    decision: 'needs-review',
    present: ['IX.BENZODIAZEPINES'],
  },
  {
    name: 'lorazepam SCD code',
    reason: 'RxNorm SCD 197901 lorazepam 1 MG Oral Tablet',
    patient: rx('197901'),
    decision: 'needs-review',
    present: ['IX.BENZODIAZEPINES'],
  },
  {
    name: 'old Synthea code falls back to display text',
    reason: 'code 563026 no longer resolves; text Diazepam [Valium]',
    patient: rx('563026', 'Diazepam [Valium]'),
    decision: 'needs-review',
    present: ['IX.BENZODIAZEPINES'],
  },
  {
    name: 'stopped benzodiazepine does not count',
    reason: 'issue 4: only current medicines',
    patient: med('Ativan 1 mg', 'stopped'),
    decision: 'eligible',
    absent: ['IX.BENZODIAZEPINES'],
  },
  {
    name: 'completed benzodiazepine does not count',
    reason: 'issue 4',
    patient: med('diazepam 5 mg', 'completed'),
    decision: 'eligible',
  },
  {
    name: 'entered-in-error benzodiazepine does not count',
    reason: 'issue 4',
    patient: med('temazepam 15 mg', 'entered-in-error'),
    decision: 'eligible',
  },
  {
    name: 'cancelled order does not count',
    reason: 'issue 4',
    patient: med('triazolam', 'cancelled'),
    decision: 'eligible',
  },
  // Z-drugs: IX.CNS_DEPRESSANTS warning [S01, S34, S93]
  {
    name: 'Z-drug Ambien',
    reason: 'IX.CNS_DEPRESSANTS lists zolpidem',
    patient: med('Ambien 10 mg at bedtime'),
    decision: 'needs-review',
    present: ['IX.CNS_DEPRESSANTS'],
  },
  {
    name: 'Z-drug eszopiclone generic',
    reason: 'IX.CNS_DEPRESSANTS',
    patient: med('eszopiclone 2 mg'),
    decision: 'needs-review',
    present: ['IX.CNS_DEPRESSANTS'],
  },
  // Opioids: IX.OPIOIDS warning [SEED, S01, S12, S34]
  {
    name: 'Norco combination',
    reason: 'hydrocodone + acetaminophen; IX.OPIOIDS',
    patient: med('Norco 10/325 q6h prn'),
    decision: 'needs-review',
    present: ['IX.OPIOIDS'],
  },
  {
    name: 'Vicodin combination',
    reason: 'IX.OPIOIDS example',
    patient: med('Vicodin'),
    decision: 'needs-review',
    present: ['IX.OPIOIDS'],
  },
  {
    name: 'Suboxone film',
    reason: 'buprenorphine + naloxone; IX.OPIOIDS',
    patient: med('Suboxone 8-2 mg SL film daily'),
    decision: 'needs-review',
    present: ['IX.OPIOIDS'],
  },
  {
    name: 'tramadol',
    reason: 'opioid class',
    patient: med('tramadol 50 mg q6h'),
    decision: 'needs-review',
    present: ['IX.OPIOIDS'],
  },
  {
    name: 'tapentadol brand Nucynta',
    reason: 'opioid class',
    patient: med('Nucynta ER 100 mg'),
    decision: 'needs-review',
    present: ['IX.OPIOIDS'],
  },
  {
    name: 'methadone',
    reason: 'IX.OPIOIDS example',
    patient: med('Methadose 40 mg daily'),
    decision: 'needs-review',
    present: ['IX.OPIOIDS'],
  },
  {
    name: 'Tylenol with Codeine',
    reason: 'codeine combination',
    patient: med('Tylenol with Codeine #3'),
    decision: 'needs-review',
    present: ['IX.OPIOIDS'],
  },
  {
    name: 'hydrocodone SCD code',
    reason: 'RxNorm 857005 acetaminophen/hydrocodone tablet',
    patient: rx('857005'),
    decision: 'needs-review',
    present: ['IX.OPIOIDS'],
  },
  {
    name: 'misspelt oxycodone',
    reason: 'edit distance 1',
    patient: med('oxycodon 5mg'),
    decision: 'needs-review',
    present: ['IX.OPIOIDS'],
  },
  // Barbiturates: IX.BARBITURATES warning [SEED, S01, S12]
  {
    name: 'Fioricet (butalbital)',
    reason: 'butalbital + acetaminophen + caffeine; IX.BARBITURATES',
    patient: med('Fioricet 1 cap q4h prn headache'),
    decision: 'needs-review',
    present: ['IX.BARBITURATES'],
  },
  {
    name: 'phenobarbital',
    reason: 'IX.BARBITURATES example',
    patient: med('phenobarbital 30 mg bid'),
    decision: 'needs-review',
    present: ['IX.BARBITURATES'],
  },
  {
    name: 'primidone',
    reason: 'IX.BARBITURATES example',
    patient: med('Mysoline 250 mg'),
    decision: 'needs-review',
    present: ['IX.BARBITURATES'],
  },
  // Antidepressants: IX.ANTIDEPRESSANTS info [SEED, S14, S34]
  {
    name: 'SSRI Zoloft',
    reason: 'IX.ANTIDEPRESSANTS info',
    patient: med('Zoloft 100 mg daily'),
    decision: 'eligible-with-precautions',
    present: ['IX.ANTIDEPRESSANTS'],
  },
  {
    name: 'misspelt sertraline',
    reason: 'edit distance 1',
    patient: med('setraline 50mg'),
    decision: 'eligible-with-precautions',
    present: ['IX.ANTIDEPRESSANTS'],
  },
  {
    name: 'SNRI Cymbalta',
    reason: 'duloxetine in IX.ANTIDEPRESSANTS',
    patient: med('Cymbalta 60 mg'),
    decision: 'eligible-with-precautions',
    present: ['IX.ANTIDEPRESSANTS'],
  },
  {
    name: 'tricyclic amitriptyline',
    reason: 'tricyclics grouped with antidepressants',
    patient: med('amitriptyline 25 mg qhs'),
    decision: 'eligible-with-precautions',
    present: ['IX.ANTIDEPRESSANTS'],
  },
  {
    name: 'fluoxetine SCD code',
    reason: 'RxNorm 310385 fluoxetine 20 MG Oral Capsule',
    patient: rx('310385'),
    decision: 'eligible-with-precautions',
    present: ['IX.ANTIDEPRESSANTS'],
  },
  // MAOIs: IX.MAOIS info [S34, S82, S83, S95]
  {
    name: 'MAOI Parnate',
    reason: 'IX.MAOIS',
    patient: med('Parnate 10 mg tid'),
    decision: 'eligible-with-precautions',
    present: ['IX.MAOIS'],
  },
  {
    name: 'selegiline patch Emsam',
    reason: 'IX.MAOIS lists selegiline',
    patient: med('Emsam 6 mg/24 hr patch'),
    decision: 'eligible-with-precautions',
    present: ['IX.MAOIS'],
  },
  // Antihypertensives: IX.ANTIHYPERTENSIVES info [SEED, S155]
  {
    name: 'beta blocker metoprolol',
    reason: 'IX.ANTIHYPERTENSIVES',
    patient: med('Metoprolol succinate ER 50 mg'),
    decision: 'eligible-with-precautions',
    present: ['IX.ANTIHYPERTENSIVES'],
  },
  {
    name: 'ACE inhibitor lisinopril',
    reason: 'IX.ANTIHYPERTENSIVES',
    patient: med('lisinopril 10 mg'),
    decision: 'eligible-with-precautions',
    present: ['IX.ANTIHYPERTENSIVES'],
  },
  {
    name: 'ARB by brand Cozaar',
    reason: 'IX.ANTIHYPERTENSIVES',
    patient: med('Cozaar 50'),
    decision: 'eligible-with-precautions',
    present: ['IX.ANTIHYPERTENSIVES'],
  },
  {
    name: 'calcium channel blocker Norvasc',
    reason: 'amlodipine (hand-added A ingredient)',
    patient: med('Norvasc 5 mg'),
    decision: 'eligible-with-precautions',
    present: ['IX.ANTIHYPERTENSIVES'],
  },
  {
    name: 'thiazide HCTZ abbreviation',
    reason: 'synonym hctz',
    patient: med('HCTZ 25'),
    decision: 'eligible-with-precautions',
    present: ['IX.ANTIHYPERTENSIVES'],
  },
  {
    name: 'clonidine',
    reason: 'central alpha-2 agonist',
    patient: med('clonidine 0.1 mg bid'),
    decision: 'eligible-with-precautions',
    present: ['IX.ANTIHYPERTENSIVES'],
  },
  // Psychostimulants: IX.PSYCHOSTIMULANTS info [S34, S81]
  {
    name: 'Adderall',
    reason: 'amphetamine + dextroamphetamine',
    patient: med('Adderall XR 20 mg qam'),
    decision: 'eligible-with-precautions',
    present: ['IX.PSYCHOSTIMULANTS'],
  },
  {
    name: 'methylphenidate brand Concerta',
    reason: 'IX.PSYCHOSTIMULANTS',
    patient: med('Concerta 36 mg'),
    decision: 'eligible-with-precautions',
    present: ['IX.PSYCHOSTIMULANTS'],
  },
  {
    name: 'modafinil',
    reason: 'IX.PSYCHOSTIMULANTS',
    patient: med('Provigil 200 mg'),
    decision: 'eligible-with-precautions',
    present: ['IX.PSYCHOSTIMULANTS'],
  },
  // Theophylline: IX.THEOPHYLLINE warning, ketamine only [S01, S155]
  {
    name: 'theophylline with IV ketamine',
    reason: 'IX.THEOPHYLLINE warning',
    patient: med('theophylline ER 300 mg'),
    decision: 'needs-review',
    present: ['IX.THEOPHYLLINE'],
  },
  {
    name: 'aminophylline (hand-added code 689)',
    reason: 'IX.THEOPHYLLINE',
    patient: rx('689'),
    decision: 'needs-review',
    present: ['IX.THEOPHYLLINE'],
  },
  {
    name: 'theophylline with esketamine',
    reason: 'IX.THEOPHYLLINE applies to ketamine only',
    patient: med('theophylline'),
    product: 'esketamine-nasal',
    decision: 'eligible',
    absent: ['IX.THEOPHYLLINE'],
  },
  // Sympathomimetics: IX.SYMPATHOMIMETICS_VASOPRESSIN info [S01]
  {
    name: 'Sudafed',
    reason: 'pseudoephedrine',
    patient: med('Sudafed 30 mg'),
    decision: 'eligible-with-precautions',
    present: ['IX.SYMPATHOMIMETICS_VASOPRESSIN'],
  },
  {
    name: 'thyroid hormone Synthroid',
    reason: 'IX.THYROID_HORMONES [S155]',
    patient: med('Synthroid 100 mcg'),
    decision: 'eligible-with-precautions',
    present: ['IX.THYROID_HORMONES'],
  },
  // Contraindications
  {
    name: 'schizophrenia by SNOMED',
    reason: 'CI.SCHIZOPHRENIA_OR_PSYCHOSIS critical',
    patient: { conditions: [{ code: { system: 'snomed', code: '58214004' } }] },
    decision: 'contraindicated',
    present: ['CI.SCHIZOPHRENIA_OR_PSYCHOSIS'],
  },
  {
    name: 'psychosis by ICD-10 prefix F29',
    reason: 'CI.SCHIZOPHRENIA_OR_PSYCHOSIS',
    patient: { conditions: [{ code: { system: 'icd10', code: 'F29' } }] },
    decision: 'contraindicated',
    present: ['CI.SCHIZOPHRENIA_OR_PSYCHOSIS'],
  },
  {
    name: 'resolved stroke still counts (history)',
    reason: 'CI.STROKE_OR_ANEURYSM_HISTORY historyCounts',
    patient: {
      conditions: [{ code: { system: 'snomed', code: '230690007' }, clinicalStatus: 'resolved' }],
    },
    decision: 'contraindicated',
    present: ['CI.STROKE_OR_ANEURYSM_HISTORY'],
  },
  {
    name: 'stroke in free text',
    reason: 'text synonym',
    patient: { conditions: [{ text: 'History of stroke in 2019' }] },
    decision: 'contraindicated',
    present: ['CI.STROKE_OR_ANEURYSM_HISTORY'],
  },
  {
    name: 'refuted stroke never counts',
    reason: 'issue 4',
    patient: {
      conditions: [
        { code: { system: 'snomed', code: '230690007' }, verificationStatus: 'refuted' },
      ],
    },
    decision: 'eligible',
  },
  {
    name: 'entered-in-error psychosis never counts',
    reason: 'issue 4',
    patient: {
      conditions: [
        { code: { system: 'icd10', code: 'F20.9' }, verificationStatus: 'entered-in-error' },
      ],
    },
    decision: 'eligible',
  },
  {
    name: 'resolved heart failure does not count',
    reason: 'CI.SEVERE_HEART_DISEASE historyCounts false',
    patient: {
      conditions: [{ code: { system: 'icd10', code: 'I50.9' }, clinicalStatus: 'resolved' }],
    },
    decision: 'eligible',
  },
  {
    name: 'active heart failure',
    reason: 'CI.SEVERE_HEART_DISEASE',
    patient: { conditions: [{ code: { system: 'snomed', code: '88805009' } }] },
    decision: 'contraindicated',
    present: ['CI.SEVERE_HEART_DISEASE'],
  },
  {
    name: 'cirrhosis',
    reason: 'CI.SEVERE_LIVER_DISEASE',
    patient: { conditions: [{ code: { system: 'icd10', code: 'K74.60' } }] },
    decision: 'contraindicated',
    present: ['CI.SEVERE_LIVER_DISEASE'],
  },
  {
    name: 'aneurysm with esketamine',
    reason: 'CI.ANEURYSMAL_VASCULAR_DISEASE (esketamine label)',
    patient: { conditions: [{ code: { system: 'icd10', code: 'I71.4' } }] },
    product: 'esketamine-nasal',
    decision: 'contraindicated',
    present: ['CI.ANEURYSMAL_VASCULAR_DISEASE'],
  },
  {
    name: 'AVM with esketamine',
    reason: 'CI.ARTERIOVENOUS_MALFORMATION',
    patient: { conditions: [{ text: 'AVM' }] },
    product: 'esketamine-nasal',
    decision: 'contraindicated',
    present: ['CI.ARTERIOVENOUS_MALFORMATION'],
  },
  {
    name: 'intracerebral haemorrhage with esketamine',
    reason: 'CI.INTRACEREBRAL_HEMORRHAGE_HISTORY',
    patient: {
      conditions: [{ code: { system: 'icd10', code: 'I61.9' }, clinicalStatus: 'resolved' }],
    },
    product: 'esketamine-nasal',
    decision: 'contraindicated',
    present: ['CI.INTRACEREBRAL_HEMORRHAGE_HISTORY'],
  },
  {
    name: 'thyrotoxicosis',
    reason: 'CI.BP_RISE_HAZARD example',
    patient: { conditions: [{ text: 'Thyrotoxicosis' }] },
    decision: 'contraindicated',
    present: ['CI.BP_RISE_HAZARD'],
  },
  {
    name: 'ketamine allergy',
    reason: 'CI.HYPERSENSITIVITY',
    patient: { allergies: [{ text: 'Ketamine' }] },
    decision: 'contraindicated',
    present: ['CI.HYPERSENSITIVITY'],
  },
  {
    name: 'refuted ketamine allergy',
    reason: 'issue 4: refuted never counts',
    patient: { allergies: [{ text: 'Ketalar', verificationStatus: 'refuted' }] },
    decision: 'eligible',
  },
  {
    name: 'penicillin allergy is irrelevant',
    reason: 'only ketamine or esketamine allergy contraindicates',
    patient: { allergies: [{ text: 'Penicillin' }] },
    decision: 'eligible',
  },
  {
    name: 'uncontrolled hypertension in text',
    reason: 'CI.UNCONTROLLED_HYPERTENSION text synonym',
    patient: { conditions: [{ text: 'uncontrolled hypertension' }] },
    decision: 'contraindicated',
    present: ['CI.UNCONTROLLED_HYPERTENSION'],
  },
  {
    name: 'coded hypertension with normal BP',
    reason: 'KB note: a code alone does not show it is uncontrolled',
    patient: { conditions: [{ code: { system: 'snomed', code: '38341003' } }] },
    decision: 'eligible-with-precautions',
    present: ['SCREEN.KNOWN_HYPERTENSION'],
    absent: ['CI.UNCONTROLLED_HYPERTENSION'],
  },
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
  // Unrecognised input
  {
    name: 'unknown medicine needs a human',
    reason: 'never passes silently',
    patient: med('Zorbanex 10 mg'),
    decision: 'needs-review',
    present: ['VOCAB.UNRECOGNIZED_MEDICATION'],
  },
  {
    name: 'unknown stopped medicine is ignored',
    reason: 'only current medicines count',
    patient: med('Zorbanex 10 mg', 'stopped'),
    decision: 'eligible',
  },
  {
    name: 'several findings: worst wins',
    reason: 'critical beats warning and info',
    patient: {
      medications: [{ text: 'Xanax' }, { text: 'Zoloft' }],
      conditions: [{ text: 'schizophrenia' }],
    },
    decision: 'contraindicated',
    present: ['IX.BENZODIAZEPINES', 'IX.ANTIDEPRESSANTS', 'CI.SCHIZOPHRENIA_OR_PSYCHOSIS'],
  },
  // Records dated after the screening day, or undated, are not current
  {
    name: 'a future-dated normal blood pressure does not hide a current high one',
    reason: 'a reading dated after asOf is not current; 200/120 is above the 180/100 hard limit',
    patient: {
      bloodPressure: [
        { date: '2025-06-01', systolicMmHg: 120, diastolicMmHg: 80 },
        { date: '2025-02-25', systolicMmHg: 200, diastolicMmHg: 120 },
      ],
    },
    decision: 'contraindicated',
    present: ['CI.UNCONTROLLED_HYPERTENSION'],
  },
  {
    name: 'a future-dated blood pressure alone is no blood pressure',
    reason: 'a reading dated after asOf is not current: missing data',
    patient: { bloodPressure: [{ date: '2025-06-01', systolicMmHg: 120, diastolicMmHg: 80 }] },
    decision: 'needs-review',
    present: ['SCREEN.MISSING_BLOOD_PRESSURE'],
  },
  {
    name: 'an undated negative pregnancy status is not current',
    reason: 'a "not pregnant" result counts only with its date, within 14 days',
    patient: { sex: 'female', pregnancy: { status: 'not-pregnant' } },
    decision: 'needs-review',
    present: ['SCREEN.MISSING_PREGNANCY_STATUS'],
  },
  {
    name: 'a future-dated negative pregnancy status is not current',
    reason: 'a "not pregnant" result dated after asOf proves nothing now',
    patient: { sex: 'female', pregnancy: { status: 'not-pregnant', recordedOn: '2025-03-10' } },
    decision: 'needs-review',
    present: ['SCREEN.MISSING_PREGNANCY_STATUS'],
  },
  {
    name: 'an undated positive pregnancy status still counts',
    reason: 'CI.PREGNANCY: positive evidence of risk is never set aside',
    patient: { sex: 'female', pregnancy: { status: 'pregnant' } },
    decision: 'contraindicated',
    present: ['CI.PREGNANCY'],
  },
  {
    name: 'an undated weight is no usable weight',
    reason: 'SCREEN.MISSING_WEIGHT (info): an undated weight may be years old',
    patient: { weight: [{ valueKg: 80 }] },
    decision: 'eligible-with-precautions',
    present: ['SCREEN.MISSING_WEIGHT'],
  },
  {
    name: 'a future-dated weight is no usable weight',
    reason: 'SCREEN.MISSING_WEIGHT (info): a weight dated after asOf is an error in the record',
    patient: { weight: [{ date: '2025-06-01', valueKg: 80 }] },
    decision: 'eligible-with-precautions',
    present: ['SCREEN.MISSING_WEIGHT'],
  },
];
