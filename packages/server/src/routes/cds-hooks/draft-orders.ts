/**
 * The ketamine and esketamine orders among a hook's draft orders, and the dose each one asks for.
 * Draft orders are FHIR R4 MedicationRequests (https://hl7.org/fhir/R4/medicationrequest.html).
 */
import {
  medicationConceptOf,
  medicationIndex,
  normalizeMedication,
  type MedicationIndex,
  type ScreeningProduct,
} from '@ketaflow/core';

type Json = Record<string, unknown>;

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const UCUM = 'http://unitsofmeasure.org';

export interface DraftMedicationOrder {
  readonly resource: Json;
  readonly product: ScreeningProduct;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const NO_MEDICATIONS: MedicationIndex = new Map();

/**
 * The order's medication as RxNorm codes and texts: its `medicationCodeableConcept`, or the code
 * of the Medication its `medicationReference` names (contained or in the draft bundle), plus the
 * reference's display.
 */
function medicationOf(
  order: Json,
  entries: readonly unknown[],
): { codes: string[]; texts: string[] } {
  const reference = isObject(order.medicationReference) ? order.medicationReference : undefined;
  // Only an order that names its medicine by reference needs the bundle's Medications.
  const medications =
    reference === undefined ? NO_MEDICATIONS : medicationIndex(entries, 'draftOrders.entry');
  const named = medicationConceptOf(order, 'MedicationRequest', medications)?.concept;
  const concept: Json = isObject(named) ? named : {};
  const texts: unknown[] = reference === undefined ? [] : [reference.display];
  const codings: unknown[] = Array.isArray(concept.coding) ? (concept.coding as unknown[]) : [];
  const codes = codings
    .filter((c): c is Json => isObject(c) && c.system === RXNORM && typeof c.code === 'string')
    .map((c) => c.code as string);
  const conceptTexts = [concept.text, ...codings.map((c) => (isObject(c) ? c.display : undefined))];
  return {
    codes,
    texts: [...conceptTexts, ...texts].filter(
      (t): t is string => typeof t === 'string' && t !== '',
    ),
  };
}

/** The ketamine or esketamine MedicationRequests among the draft orders (others are ignored). */
export function ketamineDraftOrders(context: Json): DraftMedicationOrder[] {
  const bundle = context.draftOrders;
  if (!isObject(bundle) || !Array.isArray(bundle.entry)) return [];
  const selections = Array.isArray(context.selections)
    ? new Set((context.selections as unknown[]).filter((s) => typeof s === 'string'))
    : undefined;
  const out: DraftMedicationOrder[] = [];
  for (const e of bundle.entry as unknown[]) {
    if (!isObject(e) || !isObject(e.resource)) continue;
    const r = e.resource;
    if (r.resourceType !== 'MedicationRequest') continue;
    if (selections && !selections.has(`MedicationRequest/${String(r.id)}`)) continue;
    const { codes, texts } = medicationOf(r, bundle.entry as unknown[]);
    // A medication KetaFlow cannot read at all is not, as far as it knows, a ketamine order.
    if (codes.length === 0 && texts.length === 0) continue;
    const n = normalizeMedication(codes, texts[0]);
    if (n.status !== 'recognized') continue;
    const names = n.ingredients.map((i) => i.name);
    if (names.includes('esketamine')) out.push({ resource: r, product: 'esketamine-nasal' });
    else if (names.includes('ketamine')) out.push({ resource: r, product: 'ketamine-iv' });
  }
  return out;
}

/** The dose an order asks for, in a unit the dose check takes, or why it cannot be read. */
export type OrderedDose =
  | { readonly ok: true; readonly value: number; readonly unit: 'mg' | 'mg/kg' }
  | {
      readonly ok: false;
      readonly reason: string;
      /** The order names no dose at all (as when it has just been selected). */
      readonly absent?: boolean;
    };

/** `value` × 10^exponent without binary floating-point noise (0.07 g is 70 mg, not 70.00000000000001). */
function scaleDecimal(value: number, exponent: number): number {
  return Number((value * 10 ** exponent).toPrecision(15));
}

/** UCUM mass units (and the common `mcg`) converted to mg: the power of ten. */
const MG_EXPONENT: Readonly<Record<string, number>> = { mg: 0, g: 3, ug: -3, mcg: -3 };

/**
 * The first dose of the order's first dosage instruction (`doseQuantity`, or the `high` end of a
 * `doseRange`), in mg or mg/kg. A missing dose, more than one dose, a non-positive value or any
 * other unit cannot be read: the caller says the dose was not checked.
 */
export function readOrderedDose(order: Json): OrderedDose {
  const dosage = Array.isArray(order.dosageInstruction)
    ? (order.dosageInstruction[0] as unknown)
    : undefined;
  const first =
    isObject(dosage) && Array.isArray(dosage.doseAndRate)
      ? (dosage.doseAndRate[0] as unknown)
      : undefined;
  if (!isObject(first)) return { ok: false, reason: 'the order gives no dose', absent: true };
  // Only one dose is checked: an order giving several (tapering, split doses) is said unchecked.
  const dosages = order.dosageInstruction as unknown[];
  if (dosages.length > 1 || (isObject(dosage) && (dosage.doseAndRate as unknown[]).length > 1))
    return { ok: false, reason: 'the order gives more than one dose' };
  let q: unknown = first.doseQuantity;
  if (!isObject(q) && isObject(first.doseRange)) {
    q = first.doseRange.high;
    if (!isObject(q)) return { ok: false, reason: 'the dose range has no upper end' };
  }
  if (!isObject(q)) return { ok: false, reason: 'the order gives no dose', absent: true };
  const ucum = q.system === undefined || q.system === UCUM;
  const unit = ucum && typeof q.code === 'string' ? q.code : q.unit;
  const unitText = typeof unit === 'string' ? unit : 'none';
  if (typeof q.value !== 'number' || !Number.isFinite(q.value) || q.value <= 0)
    return { ok: false, reason: `dose value ${JSON.stringify(q.value ?? null)}` };
  if (unit === 'mg/kg') return { ok: true, value: q.value, unit: 'mg/kg' };
  const exponent =
    typeof unit === 'string' && Object.hasOwn(MG_EXPONENT, unit) ? MG_EXPONENT[unit] : undefined;
  if (exponent === undefined) return { ok: false, reason: `unit ${unitText}` };
  return { ok: true, value: scaleDecimal(q.value, exponent), unit: 'mg' };
}
