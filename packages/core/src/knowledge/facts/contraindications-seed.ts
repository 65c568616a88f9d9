import type { BloodPressureThresholds, Contraindication } from '../schema/contraindication';

/**
 * Pre-session BP cut-offs. Readings strictly above a value trigger. Each value is a clinic
 * setting; `basis` says whether its default comes from a source.
 */
export const defaultBloodPressureThresholds: BloodPressureThresholds = {
  comparison: 'greater-than',
  soft: {
    systolic: {
      valueMmHg: 140,
      basis: 'sourced',
      sources: ['S09a', 'S16'],
      note: 'Esketamine label pre-dose guide (>140/90: weigh risk and benefit, consider delaying); applied to IV ketamine too.',
    },
    diastolic: {
      valueMmHg: 90,
      basis: 'sourced',
      sources: ['S09a', 'S16'],
      note: 'Esketamine label pre-dose guide (>140/90).',
    },
  },
  hard: {
    systolic: {
      valueMmHg: 180,
      basis: 'sourced',
      sources: ['S65', 'S66'],
      note: 'An emergency-department ketamine protocol treats SBP >180 as a contraindication and a Mayo Clinic ICU trial excludes it; no source gives a stop value for outpatient psychiatric infusions.',
    },
    diastolic: {
      valueMmHg: 100,
      basis: 'clinic-setting',
      sources: ['S39', 'S72', 'S48'],
      note: 'No source in the reference gives a diastolic stop value. Conservative clinic default from the "180/100" figure often attributed to the APA consensus or Wan 2015, which could NOT be verified; one trial patient was stopped at 180/115. Review before use.',
    },
  },
  readingMaxAge: {
    maxAgeDays: 30,
    basis: 'clinic-setting',
    sources: ['S09a', 'S16'],
    note: 'No source gives how old an intake blood pressure may be. Conservative clinic default: a reading older than 30 days proves nothing at screening. The labels still ask for a reading before every dose.',
  },
};

