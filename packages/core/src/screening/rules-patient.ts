import { ageInYears, daysBetween } from './dates';
import type { ProductRules } from './compile-rules';
import { capSeverity, clip, formatBloodPressure, formatMmHg } from './finding';
import type { ConditionFact, Finding, PatientFacts, ScreeningOptions } from './types';

/** Esketamine is not approved for children; the ketamine label warns of paediatric neurotoxicity. */
const ADULT_AGE_YEARS = 18;
const PAEDIATRIC_SOURCES = ['S25', 'S03'];

function ageOf(patient: PatientFacts, asOf: string): number | undefined {
  if (patient.birthDate !== undefined) return ageInYears(patient.birthDate, asOf);
  return patient.ageYears;
}

/**
 * A record that says the patient has died is never screened as eligible: critical, so the
 * decision is `contraindicated` whatever else the record holds.
 *
 * Kind `missing-data`: of the contract's kinds it fits best. It is not a `contraindication`
 * (no clinical rule of the knowledge base, no source, nothing a clinic setting may soften) nor a
 * `precaution` (there is nothing to manage during treatment). What the record lacks is any fact
 * about a living patient: either it is the wrong record or the death is recorded in error, and a
 * human must correct the record before screening means anything.
 */
export function screenDeceased(patient: PatientFacts, out: Finding[]): void {
  if (patient.deceased === undefined) return;
  out.push({
    kind: 'missing-data',
    severity: 'critical',
    code: 'SCREEN.PATIENT_DECEASED',
    summary: 'The record says this patient has died: it cannot be screened for treatment.',
    detail:
      'A record marked deceased describes no living patient, so none of its facts can support treatment. Either this is the wrong record or the death was recorded in error.',
    management:
      'Check the identity of the patient and the record. If the death was recorded in error, correct it and screen again.',
    evidence: [patient.deceased],
    sources: [],
  });
}

/** Age under 18 needs review; an unknown age is missing data. */
export function screenAge(
  patient: PatientFacts,
  rules: ProductRules,
  asOf: string,
  out: Finding[],
): number | undefined {
  const age = ageOf(patient, asOf);
  if (age === undefined) {
    out.push({
      kind: 'missing-data',
      severity: 'warning',
      code: 'SCREEN.MISSING_AGE',
      summary: 'Age is unknown: record a date of birth before screening can be completed.',
      detail: 'Patients under 18 need review, so an unknown age cannot be treated as adult.',
      management: 'Record the date of birth.',
      evidence: [{ reference: patient.reference, display: 'no date of birth or age' }],
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
      evidence: [
        {
          reference: patient.reference,
          display:
            patient.birthDate === undefined
              ? `${age} years`
              : `born ${patient.birthDate.slice(0, 10)} (${age} years)`,
        },
      ],
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
      evidence: [
        latest === undefined
          ? { reference: patient.reference, display: 'no blood pressure reading' }
          : latest.ref,
      ],
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
  // Compared above on the exact values; shown in whole mmHg unless that would hide which one
  // is above the limit (see `formatMmHg`).
  const limits = { systolic: t.systolic.valueMmHg, diastolic: t.diastolic.valueMmHg };
  const reading = `${formatMmHg(sys, limits.systolic)}/${formatMmHg(dia, limits.diastolic)} mmHg`;
  out.push({
    kind: 'contraindication',
    severity: level === 'hard' ? ht.ci.severity : capSeverity(ht.ci.severity, 'warning'),
    code: ht.ci.code,
    summary: clip(
      `Blood pressure ${reading} is above the ${level} limit of ${limits.systolic}/${limits.diastolic} mmHg.`,
    ),
    detail: `${ht.ci.detail} Systolic: ${t.systolic.note} Diastolic: ${t.diastolic.note}`,
    management: ht.ci.management,
    evidence: [
      {
        reference: latest.ref.reference,
        display: formatBloodPressure(sys, dia, latest.date, limits),
      },
    ],
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
    evidence: [
      latest === undefined
        ? {
            reference: patient.reference,
            display: `${patient.sex}, ${age === undefined ? 'age unknown' : `${age} years`}: no pregnancy status`,
          }
        : latest.ref,
    ],
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
      evidence: [{ reference: patient.reference, display: 'no weight on record' }],
      sources: [],
    });
  }
}
