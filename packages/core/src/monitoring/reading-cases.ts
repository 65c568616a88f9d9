/**
 * Threshold cases for `checkReading`, as data: each with the knowledge-base limit it tests and
 * the source (or the clinic-setting basis) of that limit. Limits are the defaults in
 * `knowledge/facts/monitoring.ts` (`sessionAlerts`).
 */
export interface ReadingCase {
  readonly name: string;
  readonly reading: Readonly<Record<string, number>>;
  readonly codes: readonly string[];
  /** Where the limit comes from. */
  readonly source: string;
}

export const READING_CASES: readonly ReadingCase[] = [
  {
    name: 'normal vitals',
    reading: {
      systolicMmHg: 125,
      diastolicMmHg: 80,
      heartRate: 75,
      spo2: 98,
      respiratoryRate: 14,
      temperatureC: 36.8,
    },
    codes: [],
    source: '-',
  },
  {
    name: 'SBP 180 is at, not above, the limit',
    reading: { systolicMmHg: 180 },
    codes: [],
    source: 'S65, S66: SBP > 180',
  },
  {
    name: 'SBP 181',
    reading: { systolicMmHg: 181 },
    codes: ['VITALS.SYSTOLIC_HIGH'],
    source: 'S65, S66: SBP > 180',
  },
  {
    name: 'SBP 89',
    reading: { systolicMmHg: 89 },
    codes: ['VITALS.SYSTOLIC_LOW'],
    source: 'S66: SBP < 90',
  },
  {
    name: 'DBP 111',
    reading: { diastolicMmHg: 111 },
    codes: ['VITALS.DIASTOLIC_HIGH'],
    source: 'clinic setting 110 (S67 severe hypertension)',
  },
  {
    name: 'DBP 49',
    reading: { diastolicMmHg: 49 },
    codes: ['VITALS.DIASTOLIC_LOW'],
    source: 'clinic setting 50',
  },
  {
    name: 'HR 121',
    reading: { heartRate: 121 },
    codes: ['VITALS.HEART_RATE_HIGH'],
    source: 'S66: HR > 120',
  },
  { name: 'HR 120', reading: { heartRate: 120 }, codes: [], source: 'S66: HR > 120' },
  {
    name: 'HR 49',
    reading: { heartRate: 49 },
    codes: ['VITALS.HEART_RATE_LOW'],
    source: 'S66: HR < 50',
  },
  {
    name: 'SpO2 91',
    reading: { spo2: 91 },
    codes: ['VITALS.SPO2_LOW'],
    source: 'clinic setting 92 %',
  },
  { name: 'SpO2 92', reading: { spo2: 92 }, codes: [], source: 'clinic setting 92 %' },
  {
    name: 'SpO2 100 has no upper limit',
    reading: { spo2: 100 },
    codes: [],
    source: 'clinic setting',
  },
  {
    name: 'RR 9',
    reading: { respiratoryRate: 9 },
    codes: ['VITALS.RESPIRATORY_RATE_LOW'],
    source: 'S65, S66: RR < 10',
  },
  {
    name: 'RR 31',
    reading: { respiratoryRate: 31 },
    codes: ['VITALS.RESPIRATORY_RATE_HIGH'],
    source: 'S65, S66: RR > 30',
  },
  {
    name: 'temperature 38.0 is fever',
    reading: { temperatureC: 38 },
    codes: ['VITALS.TEMPERATURE_HIGH'],
    source: 'clinic setting: alert at 38.0 °C or above',
  },
  {
    name: 'temperature 37.9',
    reading: { temperatureC: 37.9 },
    codes: [],
    source: 'clinic setting',
  },
  {
    name: 'temperature 38.1',
    reading: { temperatureC: 38.1 },
    codes: ['VITALS.TEMPERATURE_HIGH'],
    source: 'clinic setting 38.0 °C',
  },
  {
    name: 'temperature 35.4',
    reading: { temperatureC: 35.4 },
    codes: ['VITALS.TEMPERATURE_LOW'],
    source: 'clinic setting 35.5 °C',
  },
  {
    name: 'several at once',
    reading: { systolicMmHg: 195, heartRate: 130, spo2: 88 },
    codes: ['VITALS.SYSTOLIC_HIGH', 'VITALS.HEART_RATE_HIGH', 'VITALS.SPO2_LOW'],
    source: 'S65, S66; clinic setting',
  },
];

/** Pre-check cases: the decision and the codes of the reasons, with the source of each rule. */
export interface PreCheckCase {
  readonly name: string;
  readonly product: 'ketamine-iv' | 'esketamine-nasal';
  readonly change: Readonly<Record<string, unknown>>;
  readonly vitals?: Readonly<Record<string, number | undefined>>;
  readonly decision: 'go' | 'needs-prescriber' | 'do-not-start';
  readonly codes: readonly string[];
  readonly source: string;
}

