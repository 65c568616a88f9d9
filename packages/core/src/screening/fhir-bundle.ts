import { err, ok, type Problem, type Result } from '../result';
import { isIsoDate } from './dates';
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

class Reader {
  readonly problems: Problem[] = [];
  problem(path: string, message: string): void {
    this.problems.push({ code: 'SCREEN.INVALID_FHIR', message, path });
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

function statusCode<T extends string>(
  concept: unknown,
  allowed: readonly T[],
  fallback: T,
  r: Reader,
  path: string,
): T {
  const code = codings(concept)[0]?.code ?? (typeof concept === 'string' ? concept : undefined);
  if (code === undefined) return fallback;
  if ((allowed as readonly string[]).includes(code)) return code as T;
  r.problem(path, `must be one of: ${allowed.join(', ')}`);
  return fallback;
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

function readCondition(res: Json, path: string, r: Reader, url: string | undefined): ConditionFact {
  const text = conceptText(res.code);
  const codes = codings(res.code);
  const onset = dateOf(res, ['onsetDateTime', 'onsetPeriod', 'recordedDate']);
  return {
    ref: ref(res, 'Condition', text ?? fallbackDisplay(codes), url),
    codes,
    ...(text === undefined ? {} : { text }),
    clinicalStatus: statusCode(
      res.clinicalStatus,
      CONDITION_CLINICAL_STATUSES,
      'unknown',
      r,
      `${path}.clinicalStatus`,
    ),
    verificationStatus: statusCode(
      res.verificationStatus,
      VERIFICATION_STATUSES,
      'unknown',
      r,
      `${path}.verificationStatus`,
    ),
    ...(onset === undefined ? {} : { onset }),
  };
}

function readMedication(
  res: Json,
  type: 'MedicationStatement' | 'MedicationRequest',
  path: string,
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
  const status = str(res.status);
  let medStatus: MedicationFact['status'] = 'unknown';
  if (status !== undefined) {
    if ((MEDICATION_STATUSES as readonly string[]).includes(status))
      medStatus = status as MedicationFact['status'];
    else r.problem(`${path}.status`, `must be one of: ${MEDICATION_STATUSES.join(', ')}`);
  }
  const codes = codings(concept);
  return {
    ref: ref(res, type, text ?? fallbackDisplay(codes), url),
    rxnormCodes: codes.filter((c) => c.system === 'rxnorm').map((c) => c.code),
    ...(text === undefined ? {} : { text }),
    status: medStatus,
  };
}

function readAllergy(res: Json, path: string, r: Reader, url: string | undefined): AllergyFact {
  const text = conceptText(res.code);
  const codes = codings(res.code);
  return {
    ref: ref(res, 'AllergyIntolerance', text ?? fallbackDisplay(codes), url),
    rxnormCodes: codes.filter((c) => c.system === 'rxnorm').map((c) => c.code),
    ...(text === undefined ? {} : { text }),
    verificationStatus: statusCode(
      res.verificationStatus,
      VERIFICATION_STATUSES,
      'unknown',
      r,
      `${path}.verificationStatus`,
    ),
  };
}

function quantity(
  value: unknown,
  path: string,
  r: Reader,
): { value: number; unit: string } | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value) || typeof value.value !== 'number' || !Number.isFinite(value.value)) {
    r.problem(path, 'must be a Quantity with a numeric value');
    return undefined;
  }
  return { value: value.value, unit: str(value.code) ?? str(value.unit) ?? '' };
}

interface ObservationOut {
  bp?: BloodPressureFact;
  pregnancy?: PregnancyStatusFact;
  weight?: WeightFact;
}

function readObservation(
  res: Json,
  path: string,
  r: Reader,
  url: string | undefined,
): ObservationOut {
  const status = str(res.status);
  if (status === 'entered-in-error' || status === 'cancelled') return {};
  const codes = codings(res.code)
    .filter((c) => c.system === 'loinc')
    .map((c) => c.code);
  const date = dateOf(res, ['effectiveDateTime', 'effectivePeriod', 'issued']);
  if (codes.some((c) => (LOINC.bpPanels as readonly string[]).includes(c))) {
    let systolic: number | undefined;
    let diastolic: number | undefined;
    arr(res.component).forEach((comp, i) => {
      if (!isObject(comp)) return;
      const code = codings(comp.code).find((c) => c.system === 'loinc')?.code;
      if (code !== LOINC.systolic && code !== LOINC.diastolic) return;
      const q = quantity(comp.valueQuantity, `${path}.component[${i}].valueQuantity`, r);
      if (q === undefined) return;
      if (code === LOINC.systolic) systolic = q.value;
      else diastolic = q.value;
    });
    if (systolic === undefined || diastolic === undefined || date === undefined) return {};
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
    const q = quantity(res.valueQuantity, `${path}.valueQuantity`, r);
    if (q === undefined) return {};
    const factor = WEIGHT_TO_KG[q.unit] ?? (q.unit === 'lb' ? WEIGHT_TO_KG['[lb_av]'] : undefined);
    if (factor === undefined) {
      r.problem(`${path}.valueQuantity.code`, 'must be a weight unit: kg, g or [lb_av]');
      return {};
    }
    const valueKg = q.value * factor;
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
        conditions.push(readCondition(res, path, r, url));
        break;
      case 'MedicationStatement':
      case 'MedicationRequest':
        medications.push(readMedication(res, res.resourceType, path, r, url, medicationsById));
        break;
      case 'AllergyIntolerance':
        allergies.push(readAllergy(res, path, r, url));
        break;
      case 'Observation': {
        const o = readObservation(res, path, r, url);
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
  const birthDate = str(patient?.birthDate);
  if (birthDate !== undefined && !isIsoDate(birthDate))
    r.problem('Patient.birthDate', 'must be an ISO date (YYYY-MM-DD)');
  const reference =
    patient === undefined ? 'Patient' : ref(patient, 'Patient', '', patientUrl).reference;
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
  });
}
