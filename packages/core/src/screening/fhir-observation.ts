/**
 * Observations screening reads: blood pressure (in mmHg only), pregnancy and breastfeeding status
 * and weight. A
 * reading that cannot be used is set aside with its reason, never read as normal.
 */
import { formatBloodPressure } from './finding';
import { arr, codings, dateOf, isObject, ref, str, type Json, type Reader } from './fhir-read';
import { PLAUSIBLE_MM_HG } from './patient-json';
import type {
  BloodPressureFact,
  BreastfeedingStatusFact,
  PregnancyStatusFact,
  WeightFact,
} from './types';

/** LOINC codes read from Observations. */
const LOINC = {
  bpPanels: ['85354-9', '55284-4'],
  systolic: '8480-6',
  diastolic: '8462-4',
  pregnancyStatus: '82810-3',
  breastfeedingStatus: '63895-7',
  weight: '29463-7',
} as const;

/** Answer codes of 82810-3 (LOINC answer list and SNOMED CT). */
export const PREGNANCY_STATUS_ANSWERS: Readonly<Record<string, PregnancyStatusFact['status']>> = {
  'LA15173-0': 'pregnant',
  '77386006': 'pregnant',
  'LA26683-5': 'not-pregnant',
  '60001007': 'not-pregnant',
  'LA4489-6': 'unknown',
  '261665006': 'unknown',
};

/**
 * Answer codes of 63895-7 (Breastfeeding status). LOINC answers: LA29252-6 "Currently
 * breastfeeding", LA29253-4 "Not currently breastfeeding", LA4489-6 "Unknown", as listed by the
 * gematik ISiK StillstatusVS value set (https://gematik.de/fhir/isik/ValueSet/StillstatusVS) and
 * the tx.fhir.org expansion of Jembi's breastfeeding-status value set (LOINC 2.81). SNOMED CT:
 * 169750002 "Mother currently breast-feeding" (finding). No SNOMED CT "not breastfeeding" answer
 * could be verified, so none is read: any other answer is read as unknown, never as "no".
 */
export const BREASTFEEDING_STATUS_ANSWERS: Readonly<Record<string, 'yes' | 'no' | 'unknown'>> = {
  'LA29252-6': 'yes',
  '169750002': 'yes',
  'LA29253-4': 'no',
  'LA4489-6': 'unknown',
};

const WEIGHT_TO_KG: Readonly<Record<string, number>> = { kg: 1, g: 0.001, '[lb_av]': 0.45359237 };

/** UCUM code and common unit text for millimetres of mercury, compared in lower case. */
const MM_HG = new Set(['mm[hg]', 'mmhg', 'mm hg']);

/** A Quantity's number, or why there is none (plain English, naming the value as given). */
function quantityValue(q: unknown, name: string): number | { reason: string } {
  if (q === undefined) return { reason: `no ${name} value` };
  const value = isObject(q) ? q.value : q;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value === undefined) return { reason: `no ${name} value` };
  const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  return { reason: `${name} value ${shown} is not a number` };
}

/**
 * A blood-pressure component in mmHg, or why it cannot be read. Every unit it states (UCUM code,
 * unit text) must be mmHg: a value in kPa (26.7 for 200 mmHg) or cmH2O read as mmHg would pass as
 * a low, normal reading. A value with no unit at all is not read either, for the same reason:
 * the unit cannot be checked, and an unknown blood pressure is never treated as normal.
 */
function mmHgValue(q: unknown, name: string): number | { reason: string } {
  const value = quantityValue(q, name);
  if (typeof value !== 'number' || !isObject(q)) return value;
  const units = [str(q.code), str(q.unit)].filter((u) => u !== undefined);
  if (units.length === 0) return { reason: 'no unit given, mmHg expected' };
  const other = units.find((u) => !MM_HG.has(u.trim().toLowerCase()));
  return other === undefined ? value : { reason: `unit "${other}" is not mmHg` };
}

export interface ObservationOut {
  bp?: BloodPressureFact;
  pregnancy?: PregnancyStatusFact;
  breastfeeding?: BreastfeedingStatusFact;
  weight?: WeightFact;
}