/** The six contraindications the seed page lists, in its order. */
export const seedContraindications: readonly Contraindication[] = [
  {
    code: 'CI.UNCONTROLLED_HYPERTENSION',
    name: 'Uncontrolled high blood pressure',
    appliesTo: ['ketamine', 'esketamine'],
    origin: ['seed', 'ketamine-label'],
    summary:
      'Ketamine raises blood pressure; with uncontrolled hypertension it can cause a dangerous spike.',
    detail:
      'Blood pressure and heart rate usually rise for a while after a dose, peaking around 40 minutes. The ketamine label excludes anyone for whom a marked rise would be a serious hazard; people with known hypertension have larger surges.',
    management:
      'Measure BP before every session. Above the soft threshold, review and consider delaying; above the hard threshold, do not start. Treat hypertension first and reassess.',
    severity: 'critical',
    historyCounts: false,
    criteria: {
      snomedCt: [
        { code: '38341003', display: 'Hypertensive disorder' },
        { code: '59621000', display: 'Essential hypertension' },
        { code: '443482000', display: 'Hypertensive urgency' },
      ],
      icd10Cm: [
        { prefix: 'I10', display: 'Essential (primary) hypertension' },
        { prefix: 'I11', display: 'Hypertensive heart disease' },
        { prefix: 'I12', display: 'Hypertensive chronic kidney disease' },
        { prefix: 'I13', display: 'Hypertensive heart and chronic kidney disease' },
        { prefix: 'I15', display: 'Secondary hypertension' },
        { prefix: 'I16', display: 'Hypertensive crisis' },
      ],
      textSynonyms: [
        'uncontrolled hypertension',
        'uncontrolled high blood pressure',
        'poorly controlled hypertension',
        'hypertensive crisis',
        'hypertensive urgency',
        'hypertensive emergency',
      ],
      note: 'A coded hypertension diagnosis does not show that it is uncontrolled: combine it with the latest BP against `bloodPressure`. A missing BP is unknown, never normal.',
    },
    bloodPressure: defaultBloodPressureThresholds,
    evidenceLevel: 'label',
    evidenceNote:
      'The label contraindication is "a significant rise in BP would be a serious hazard"; uncontrolled hypertension is a drug-reference example of it, not label text. BP rises in cohorts range from +3 to +16 mmHg systolic on average.',
    sources: ['SEED', 'S01', 'S02', 'S07', 'S09a', 'S16', 'S67', 'S68'],
  },
  {
    code: 'CI.STROKE_OR_ANEURYSM_HISTORY',
    name: 'History of stroke or aneurysm',
    appliesTo: ['ketamine', 'esketamine'],
    origin: ['seed', 'esketamine-label'],
    summary:
      'A past stroke or an aneurysm: the rise in blood pressure could cause a new bleed or a rupture.',
    detail:
      'Because ketamine and esketamine raise blood pressure, a previous stroke or a known aneurysm makes a recurrence or rupture more likely. The esketamine label contraindicates aneurysmal vascular disease and past intracerebral haemorrhage.',
    management: 'Do not treat. Offer alternatives and refer back to the treating physician.',
    severity: 'critical',
    historyCounts: true,
    criteria: {
      snomedCt: [
        { code: '230690007', display: 'Cerebrovascular accident' },
        { code: '274100004', display: 'Cerebral hemorrhage' },
        { code: '432119003', display: 'Aneurysm' },
      ],
      icd10Cm: [
        { prefix: 'I60', display: 'Nontraumatic subarachnoid hemorrhage' },
        { prefix: 'I61', display: 'Nontraumatic intracerebral hemorrhage' },
        { prefix: 'I63', display: 'Cerebral infarction' },
        { prefix: 'I67.1', display: 'Cerebral aneurysm, nonruptured' },
        { prefix: 'I69', display: 'Sequelae of cerebrovascular disease' },
        { prefix: 'I71', display: 'Aortic aneurysm and dissection' },
        { prefix: 'I72', display: 'Other aneurysm' },
        {
          prefix: 'Z86.73',
          display: 'Personal history of TIA and cerebral infarction without residual deficits',
        },
      ],
      textSynonyms: [
        'stroke',
        'cva',
        'cerebrovascular accident',
        'brain bleed',
        'aneurysm',
        'brain aneurysm',
        'aortic aneurysm',
      ],
    },
    evidenceLevel: 'label',
    evidenceNote:
      'Stroke is a drug-reference example of "BP rise would be hazardous" (not ketamine label text); aneurysm and intracerebral haemorrhage are esketamine label contraindications.',
    sources: ['SEED', 'S07', 'S32', 'S33'],
  },
  {
    code: 'CI.SEVERE_HEART_DISEASE',
    name: 'Severe heart disease or heart failure',
    appliesTo: ['ketamine', 'esketamine'],
    origin: ['seed'],
    summary:
      'Ketamine speeds the heart and raises blood pressure, which severe heart disease or heart failure may not tolerate.',
    detail:
      'Transient rises in heart rate, blood pressure and cardiac output are common; falls in BP, arrhythmia and cardiac decompensation can also occur. The pain guideline lists poorly controlled cardiovascular disease as a relative contraindication.',
    management:
      'Do not treat while the disease is unstable. Ask for a cardiology opinion; get a baseline ECG when cardiovascular disease is suspected.',
    severity: 'critical',
    historyCounts: false,
    criteria: {
      snomedCt: [
        { code: '84114007', display: 'Heart failure' },
        { code: '88805009', display: 'Chronic congestive heart failure' },
        { code: '22298006', display: 'Myocardial infarction' },
        { code: '4557003', display: 'Unstable angina' },
      ],
      icd10Cm: [
        { prefix: 'I50', display: 'Heart failure' },
        { prefix: 'I21', display: 'Acute myocardial infarction' },
        { prefix: 'I22', display: 'Subsequent myocardial infarction' },
        { prefix: 'I20.0', display: 'Unstable angina' },
      ],
      textSynonyms: [
        'heart failure',
        'congestive heart failure',
        'chf',
        'cardiac failure',
        'unstable angina',
        'heart attack',
        'myocardial infarction',
      ],
      note: 'A myocardial infarction counts while recent or unstable; an old, resolved one is for clinician review.',
    },
    evidenceLevel: 'guideline',
    evidenceNote:
      '"Severe" is not defined by any source; the ketamine label warns of haemodynamic instability, and ASRA grades poorly controlled cardiovascular disease a relative contraindication (grade B).',
    sources: ['SEED', 'S02', 'S43'],
  },
  {
    code: 'CI.SCHIZOPHRENIA_OR_PSYCHOSIS',
    name: 'Schizophrenia or psychosis',
    appliesTo: ['ketamine', 'esketamine'],
    origin: ['seed'],
    summary:
      'Ketamine can cause hallucinations and dissociation that may worsen schizophrenia or psychosis.',
    detail:
      'Dream-like states, hallucinations and emergence delirium occur during and after ketamine. The pain guideline lists active psychosis as a relative contraindication; the esketamine label asks for careful assessment of anyone with psychosis.',
    management: 'Do not treat. Discuss alternatives with the treating psychiatrist.',
    severity: 'critical',
    historyCounts: true,
    criteria: {
      snomedCt: [
        { code: '58214004', display: 'Schizophrenia' },
        { code: '69322001', display: 'Psychotic disorder' },
      ],
      icd10Cm: [
        { prefix: 'F20', display: 'Schizophrenia' },
        { prefix: 'F22', display: 'Delusional disorders' },
        { prefix: 'F23', display: 'Brief psychotic disorder' },
        { prefix: 'F25', display: 'Schizoaffective disorders' },
        { prefix: 'F28', display: 'Other psychotic disorder' },
        { prefix: 'F29', display: 'Unspecified psychosis' },
      ],
      textSynonyms: [
        'schizophrenia',
        'schizoaffective',
        'psychosis',
        'psychotic disorder',
        'psychotic episode',
      ],
      note: 'A past psychotic episode counts: the risk of recurrence remains.',
    },
    evidenceLevel: 'guideline',
    evidenceNote:
      'ASRA: active psychosis is a relative contraindication (grade B). The evidence for depression is strongest without psychotic features.',
    sources: ['SEED', 'S08', 'S29', 'S40', 'S43', 'S65'],
  },
  {
    code: 'CI.PREGNANCY',
    name: 'Pregnancy',
    appliesTo: ['ketamine', 'esketamine'],
    origin: ['seed', 'ketamine-label'],
    summary:
      'Not recommended in pregnancy: animal studies show harm to the developing brain and safe use is not established.',
    detail:
      'There are no adequate human studies. Animal studies showed developmental delay and loss of nerve cells in the developing brain. Both labels say use in pregnancy is not recommended. Counselling and the pregnancy registry are in the pregnancy and breastfeeding guidance.',
    management:
      'Do not treat. Discuss alternatives; if already in treatment, stop and contact the prescriber.',
    severity: 'critical',
    historyCounts: false,
    criteria: {
      snomedCt: [
        { code: '77386006', display: 'Pregnancy' },
        { code: '72892002', display: 'Normal pregnancy' },
      ],
      icd10Cm: [
        { prefix: 'Z33', display: 'Pregnant state' },
        { prefix: 'Z34', display: 'Encounter for supervision of normal pregnancy' },
        { prefix: 'Z3A', display: 'Weeks of gestation' },
        { prefix: 'O09', display: 'Supervision of high risk pregnancy' },
      ],
      textSynonyms: ['pregnant', 'pregnancy', 'expecting a baby'],
      note: 'Only a current pregnancy counts: an old pregnancy record left active is not one.',
    },
    evidenceLevel: 'label',
    evidenceNote:
      'The labels say "not recommended"; ASRA lists pregnancy as a relative contraindication. Treating it as critical is a clinical choice a clinic can change.',
    sources: ['SEED', 'S02', 'S35', 'S36', 'S43'],
  },
  {
    code: 'CI.SEVERE_LIVER_DISEASE',
    name: 'Severe liver disease',
    appliesTo: ['ketamine', 'esketamine'],
    origin: ['seed'],
    summary: 'The liver clears ketamine; severe liver disease can raise side effects and toxicity.',
    detail:
      'Repeated ketamine use is linked to liver injury, usually cholestatic. The pain guideline says to avoid ketamine in severe liver disease and use caution in moderate disease; esketamine is not recommended in severe hepatic impairment (Child-Pugh C).',
    management:
      'Do not treat. With moderate liver disease, get liver tests first and monitor longer.',
    severity: 'critical',
    historyCounts: false,
    criteria: {
      snomedCt: [{ code: '19943007', display: 'Cirrhosis of liver' }],
      icd10Cm: [
        { prefix: 'K70.3', display: 'Alcoholic cirrhosis of liver' },
        { prefix: 'K70.4', display: 'Alcoholic hepatic failure' },
        { prefix: 'K72', display: 'Hepatic failure, not elsewhere classified' },
        { prefix: 'K74.6', display: 'Other and unspecified cirrhosis of liver' },
      ],
      textSynonyms: [
        'cirrhosis',
        'liver failure',
        'hepatic failure',
        'end-stage liver disease',
        'child-pugh c',
      ],
    },
    evidenceLevel: 'label',
    evidenceNote:
      'Esketamine labelling: severe impairment not recommended. ASRA: avoid in severe disease (grade C). The ketamine label adds a liver-injury warning for repeated use.',
    sources: ['SEED', 'S02', 'S14', 'S20', 'S43'],
  },
];
