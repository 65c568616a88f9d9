import { err, ok, type Problem, type Result } from '../result';
import { isFullOrPartialDate, isIsoDate } from './dates';
import { formatBloodPressure } from './finding';
import {
  CONDITION_CLINICAL_STATUSES,
  MEDICATION_STATUSES,
  VERIFICATION_STATUSES,
  type AllergyFact,
  type BloodPressureFact,
  type Coding,
  type ConditionFact,
  type EvidenceRef,
  type MedicationFact,
  type PatientFacts,
  type PregnancyStatusFact,
  type UnreadableFact,
  type WeightFact,
} from './types';

type Json = Readonly<Record<string, unknown>>;

const SYSTEMS: Readonly<Record<string, Coding['system']>> = {
  'http://snomed.info/sct': 'snomed',
  'http://hl7.org/fhir/sid/icd-10-cm': 'icd10',
  'http://hl7.org/fhir/sid/icd-10': 'icd10',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'rxnorm',
  'http://loinc.org': 'loinc',
};

/** LOINC codes read from Observations. */
const LOINC = {
  bpPanels: ['85354-9', '55284-4'],
  systolic: '8480-6',
  diastolic: '8462-4',
  pregnancyStatus: '82810-3',
  weight: '29463-7',
} as const;

/** Answer codes of 82810-3 (LOINC answer list and SNOMED CT). */
const PREGNANCY_ANSWERS: Readonly<Record<string, PregnancyStatusFact['status']>> = {
  'LA15173-0': 'pregnant',
  '77386006': 'pregnant',
  'LA26683-5': 'not-pregnant',
  '60001007': 'not-pregnant',
  'LA4489-6': 'unknown',
  '261665006': 'unknown',
};

const WEIGHT_TO_KG: Readonly<Record<string, number>> = { kg: 1, g: 0.001, '[lb_av]': 0.45359237 };

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** UCUM code and common unit text for millimetres of mercury, compared in lower case. */
const MM_HG = new Set(['mm[hg]', 'mmhg', 'mm hg']);

/**
 * Problems with the bundle as a whole refuse it; a record that cannot be read is set aside as
 * unreadable (with the reason), so the rest of the bundle is still screened and the finding about
 * the fact it would have given says what could not be read.
 */
class Reader {
  readonly problems: Problem[] = [];
  readonly unreadable: UnreadableFact[] = [];
  problem(path: string, message: string): void {
    this.problems.push({ code: 'SCREEN.INVALID_FHIR', message, path });
  }
  cannotRead(fact: UnreadableFact): void {
    this.unreadable.push(fact);
  }
}

function codings(concept: unknown): Coding[] {
  if (!isObject(concept)) return [];
  const out: Coding[] = [];
  for (const c of arr(concept.coding)) {
    if (!isObject(c)) continue;
    const code = str(c.code);
    if (code === undefined) continue;
    out.push({ system: SYSTEMS[str(c.system) ?? ''] ?? 'other', code });
  }
  return out;
}

function conceptText(concept: unknown): string | undefined {
  if (!isObject(concept)) return undefined;
  const text = str(concept.text);
  if (text !== undefined) return text;
  for (const c of arr(concept.coding))
    if (isObject(c) && str(c.display) !== undefined) return str(c.display);
  return undefined;
}

/**
 * A FHIR status code, or `fallback` when there is none. A code outside FHIR's list is read as
 * `fallback` (`unknown`, which screening counts as current) and its reason added to `bad`.
 */
function statusCode<T extends string>(
  concept: unknown,
  allowed: readonly T[],
  fallback: T,
  name: string,
  bad: string[],
): T {
  const code = codings(concept)[0]?.code ?? (typeof concept === 'string' ? concept : undefined);
  if (code === undefined) return fallback;
  if ((allowed as readonly string[]).includes(code)) return code as T;
  bad.push(`${name} "${code}" is not a FHIR ${name} (read as ${fallback})`);
  return fallback;
}

/** Records a record whose status could not be read, when it had any such problem. */
function reportStatus(r: Reader, evidence: EvidenceRef, bad: readonly string[]): void {
  if (bad.length > 0) r.cannotRead({ fact: 'status', ref: evidence, reason: bad.join('; ') });
}

function dateOf(resource: Json, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = resource[key];
    if (typeof value === 'string' && isIsoDate(value)) return value;
    if (isObject(value) && typeof value.start === 'string' && isIsoDate(value.start))
      return value.start;
  }
  return undefined;
}

