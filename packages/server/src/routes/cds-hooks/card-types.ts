/** The CDS Hooks 2.0 card (https://cds-hooks.hl7.org/2.0/#card-attributes) and KetaFlow's rule codes. */

type Json = Record<string, unknown>;

export const RULE_SYSTEM = 'https://ketaflow.org/cds/rules';
/** The card the dose check adds when a dose is outside the protocol or label (not a screening finding). */
export const DOSE_RULE = 'CDS.DOSE_OUT_OF_RANGE';
/** The card the dose check adds when it could not check an ordered dose, and why. */
export const DOSE_UNCHECKED_RULE = 'CDS.DOSE_NOT_CHECKED';

export const OVERRIDE_REASONS: { code: string; system: string; display: string }[] = [
  { code: 'benefit-outweighs-risk', system: RULE_SYSTEM, display: 'Benefit outweighs the risk' },
  { code: 'patient-informed', system: RULE_SYSTEM, display: 'Discussed with the patient' },
  { code: 'data-incorrect', system: RULE_SYSTEM, display: 'The record is wrong or out of date' },
  { code: 'managed-elsewhere', system: RULE_SYSTEM, display: 'Managed by another clinician' },
];

export interface Card {
  readonly uuid: string;
  readonly summary: string;
  readonly detail: string;
  readonly indicator: 'info' | 'warning' | 'critical';
  readonly source: {
    readonly label: string;
    readonly url: string;
    readonly topic: { readonly system: string; readonly code: string; readonly display: string };
  };
  readonly suggestions?: ({ label: string; uuid: string } & Json)[];
  readonly selectionBehavior?: 'at-most-one' | 'any';
  readonly overrideReasons?: { code: string; system: string; display: string }[];
  /** Named extension properties (https://cds-hooks.hl7.org/2.0/#extensions). */
  readonly extension?: Json;
}

/** `text` cut to `max` characters (a card's summary must stay under 140). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
