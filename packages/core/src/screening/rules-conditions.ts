import { normalizeMedication } from '../vocabulary/normalize';
import { daysBetween } from './dates';
import { padWords, type CompiledContraindication, type ProductRules } from './compile-rules';
import { clip } from './finding';
import type { AllergyFact, ConditionFact, Finding, PatientFacts } from './types';

function matches(rule: CompiledContraindication, c: ConditionFact, text: string): boolean {
  for (const coding of c.codes) {
    if (coding.system === 'snomed' && rule.snomed.has(coding.code)) return true;
    if (coding.system === 'icd10' && rule.icd10.some((p) => coding.code.startsWith(p))) return true;
  }
  return text !== '' && rule.phrases.some((p) => text.includes(p));
}

function isCodedMatch(rule: CompiledContraindication, c: ConditionFact): boolean {
  return c.codes.some(
    (coding) =>
      (coding.system === 'snomed' && rule.snomed.has(coding.code)) ||
      (coding.system === 'icd10' && rule.icd10.some((p) => coding.code.startsWith(p))),
  );
}

/** Refuted or entered-in-error conditions never count; resolved ones only when history counts. */
function counts(c: ConditionFact, historyCounts: boolean): boolean {
  if (c.verificationStatus === 'refuted' || c.verificationStatus === 'entered-in-error')
    return false;
  const past =
    c.clinicalStatus === 'inactive' ||
    c.clinicalStatus === 'remission' ||
    c.clinicalStatus === 'resolved';
  return !past || historyCounts;
}

/** A pregnancy record counts only while current: active and not older than the KB window. */
export function isCurrentPregnancy(c: ConditionFact, asOf: string, maxAgeDays: number): boolean {
  if (!counts(c, false)) return false;
  if (c.onset === undefined) return true;
  // A record from the future or with an unreadable date still counts: unknown is not "no".
  return !(daysBetween(c.onset, asOf) > maxAgeDays);
}

/**
 * Contraindicating conditions, a known-hypertension precaution, and drug allergies. Returns
 * the current pregnancy records, which `screenPregnancy` weighs with status observations.
 */
export function screenConditions(
  patient: PatientFacts,
  rules: ProductRules,
  asOf: string,
  out: Finding[],
): readonly ConditionFact[] {
  const hits = new Map<CompiledContraindication, ConditionFact[]>();
  const knownHypertension: ConditionFact[] = [];
  const unreadable: ConditionFact[] = [];
  const pregnancyWindow = rules.pregnancyRules?.pregnantMaxAge.maxAgeDays;
  for (const c of patient.conditions) {
    if (c.codes.length === 0 && c.text === undefined) {
      // Nothing to match, but it may be a contraindication: a human has to look.
      if (counts(c, true)) unreadable.push(c);
      continue;
    }
    const text = padWords(c.text ?? '');
    for (const rule of rules.contraindications) {
      if (!matches(rule, c, text)) continue;
      if (rule === rules.pregnancy) {
        // Pregnancy is current or not at all; `screenPregnancy` reads these hits.
        if (pregnancyWindow !== undefined && !isCurrentPregnancy(c, asOf, pregnancyWindow))
          continue;
      } else if (!counts(c, rule.ci.historyCounts)) continue;
      if (
        rule === rules.hypertension &&
        isCodedMatch(rule, c) &&
        !rule.phrases.some((p) => text.includes(p))
      ) {
        // A coded diagnosis does not show that it is uncontrolled (the KB's note): BP decides.
        knownHypertension.push(c);
        continue;
      }
      const list = hits.get(rule) ?? [];
      list.push(c);
      hits.set(rule, list);
    }
  }
  for (const [rule, conditions] of hits) {
    if (rule === rules.pregnancy) continue;
    out.push({
      kind: 'contraindication',
      severity: rule.ci.severity,
      code: rule.ci.code,
      summary: rule.ci.summary,
      detail: rule.ci.detail,
      management: rule.ci.management,
      evidence: conditions.map((c) => c.ref),
      sources: rule.sources,
    });
  }
  const ht = rules.hypertension;
  if (ht !== undefined && knownHypertension.length > 0) {
    out.push({
      kind: 'precaution',
      severity: 'info',
      code: 'SCREEN.KNOWN_HYPERTENSION',
      summary: 'Known high blood pressure: check that it is controlled before every session.',
      detail: `${ht.ci.criteria.note ?? ''} ${ht.ci.detail}`.trim(),
      management: ht.ci.management,
      evidence: knownHypertension.map((c) => c.ref),
      sources: ht.sources,
    });
  }
  if (unreadable.length > 0) {
    out.push({
      kind: 'unrecognized-input',
      severity: 'warning',
      code: 'SCREEN.UNREADABLE_CONDITION',
      summary: clip(
        `${unreadable.length === 1 ? 'A condition is' : `${unreadable.length} conditions are`} recorded with neither a code nor a text: a clinician must check.`,
      ),
      detail:
        'Screening cannot tell whether an unnamed condition is a contraindication, so it is never passed over.',
      management: 'Find out what the condition is and record it with a code or a name.',
      evidence: unreadable.map((c) => c.ref),
      sources: [],
    });
  }
  screenAllergies(patient, rules, out);
  return (rules.pregnancy === undefined ? undefined : hits.get(rules.pregnancy)) ?? [];
}

const PRODUCT_INGREDIENTS = new Set(['ketamine', 'esketamine']);

function screenAllergies(patient: PatientFacts, rules: ProductRules, out: Finding[]): void {
  const rule = rules.contraindications.find((c) => c.ci.code === 'CI.HYPERSENSITIVITY');
  if (rule === undefined) return;
  const unreadable: AllergyFact[] = [];
  const evidence = patient.allergies.filter((a) => {
    if (a.verificationStatus === 'refuted' || a.verificationStatus === 'entered-in-error')
      return false;
    if (a.rxnormCodes.length === 0 && a.text === undefined) {
      // It could be an allergy to ketamine: a human has to look.
      unreadable.push(a);
      return false;
    }
    const n = normalizeMedication(a.rxnormCodes, a.text);
    if (n.status === 'recognized' && n.ingredients.some((i) => PRODUCT_INGREDIENTS.has(i.name)))
      return true;
    const text = padWords(a.text ?? '');
    return rule.phrases.some((p) => text.includes(p)) || text.includes(' spravato ');
  });
  if (unreadable.length > 0) {
    out.push({
      kind: 'unrecognized-input',
      severity: 'warning',
      code: 'SCREEN.UNREADABLE_ALLERGY',
      summary: clip(
        `${unreadable.length === 1 ? 'An allergy is' : `${unreadable.length} allergies are`} recorded without an RxNorm code or a name: a clinician must check.`,
      ),
      detail:
        'Screening cannot tell whether an unnamed allergy is to ketamine or esketamine, so it is never passed over.',
      management: 'Ask what the allergy is to and record the substance.',
      evidence: unreadable.map((a) => a.ref),
      sources: rule.sources,
    });
  }
  if (evidence.length === 0) return;
  out.push({
    kind: 'contraindication',
    severity: rule.ci.severity,
    code: rule.ci.code,
    summary: rule.ci.summary,
    detail: rule.ci.detail,
    management: rule.ci.management,
    evidence: evidence.map((a) => a.ref),
    sources: rule.sources,
  });
}