/** What a record says when it has no text: its first code, else that it has neither. */
function fallbackDisplay(codes: readonly Coding[]): string {
  const first = codes[0];
  if (first === undefined) return 'no code or text';
  return first.system === 'other' ? `code ${first.code}` : `${first.system} ${first.code}`;
}

function ref(
  resource: Json,
  type: string,
  display: string,
  fullUrl: string | undefined,
): EvidenceRef {
  const id = str(resource.id);
  return { reference: id === undefined ? (fullUrl ?? type) : `${type}/${id}`, display };
}

function readCondition(res: Json, r: Reader, url: string | undefined): ConditionFact {
  const text = conceptText(res.code);
  const codes = codings(res.code);
  const onset = dateOf(res, ['onsetDateTime', 'onsetPeriod', 'recordedDate']);
  const bad: string[] = [];
  const fact: ConditionFact = {
    ref: ref(res, 'Condition', text ?? fallbackDisplay(codes), url),
    codes,
    ...(text === undefined ? {} : { text }),
    clinicalStatus: statusCode(
      res.clinicalStatus,
      CONDITION_CLINICAL_STATUSES,
      'unknown',
      'clinical status',
      bad,
    ),
    verificationStatus: statusCode(
      res.verificationStatus,
      VERIFICATION_STATUSES,
      'unknown',
      'verification status',
      bad,
    ),
    ...(onset === undefined ? {} : { onset }),
  };
  reportStatus(r, fact.ref, bad);
  return fact;
}

function readMedication(
  res: Json,
  type: 'MedicationStatement' | 'MedicationRequest',
  r: Reader,
  url: string | undefined,
  medications: ReadonlyMap<string, Json>,
): MedicationFact {
  let concept: unknown = res.medicationCodeableConcept;
  if (concept === undefined && isObject(res.medicationReference)) {
    const target = str(res.medicationReference.reference);
    concept = target === undefined ? undefined : medications.get(target)?.code;
    if (concept === undefined && str(res.medicationReference.display) !== undefined)
      concept = { text: res.medicationReference.display };
  }
  const text = conceptText(concept);
  const bad: string[] = [];
  const status = statusCode(str(res.status), MEDICATION_STATUSES, 'unknown', 'status', bad);
  const codes = codings(concept);
  const fact: MedicationFact = {
    ref: ref(res, type, text ?? fallbackDisplay(codes), url),
    rxnormCodes: codes.filter((c) => c.system === 'rxnorm').map((c) => c.code),
    ...(text === undefined ? {} : { text }),
    status,
  };
  reportStatus(r, fact.ref, bad);
  return fact;
}

function readAllergy(res: Json, r: Reader, url: string | undefined): AllergyFact {
  const text = conceptText(res.code);
  const codes = codings(res.code);
  const bad: string[] = [];
  const fact: AllergyFact = {
    ref: ref(res, 'AllergyIntolerance', text ?? fallbackDisplay(codes), url),
    rxnormCodes: codes.filter((c) => c.system === 'rxnorm').map((c) => c.code),
    ...(text === undefined ? {} : { text }),
    verificationStatus: statusCode(
      res.verificationStatus,
      VERIFICATION_STATUSES,
      'unknown',
      'verification status',
      bad,
    ),
  };
  reportStatus(r, fact.ref, bad);
  return fact;
}

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

interface ObservationOut {
  bp?: BloodPressureFact;
  pregnancy?: PregnancyStatusFact;
  weight?: WeightFact;
}

