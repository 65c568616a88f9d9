/**
 * Dosing: weight bases, dose, volume, dilution, pump rate, esketamine nasal devices and
 * guardrails (soft and hard limits), in exact arithmetic with re-checkable steps.
 */
// DoseGuardrails, LimitRange and WeightBasis are defined in ./types with the same shape as the
// knowledge module's, which the package root already exports under those names; re-exporting
// them here too would make `export *` in src/index.ts ambiguous.
export type {
  DosingProtocol,
  InfusionCalculation,
  InfusionInput,
  InfusionSettings,
  LimitClinicSetting,
  LimitField,
  LimitFinding,
  NasalCalculation,
  NasalInput,
  Sex,
  SoftHardRange,
  SoftLimitOverride,
  VialConcentrationMgPerMl,
} from './types';
export type { InputQuantity, InputUnit, Quantity, UcumUnit } from './quantity';
export { calculateInfusion, isAdministrable } from './calculate-infusion';
export { calculateNasalDose, nasalDoseOptionsMg } from './calculate-nasal';
export { parseQuantity, type ParseQuantityOptions } from './parse-quantity';
export { validateDosingProtocol } from './compile-protocol';
export { DOSE_LIMIT, DOSE_PROBLEM, type DoseProblemCode } from './problems';
export { RANGE_SPECS } from './guardrails';
export { dosingProtocolFor, infusionSettingsFor } from './from-knowledge';
export { clinicSetBound, clinicSettingText } from './clinic-setting';
export {
  calculateDose,
  doseToJson,
  limitToJson,
  DOSE_PRODUCTS,
  type DoseJson,
  type DoseLimitJson,
  type DoseOutcome,
  type DoseProduct,
  type DoseRequest,
} from './dose-request';
