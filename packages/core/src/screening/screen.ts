import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import { err, ok, type Problem, type Result } from '../result';
import { rulesFor } from './compile-rules';
import { isIsoDate } from './dates';
import { compareFindings, severityRank } from './finding';
import { parseFhirBundle } from './fhir-bundle';
import { parsePatientJson } from './patient-json';
import { screenConditions } from './rules-conditions';
import { screenMedications } from './rules-medications';
import { screenBloodPressure } from './rules-blood-pressure';
import { screenBreastfeeding } from './rules-breastfeeding';
import { screenUnrecordedLists } from './rules-history';
import {
  screenAge,
  screenDeceased,
  screenOther,
  screenPregnancy,
  screenUnreadableStatuses,
} from './rules-patient';
import type { Decision, Finding, PatientFacts, ScreeningOptions, ScreeningResult } from './types';

const DECISION_BY_RANK: readonly Decision[] = [
  'eligible-with-precautions',
  'needs-review',
  'contraindicated',
];

/** Any critical → contraindicated; else any warning → needs-review; else any info → with precautions. */
export function decide(findings: readonly Finding[]): Decision {
  let worst = -1;
  for (const f of findings) worst = Math.max(worst, severityRank(f.severity));
  return DECISION_BY_RANK[worst] ?? 'eligible';
}

/**
 * Screens a patient for IV ketamine or esketamine nasal spray against a knowledge base (with the
 * clinic's settings applied). Pure: `options.asOf` is the day, there is no clock. Every finding
 * carries its evidence and sources; severities and thresholds all come from the knowledge base.
 */
export function screen(
  patient: PatientFacts,
  kb: KnowledgeBase,
  options: ScreeningOptions,
): ScreeningResult {
  const rules = rulesFor(kb, options.product);
  const findings: Finding[] = [];
  screenDeceased(patient, findings);
  const age = screenAge(patient, rules, options.asOf, findings);
  const pregnancyRecords = screenConditions(patient, rules, options.asOf, findings);
  screenPregnancy(patient, pregnancyRecords, age, rules, options.asOf, findings);
  screenBreastfeeding(patient, age, rules, findings);
  screenBloodPressure(patient, rules, options.asOf, findings);
  screenMedications(patient.medications, rules, findings);
  screenUnrecordedLists(patient, rules, findings);
  screenOther(patient, options, findings);
  screenUnreadableStatuses(patient, findings);
  findings.sort(compareFindings);
  const decision = decide(findings);
  return {
    decision,
    findings,
    alternatives: decision === 'contraindicated' ? [kb.alternatives[options.indication]] : [],
    knowledgeVersion: kb.knowledgeVersion,
  };
}

/** Patient facts from a FHIR R4 Bundle or KetaFlow patient JSON, told apart by `resourceType`. */
export function readPatient(input: unknown): Result<PatientFacts, Problem[]> {
  const isBundle =
    typeof input === 'object' &&
    input !== null &&
    (input as { readonly resourceType?: unknown }).resourceType === 'Bundle';
  return isBundle ? parseFhirBundle(input) : parsePatientJson(input);
}

/** Reads untrusted input (either format) and screens it; bad input is a list of problems. */
export function screenInput(
  input: unknown,
  kb: KnowledgeBase,
  options: ScreeningOptions,
): Result<ScreeningResult, Problem[]> {
  if (!isIsoDate(options.asOf))
    return err([{ code: 'SCREEN.INVALID_INPUT', message: 'must be an ISO date', path: 'asOf' }]);
  const patient = readPatient(input);
  return patient.ok ? ok(screen(patient.value, kb, options)) : patient;
}
