import type { HeightUnit, WeightUnit } from '../api/patient-types';

/** The international avoirdupois pound, exactly (1959 agreement). */
export const kilogramsPerPound = 0.45359237;
/** The international inch, exactly. */
export const centimetresPerInch = 2.54;

/**
 * Kilograms for display only: the API receives the value and unit as entered and does the
 * authoritative conversion itself.
 */
export function toKilograms(value: number, unit: WeightUnit): number {
  return unit === 'kg' ? value : value * kilogramsPerPound;
}

/** Centimetres for display only (see `toKilograms`). */
export function toCentimetres(value: number, unit: HeightUnit): number {
  return unit === 'cm' ? value : value * centimetresPerInch;
}

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function formatKilograms(weightKg: number): string {
  return `${oneDecimal.format(weightKg)} kg`;
}

export function formatCentimetres(heightCm: number): string {
  return `${oneDecimal.format(heightCm)} cm`;
}
