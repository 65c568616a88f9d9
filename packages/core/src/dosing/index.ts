/**
 * Dosing: weight bases, dose, volume, dilution, pump rate, esketamine nasal devices and
 * guardrails (soft and hard limits), in exact arithmetic with re-checkable steps.
 */
export type {
  DoseGuardrails,
  DosingProtocol,
  InfusionCalculation,
  InfusionInput,
  InfusionSettings,
  LimitField,
  LimitFinding,
  LimitRange,
  NasalCalculation,
  NasalInput,
  Sex,
  SoftHardRange,
  SoftLimitOverride,
  VialConcentrationMgPerMl,
  WeightBasis,
} from './types';
export type { InputQuantity, InputUnit, Quantity, UcumUnit } from './quantity';
export { calculateInfusion, isAdministrable } from './calculate-infusion';
export { calculateNasalDose, ESKETAMINE_MG_PER_DEVICE } from './calculate-nasal';
export { parseQuantity, type ParseQuantityOptions } from './parse-quantity';
export { validateDosingProtocol } from './compile-protocol';
export { DOSE_LIMIT, DOSE_PROBLEM, type DoseProblemCode } from './problems';
export { RANGE_SPECS } from './guardrails';