export const PRE_CHECK_CASES: readonly PreCheckCase[] = [
  {
    name: 'all normal',
    product: 'ketamine-iv',
    change: {},
    decision: 'go',
    codes: [],
    source: '-',
  },
  {
    name: 'SBP 141 above the soft 140',
    product: 'ketamine-iv',
    change: {},
    vitals: { systolicMmHg: 141 },
    decision: 'needs-prescriber',
    codes: ['PRECHECK.BP_SYSTOLIC_ABOVE_SOFT'],
    source: 'S09a, S16: > 140/90',
  },
  {
    name: 'esketamine DBP 91',
    product: 'esketamine-nasal',
    change: {},
    vitals: { diastolicMmHg: 91 },
    decision: 'needs-prescriber',
    codes: ['PRECHECK.BP_DIASTOLIC_ABOVE_SOFT'],
    source: 'S09a, S16: > 140/90',
  },
  {
    name: 'SBP 181 above the hard 180',
    product: 'ketamine-iv',
    change: {},
    vitals: { systolicMmHg: 181 },
    decision: 'do-not-start',
    codes: ['PRECHECK.BP_SYSTOLIC_ABOVE_HARD'],
    source: 'S65, S66: SBP > 180',
  },
  {
    name: 'DBP 101 above the hard 100',
    product: 'ketamine-iv',
    change: {},
    vitals: { diastolicMmHg: 101 },
    decision: 'do-not-start',
    codes: ['PRECHECK.BP_DIASTOLIC_ABOVE_HARD'],
    source: 'clinic setting 100',
  },
  {
    name: 'missing SpO2',
    product: 'ketamine-iv',
    change: {},
    vitals: { spo2: undefined },
    decision: 'needs-prescriber',
    codes: ['PRECHECK.VITAL_MISSING'],
    source: 'unknown is never normal (design)',
  },
  {
    name: 'HR 125',
    product: 'ketamine-iv',
    change: {},
    vitals: { heartRate: 125 },
    decision: 'needs-prescriber',
    codes: ['PRECHECK.VITAL_OUT_OF_RANGE'],
    source: 'S66: HR > 120',
  },
  {
    name: 'low SBP 85',
    product: 'ketamine-iv',
    change: {},
    vitals: { systolicMmHg: 85 },
    decision: 'needs-prescriber',
    codes: ['PRECHECK.VITAL_OUT_OF_RANGE'],
    source: 'S66: SBP < 90',
  },
  {
    name: 'no weight',
    product: 'ketamine-iv',
    change: { weightKg: undefined },
    decision: 'needs-prescriber',
    codes: ['PRECHECK.WEIGHT_MISSING'],
    source: 'dose needs weight',
  },
  {
    name: 'esketamine without weight',
    product: 'esketamine-nasal',
    change: { weightKg: undefined },
    decision: 'go',
    codes: [],
    source: 'fixed mg dose (S09a)',
  },
  {
    name: 'positive pregnancy test',
    product: 'ketamine-iv',
    change: { pregnancyTest: 'positive' },
    decision: 'do-not-start',
    codes: ['PRECHECK.PREGNANCY_POSITIVE'],
    source: 'labels',
  },
  {
    name: 'pregnancy test unknown',
    product: 'ketamine-iv',
    change: { pregnancyTest: undefined },
    decision: 'needs-prescriber',
    codes: ['PRECHECK.PREGNANCY_UNKNOWN'],
    source: 'unknown is never normal',
  },
  {
    name: 'not fasting',
    product: 'esketamine-nasal',
    change: { fasting: false },
    decision: 'needs-prescriber',
    codes: ['PRECHECK.NOT_FASTING'],
    source: 'S09a: no food 2 h before',
  },
  {
    name: 'no consent',
    product: 'ketamine-iv',
    change: { consentOnFile: false },
    decision: 'do-not-start',
    codes: ['PRECHECK.NO_CONSENT'],
    source: 'clinic rule',
  },
  {
    name: 'medication change not re-screened',
    product: 'ketamine-iv',
    change: { medicationChanges: ['lamotrigine'] },
    decision: 'needs-prescriber',
    codes: ['PRECHECK.MEDICATION_CHANGES_UNSCREENED'],
    source: 'screening',
  },
  {
    name: 're-screening contraindicated',
    product: 'ketamine-iv',
    change: { medicationChanges: ['x'], screeningDecision: 'contraindicated' },
    decision: 'do-not-start',
    codes: ['PRECHECK.SCREENING_CONTRAINDICATED'],
    source: 'screening',
  },
  {
    name: 're-screening needs review',
    product: 'ketamine-iv',
    change: { screeningDecision: 'needs-review' },
    decision: 'needs-prescriber',
    codes: ['PRECHECK.SCREENING_NEEDS_REVIEW'],
    source: 'screening',
  },
  {
    name: 're-screening eligible',
    product: 'ketamine-iv',
    change: { medicationChanges: ['x'], screeningDecision: 'eligible' },
    decision: 'go',
    codes: [],
    source: 'screening',
  },
];
