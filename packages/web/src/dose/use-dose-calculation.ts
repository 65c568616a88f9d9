import {
  calculateDose,
  DOSE_PROBLEM,
  doseToJson,
  type DoseJson,
  type DoseRequest,
  type KnowledgeBase,
  type SoftLimitOverride,
} from '@ketaflow/core';
import { useMemo } from 'react';
import type { Patient } from '../api/patient-types';
import { parseDecimal, toDoseRequest, type DoseField, type DoseInputs } from './dose-inputs';
import { fieldForPath } from './problem-fields';

export interface DoseCalculationView {
  /** The request as calculated, overrides included. */
  request: DoseRequest;
  overrides: SoftLimitOverride[];
  /** `null` while an input is missing or wrong. */
  result: DoseJson | null;
  fieldErrors: Partial<Record<DoseField, string>>;
  /** Inputs still empty that the calculation needs, with the calculator's message for each. */
  missing: Partial<Record<DoseField, string>>;
  /** Problems no input shows. */
  formErrors: string[];
}

function addError(errors: Partial<Record<DoseField, string>>, field: DoseField, message: string) {
  const before = errors[field];
  errors[field] = before === undefined ? message : `${before}; ${message}`;
}

/** Reasons typed for the soft limits the calculation hits now; others are left out. */
function overridesFor(result: DoseJson, reasons: Readonly<Record<string, string>>) {
  return result.limits.flatMap((limit) => {
    const reason = reasons[limit.code]?.trim() ?? '';
    return limit.level === 'soft' && reason !== '' ? [{ code: limit.code, reason }] : [];
  });
}

/**
 * Calculates in the browser with the same core code the server runs, on every change: first
 * without overrides to learn which soft limits are hit, then with the reasons typed for them.
 */
export function calculateView(
  inputs: DoseInputs,
  kb: KnowledgeBase,
  patient: Patient | undefined,
  asOf: string,
): DoseCalculationView {
  const base = toDoseRequest(inputs, { kb, patient, asOf });
  const fieldErrors: Partial<Record<DoseField, string>> = {};
  const missing: Partial<Record<DoseField, string>> = {};
  const formErrors: string[] = [];
  if (inputs.product === 'ketamine-iv' && parseDecimal(inputs.bagVolume) === undefined) {
    // An empty bag field would silently mean the clinic's bag: ask for it instead.
    missing.bagVolume = 'bag volume is required';
  }
  const first = calculateDose(kb, base);
  if (!first.ok || Object.keys(missing).length > 0) {
    for (const problem of first.ok ? [] : first.error) {
      const field = fieldForPath(problem.path ?? '', inputs.product);
      if (field === undefined) formErrors.push(problem.message);
      else if (problem.code === DOSE_PROBLEM.MISSING_INPUT)
        addError(missing, field, problem.message);
      else addError(fieldErrors, field, problem.message);
    }
    return { request: base, overrides: [], result: null, fieldErrors, missing, formErrors };
  }
  const firstJson = doseToJson(first.value);
  const overrides = overridesFor(firstJson, inputs.reasons);
  if (overrides.length === 0) {
    return { request: base, overrides, result: firstJson, fieldErrors, missing, formErrors };
  }
  const request = { ...base, overrides };
  const second = calculateDose(kb, request);
  // Same inputs plus valid overrides cannot fail; fall back to the first result if it ever does.
  const result = second.ok ? doseToJson(second.value) : firstJson;
  return { request, overrides, result, fieldErrors, missing, formErrors };
}

export function useDoseCalculation(
  inputs: DoseInputs,
  kb: KnowledgeBase,
  patient: Patient | undefined,
  asOf: string,
): DoseCalculationView {
  return useMemo(() => calculateView(inputs, kb, patient, asOf), [inputs, kb, patient, asOf]);
}