function readObservation(res: Json, r: Reader, url: string | undefined): ObservationOut {
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
      .map((c) => PREGNANCY_ANSWERS[c.code])
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

/** `Patient.deceased[x]`: a death date or `deceasedBoolean: true` means the patient has died. */
function readDeceased(patient: Json, reference: string, r: Reader): EvidenceRef | undefined {
  const when = patient.deceasedDateTime;
  if (when !== undefined) {
    // FHIR allows a partial date-time ("2013"): any date at all says the patient has died.
    if (typeof when !== 'string' || when.trim() === '') {
      r.problem('Patient.deceasedDateTime', 'must be a FHIR dateTime');
      return undefined;
    }
    return { reference, display: `deceased ${isIsoDate(when) ? when.slice(0, 10) : when}` };
  }
  const flag = patient.deceasedBoolean;
  if (flag !== undefined && typeof flag !== 'boolean')
    r.problem('Patient.deceasedBoolean', 'must be true or false');
  return flag === true ? { reference, display: 'deceased' } : undefined;
}

/**
 * Patient facts from a FHIR R4 Bundle (https://hl7.org/fhir/R4/bundle.html) holding Patient,
 * Condition, MedicationStatement, MedicationRequest, AllergyIntolerance and Observation
 * resources; other resources are ignored. Every problem comes back with its path.
 */
export function parseFhirBundle(input: unknown): Result<PatientFacts, Problem[]> {
  const r = new Reader();
  if (!isObject(input) || input.resourceType !== 'Bundle')
    return err([
      { code: 'SCREEN.INVALID_FHIR', message: 'must be a FHIR Bundle', path: 'resourceType' },
    ]);
  if (!Array.isArray(input.entry))
    return err([{ code: 'SCREEN.INVALID_FHIR', message: 'must be an array', path: 'entry' }]);
  const entries = input.entry as readonly unknown[];

  const medicationsById = new Map<string, Json>();
  entries.forEach((e) => {
    if (!isObject(e) || !isObject(e.resource) || e.resource.resourceType !== 'Medication') return;
    const id = str(e.resource.id);
    if (id !== undefined) medicationsById.set(`Medication/${id}`, e.resource);
    const url = str(e.fullUrl);
    if (url !== undefined) medicationsById.set(url, e.resource);
  });

  let patient: Json | undefined;
  let patientUrl: string | undefined;
  const conditions: ConditionFact[] = [];
  const medications: MedicationFact[] = [];
  const allergies: AllergyFact[] = [];
  const bloodPressures: BloodPressureFact[] = [];
  const pregnancyStatuses: PregnancyStatusFact[] = [];
  const weights: WeightFact[] = [];
  entries.forEach((e, i) => {
    const path = `entry[${i}].resource`;
    if (!isObject(e) || !isObject(e.resource)) {
      r.problem(path, 'must be an object');
      return;
    }
    const res = e.resource;
    const url = str(e.fullUrl);
    switch (res.resourceType) {
      case 'Patient':
        if (patient !== undefined) r.problem(path, 'a bundle may describe one patient only');
        patient = res;
        patientUrl = url;
        break;
      case 'Condition':
        conditions.push(readCondition(res, r, url));
        break;
      case 'MedicationStatement':
      case 'MedicationRequest':
        medications.push(readMedication(res, res.resourceType, r, url, medicationsById));
        break;
      case 'AllergyIntolerance':
        allergies.push(readAllergy(res, r, url));
        break;
      case 'Observation': {
        const o = readObservation(res, r, url);
        if (o.bp !== undefined) bloodPressures.push(o.bp);
        if (o.pregnancy !== undefined) pregnancyStatuses.push(o.pregnancy);
        if (o.weight !== undefined) weights.push(o.weight);
        break;
      }
      default:
        if (typeof res.resourceType !== 'string')
          r.problem(`${path}.resourceType`, 'must be a string');
    }
  });
  if (patient === undefined) r.problem('entry', 'must contain a Patient resource');
  const reference =
    patient === undefined ? 'Patient' : ref(patient, 'Patient', '', patientUrl).reference;
  // FHIR allows a partial birth date (`1990`, `1990-05`): screening reads it as the youngest age
  // it allows. Anything else is no date: the age is unknown and the finding says why.
  let birthDate = str(patient?.birthDate);
  if (birthDate !== undefined && !isFullOrPartialDate(birthDate)) {
    r.cannotRead({
      fact: 'birth-date',
      ref: { reference, display: `birth date "${birthDate}"` },
      reason: 'not a date: FHIR allows YYYY, YYYY-MM or YYYY-MM-DD',
    });
    birthDate = undefined;
  }
  const deceased = patient === undefined ? undefined : readDeceased(patient, reference, r);
  if (r.problems.length > 0) return err(r.problems);
  const gender = str(patient?.gender);
  return ok({
    reference,
    ...(deceased === undefined ? {} : { deceased }),
    ...(birthDate === undefined ? {} : { birthDate }),
    sex: gender === 'female' || gender === 'male' || gender === 'other' ? gender : 'unknown',
    pregnancyNotPossible: false,
    pregnancyStatuses,
    breastfeeding: 'unknown',
    conditions,
    medications,
    allergies,
    bloodPressures,
    weights,
    ...(r.unreadable.length === 0 ? {} : { unreadable: r.unreadable }),
  });
}
