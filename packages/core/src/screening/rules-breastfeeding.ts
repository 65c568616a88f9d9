import type { ProductRules } from './compile-rules';
import type { Finding, PatientFacts } from './types';

/** Breastfeeding not known for a patient it is asked of (the self-check reports it too). */
export const MISSING_BREASTFEEDING_STATUS = 'SCREEN.MISSING_BREASTFEEDING_STATUS';

/**
 * Breastfeeding is asked of the people pregnancy is asked of (`screenPregnancy`): anyone but a
 * man, at the ages the knowledge base asks about pregnancy (`askAgeYears`; breastfeeding follows
 * a pregnancy, and the knowledge base has no separate ages for it). An unknown age is no reason
 * to skip the question, nor is a pregnancy that is not possible now: it says nothing about
 * breastfeeding.
 */
export function isAskedBreastfeeding(
  sex: PatientFacts['sex'],
  age: number | undefined,
  rules: ProductRules,
): boolean {
  if (sex === 'male') return false;
  const ask = rules.pregnancyRules?.askAgeYears;
  return ask === undefined || age === undefined || (age >= ask.min && age <= ask.max);
}

/**
 * Breastfeeding: "yes" is the knowledge base's precaution (its severity). Unknown, for someone
 * it is asked of, is missing data, never "not breastfeeding": a `missing-data` warning, like an
 * unknown pregnancy status, so a clinician asks before treatment.
 */
export function screenBreastfeeding(
  patient: PatientFacts,
  age: number | undefined,
  rules: ProductRules,
  out: Finding[],
): void {
  const bf = rules.breastfeeding;
  if (bf === undefined) return;
  if (patient.breastfeeding === 'yes') {
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
    return;
  }
  if (patient.breastfeeding !== 'unknown' || !isAskedBreastfeeding(patient.sex, age, rules)) return;
  const ask = rules.pregnancyRules?.askAgeYears;
  out.push({
    kind: 'missing-data',
    severity: 'warning',
    code: MISSING_BREASTFEEDING_STATUS,
    summary: 'Breastfeeding status is unknown for a patient who could be breastfeeding.',
    detail: [bf.summary, ...(ask === undefined ? [] : [ask.note])].join(' '),
    management: 'Ask about breastfeeding and record the answer, then screen again.',
    evidence: [
      patient.breastfeedingRef ?? {
        reference: patient.reference,
        display: `${patient.sex}, ${age === undefined ? 'age unknown' : `${String(age)} years`}: no breastfeeding status`,
      },
    ],
    sources: rules.sourcesOf([...bf.sources, ...(ask?.sources ?? [])]),
  });
}
