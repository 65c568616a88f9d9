/**
 * Quantities: every number KetaFlow shows or stores carries its unit (style.md rule 7).
 * Output units are UCUM codes (https://ucum.org/ucum): `[lb_av]` and `[in_i]` are UCUM's pound and inch.
 */

/** UCUM units that appear in dosing output. */
export type UcumUnit =
  | 'mg'
  | 'mL'
  | 'mg/mL'
  | 'mL/h'
  | 'mg/kg'
  | 'mg/kg/h'
  | 'mg/min'
  | 'min'
  | 'h'
  | 'd'
  | 'kg'
  | '[lb_av]'
  | 'cm'
  | '[in_i]';

/** A FHIR-style quantity: a plain JS number with a UCUM unit. */
export interface Quantity<U extends UcumUnit = UcumUnit> {
  readonly value: number;
  readonly unit: U;
}

/** Units accepted in input (what a clinician types: `80kg`, `176 lb`, `1.5h`). */
export type InputUnit = 'kg' | 'lb' | 'cm' | 'in' | 'mg' | 'mg/kg' | 'mg/mL' | 'mL' | 'min' | 'h';

/** A quantity as entered, before validation against a field's rules. */
export interface InputQuantity<U extends InputUnit = InputUnit> {
  readonly value: number;
  readonly unit: U;
}

/** Build a quantity (kept tiny: it is on the hot path). */
export function quantity<U extends UcumUnit>(value: number, unit: U): Quantity<U> {
  return { value, unit };
}
