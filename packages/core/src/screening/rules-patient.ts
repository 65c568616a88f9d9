import { ageInYears, daysBetween } from './dates';
import type { ProductRules } from './compile-rules';
import { capSeverity, clip } from './finding';
import type { ConditionFact, Finding, PatientFacts, ScreeningOptions } from './types';

/** Esketamine is not approved for children; the ketamine label warns of paediatric neurotoxicity. */
const ADULT_AGE_YEARS = 18;
const PAEDIATRIC_SOURCES = ['S25', 'S03'];

function ageOf(patient: PatientFacts, asOf: string): number | undefined {
  if (patient.birthDate !== undefined) return ageInYears(patient.birthDate, asOf);
  return patient.ageYears;
}

/** Age under 18 needs review; an unknown age is missing data. */
export function screenAge(
  patient: PatientFacts,
  rules: ProductRules,
  asOf: string,
  out: Finding[],
): number | undefined {
  const age = ageOf(patient, asOf);
  const evidence = [
    { reference: 'Patient.birthDate', display: patient.birthDate ?? `${age ?? '?'} years` },
  ];
  if (age === undefined) {
    out.push({
      kind: 'missing-data',
      severity: 'warning',
      code: 'SCREEN.MISSING_AGE',
      summary: 'Age is unknown: record a date of birth before screening can be completed.',
      detail: 'Patients under 18 need review, so an unknown age cannot be treated as adult.',
      management: 'Record the date of birth.',
      evidence: [],
      sources: rules.sourcesOf(PAEDIATRIC_SOURCES),
    });
  } else if (age < ADULT_AGE_YEARS) {
    out.push({
      kind: 'precaution',
      severity: 'warning',
      code: 'SCREEN.UNDER_18',
      summary: `Patient is ${age}: under 18, ketamine and esketamine need specialist review.`,
      detail:
        'Esketamine is not approved for patients under 18, and the ketamine label warns about anaesthetic effects on the developing brain.',
      management: 'Refer to a specialist in child and adolescent psychiatry before any treatment.',
      evidence,
      sources: rules.sourcesOf(PAEDIATRIC_SOURCES),
    });
  }
  return age;
}

/** The most recent blood pressure inside the clinic's window, against its soft and hard values. */
export function screenBloodPressure(
  patient: PatientFacts,
  rules: ProductRules,
  asOf: string,
  out: Finding[],
): void {
  const ht = rules.hypertension;
  const bp = rules.bloodPressure;
  if (ht === undefined || bp === undefined) return;
  let latest = patient.bloodPressures[0];
  for (const reading of patient.bloodPressures) {
    if (latest === undefined || daysBetween(latest.date, reading.date) > 0) latest = reading;
  }
  const window = bp.readingMaxAge?.maxAgeDays;
  const age = latest === undefined ? undefined : daysBetween(latest.date, asOf);
  if (latest === undefined || age === undefined || window === undefined || !(age <= window)) {
    out.push({
      kind: 'missing-data',
      severity: 'warning',
      code: 'SCREEN.MISSING_BLOOD_PRESSURE',
      summary: clip(
        latest === undefined
          ? `No blood pressure on record: a reading from the last ${window ?? 0} days is needed.`
          : `Latest blood pressure is from ${latest.date.slice(0, 10)}, older than ${window ?? 0} days: it proves nothing now.`,
      ),
      detail: `${bp.readingMaxAge?.note ?? 'The knowledge base sets no window for readings.'} An unknown blood pressure is never treated as normal.`,
      management: 'Measure blood pressure and screen again.',
      evidence: latest === undefined ? [] : [latest.ref],
      sources: rules.sourcesOf(bp.readingMaxAge?.sources ?? ht.ci.sources),
    });
    return;
  }
  const { systolicMmHg: sys, diastolicMmHg: dia } = latest;
  const above = (pair: typeof bp.hard): boolean =>
    sys > pair.systolic.valueMmHg || dia > pair.diastolic.valueMmHg;
  const level = above(bp.hard) ? 'hard' : above(bp.soft) ? 'soft' : undefined;
  if (level === undefined) return;
  const t = bp[level];
  out.push({
    kind: 'contraindication',
    severity: level === 'hard' ? ht.ci.severity : capSeverity(ht.ci.severity, 'warning'),
    code: ht.ci.code,
    summary: clip(
      `Blood pressure ${sys}/${dia} mmHg is above the ${level} limit of ${t.systolic.valueMmHg}/${t.diastolic.valueMmHg} mmHg.`,
    ),
    detail: `${ht.ci.detail} Systolic: ${t.systolic.note} Diastolic: ${t.diastolic.note}`,
    management: ht.ci.management,
    evidence: [latest.ref],
    sources: rules.sourcesOf([...t.systolic.sources, ...t.diastolic.sources, ...ht.ci.sources]),
  });
}

