/**
 * Problem codes of the dosing module. Input problems come back as `err([...])`, each with the
 * path of the field; limit findings are part of a successful calculation.
 */
import type { Problem } from '../result';

/** Codes of input problems (the calculation could not be done). */
export const DOSE_PROBLEM = {
  /** Wrong type, NaN or Infinity. */
  INVALID_INPUT: 'DOSE.INVALID_INPUT',
  /** A required field is absent (there is never a default weight). */
  MISSING_INPUT: 'DOSE.MISSING_INPUT',
  /** Zero or negative. */
  NOT_POSITIVE: 'DOSE.NOT_POSITIVE',
  /** Outside what is physically plausible at all (e.g. a weight of 5000 kg). */
  OUT_OF_RANGE: 'DOSE.OUT_OF_RANGE',
  /** More decimal places than the field accepts. */
  TOO_PRECISE: 'DOSE.TOO_PRECISE',
  MISSING_UNIT: 'DOSE.MISSING_UNIT',
  UNKNOWN_UNIT: 'DOSE.UNKNOWN_UNIT',
  /** Vial strength other than 10, 50 or 100 mg/mL. */
  UNSUPPORTED_CONCENTRATION: 'DOSE.UNSUPPORTED_CONCENTRATION',
  /** The Devine formula assumes a height of at least 60 in [S99][S100][S101]. */
  HEIGHT_BELOW_DEVINE_MINIMUM: 'DOSE.HEIGHT_BELOW_DEVINE_MINIMUM',
  INVALID_DATE: 'DOSE.INVALID_DATE',
  /** A measurement dated after the instant of the calculation. */
  DATE_AFTER_AS_OF: 'DOSE.DATE_AFTER_AS_OF',
  /** The protocol's dosing data or guardrails are inconsistent. */
  INVALID_PROTOCOL: 'DOSE.INVALID_PROTOCOL',
  INVALID_SETTINGS: 'DOSE.INVALID_SETTINGS',
  /** Esketamine nasal doses come in whole 28 mg devices [S14]. */
  NASAL_NOT_WHOLE_DEVICES: 'DOSE.NASAL_NOT_WHOLE_DEVICES',
} as const;

export type DoseProblemCode = (typeof DOSE_PROBLEM)[keyof typeof DOSE_PROBLEM];

/** Codes of limits that are not per-protocol ranges (the range codes are built in guardrails.ts). */
export const DOSE_LIMIT = {
  WEIGHT_CHANGE: 'DOSE.WEIGHT_CHANGE',
  WEIGHT_LB_KG_MIXUP: 'DOSE.WEIGHT_LB_KG_MIXUP',
  WEIGHT_TOO_OLD: 'DOSE.WEIGHT_TOO_OLD',
  UNDILUTED_100_MG_PER_ML: 'DOSE.UNDILUTED_100_MG_PER_ML',
  DRUG_VOLUME_EXCEEDS_BAG: 'DOSE.DRUG_VOLUME_EXCEEDS_BAG',
  DRUG_VOLUME_BELOW_INCREMENT: 'DOSE.DRUG_VOLUME_BELOW_INCREMENT',
  RATE_BELOW_PUMP_INCREMENT: 'DOSE.RATE_BELOW_PUMP_INCREMENT',
  NASAL_ABOVE_LABEL_MAX: 'DOSE.NASAL_ABOVE_LABEL_MAX',
} as const;

export function problem(code: DoseProblemCode, path: string, message: string): Problem {
  return { code, message, path };
}

/** A short description of an unexpected value for messages (`a string "80"`). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `a string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return 'an array';
  return `a value of type ${typeof value}`;
}