export function readObservation(res: Json, r: Reader, url: string | undefined): ObservationOut {
  const status = str(res.status);
  if (status === 'entered-in-error' || status === 'cancelled') return {};
  const codes = codings(res.code)
    .filter((c) => c.system === 'loinc')
    .map((c) => c.code);
  const date = dateOf(res, ['effectiveDateTime', 'effectivePeriod', 'issued']);
  const onDate = date === undefined ? 'undated' : `on ${date.slice(0, 10)}`;
  const dated = date === undefined ? {} : { date };
  if (codes.some((c) => (LOINC.bpPanels as readonly string[]).includes(c))) {
    let systolic: number | { reason: string } = { reason: 'no systolic value' };
    let diastolic: number | { reason: string } = { reason: 'no diastolic value' };
    for (const comp of arr(res.component)) {
      if (!isObject(comp)) continue;
      const code = codings(comp.code).find((c) => c.system === 'loinc')?.code;
      if (code === LOINC.systolic) systolic = mmHgValue(comp.valueQuantity, 'systolic');
      if (code === LOINC.diastolic) diastolic = mmHgValue(comp.valueQuantity, 'diastolic');
    }
    for (const [name, value] of [
      ['systolic', systolic],
      ['diastolic', diastolic],
    ] as const) {
      const [low, high] = PLAUSIBLE_MM_HG[name];
      if (typeof value === 'number' && (value < low || value > high)) {
        const reason = `${name} ${String(value)} mmHg is not a possible reading`;
        if (name === 'systolic') systolic = { reason };
        else diastolic = { reason };
      }
    }
    if (typeof systolic !== 'number' || typeof diastolic !== 'number' || date === undefined) {
      const reasons = [systolic, diastolic].flatMap((v) => (typeof v === 'number' ? [] : v.reason));
      if (date === undefined) reasons.push('no date');
      // Both components in kPa is one reason, not two.
      const distinct = [...new Set(reasons)];
      r.cannotRead({
        fact: 'blood-pressure',
        ref: ref(res, 'Observation', `blood pressure ${onDate}`, url),
        reason: distinct.join('; '),
        ...dated,
      });
      return {};
    }
    return {
      bp: {
        ref: ref(res, 'Observation', formatBloodPressure(systolic, diastolic, date), url),
        date,
        systolicMmHg: systolic,
        diastolicMmHg: diastolic,
      },
    };
  }
  if (codes.includes(LOINC.pregnancyStatus)) {
    const answer = codings(res.valueCodeableConcept)
      .map((c) => PREGNANCY_STATUS_ANSWERS[c.code])
      .find((s) => s !== undefined);
    const status = answer ?? 'unknown';
    return {
      pregnancy: {
        ref: ref(res, 'Observation', `pregnancy status: ${status}`, url),
        status,
        ...(date === undefined ? {} : { date }),
      },
    };
  }
  if (codes.includes(LOINC.breastfeedingStatus)) {
    const status =
      codings(res.valueCodeableConcept)
        .map((c) => BREASTFEEDING_STATUS_ANSWERS[c.code])
        .find((s) => s !== undefined) ?? 'unknown';
    return {
      breastfeeding: {
        ref: ref(res, 'Observation', `breastfeeding status: ${status}`, url),
        status,
        ...dated,
      },
    };
  }
  if (codes.includes(LOINC.weight)) {
    const q = res.valueQuantity;
    const value = quantityValue(q, 'weight');
    const unit = isObject(q) ? (str(q.code) ?? str(q.unit)) : undefined;
    const factor =
      unit === undefined
        ? undefined
        : (WEIGHT_TO_KG[unit] ?? (unit === 'lb' ? WEIGHT_TO_KG['[lb_av]'] : undefined));
    let reason: string | undefined;
    if (typeof value !== 'number') reason = value.reason;
    else if (unit === undefined) reason = 'weight has no unit';
    else if (factor === undefined) reason = `unit "${unit}" is not kg, g or [lb_av]`;
    else if (!(value > 0)) reason = `${value} ${unit} is not a possible weight`;
    if (reason !== undefined || factor === undefined || typeof value !== 'number') {
      r.cannotRead({
        fact: 'weight',
        ref: ref(res, 'Observation', `weight ${onDate}`, url),
        reason: reason ?? 'weight could not be read',
        ...dated,
      });
      return {};
    }
    const valueKg = value * factor;
    return {
      weight: {
        ref: ref(res, 'Observation', `${Math.round(valueKg * 10) / 10} kg`, url),
        valueKg,
        ...(date === undefined ? {} : { date }),
      },
    };
  }
  return {};
}