/**
 * Pregnancy from the latest status observation or a current pregnancy record. A "not pregnant"
 * status counts only while recent; with neither, someone who could be pregnant is missing data.
 */
export function screenPregnancy(
  patient: PatientFacts,
  pregnancyRecords: readonly ConditionFact[],
  age: number | undefined,
  rules: ProductRules,
  asOf: string,
  out: Finding[],
): void {
  const rule = rules.pregnancy;
  const statusRules = rules.pregnancyRules;
  if (rule === undefined || statusRules === undefined) return;
  let latest = patient.pregnancyStatuses[0];
  for (const s of patient.pregnancyStatuses) {
    if (
      latest?.date === undefined ||
      (s.date !== undefined && daysBetween(latest.date, s.date) > 0)
    )
      latest = s;
  }
  const latestAge = latest?.date === undefined ? 0 : daysBetween(latest.date, asOf);
  const pregnantByStatus =
    latest?.status === 'pregnant' && !(latestAge > statusRules.pregnantMaxAge.maxAgeDays);
  if (pregnantByStatus || pregnancyRecords.length > 0) {
    out.push({
      kind: 'contraindication',
      severity: rule.ci.severity,
      code: rule.ci.code,
      summary: rule.ci.summary,
      detail: rule.ci.detail,
      management: rule.ci.management,
      evidence: [
        ...(pregnantByStatus && latest !== undefined ? [latest.ref] : []),
        ...pregnancyRecords.map((c) => c.ref),
      ],
      sources: rule.sources,
    });
    return;
  }
  const notPregnant =
    latest?.status === 'not-pregnant' && !(latestAge > statusRules.notPregnantMaxAge.maxAgeDays);
  if (notPregnant || patient.pregnancyNotPossible || patient.sex === 'male') return;
  const ask = statusRules.askAgeYears;
  if (age !== undefined && (age < ask.min || age > ask.max)) return;
  out.push({
    kind: 'missing-data',
    severity: 'warning',
    code: 'SCREEN.MISSING_PREGNANCY_STATUS',
    summary: 'Pregnancy status is unknown or out of date for a patient who could be pregnant.',
    detail: `${rule.ci.summary} ${statusRules.notPregnantMaxAge.note}`,
    management: 'Ask about pregnancy (or test) and record the status, then screen again.',
    evidence: latest === undefined ? [] : [latest.ref],
    sources: rules.sourcesOf([...rule.ci.sources, ...statusRules.notPregnantMaxAge.sources]),
  });
}

/** Breastfeeding (KB severity); a missing weight before an IV dose is reported as unknown. */
export function screenOther(
  patient: PatientFacts,
  rules: ProductRules,
  options: ScreeningOptions,
  out: Finding[],
): void {
  const bf = rules.breastfeeding;
  if (bf !== undefined && patient.breastfeeding === 'yes') {
    out.push({
      kind: 'precaution',
      severity: bf.severity,
      code: bf.code,
      summary: bf.summary,
      detail: bf.detail,
      management: bf.management,
      evidence: patient.breastfeedingRef === undefined ? [] : [patient.breastfeedingRef],
      sources: rules.sourcesOf(bf.sources),
    });
  }
  if (options.product === 'ketamine-iv' && patient.weights.length === 0) {
    out.push({
      kind: 'missing-data',
      severity: 'info',
      code: 'SCREEN.MISSING_WEIGHT',
      summary: 'No weight on record: IV ketamine is dosed by weight, so record one before dosing.',
      detail:
        'Screening does not need the weight, but the dose calculation will refuse to run without it.',
      management: 'Weigh the patient on the day of the first session.',
      evidence: [],
      sources: [],
    });
  }
}
