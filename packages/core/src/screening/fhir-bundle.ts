import { err, ok, type Problem, type Result } from '../result';
import { compareDateTimes, isFullOrPartialDate, isIsoDate } from './dates';
import { absentUnknownOf, HISTORY_LIST_OF_TYPE, isWithdrawnStatement } from './fhir-absent-unknown';
import { medicationConceptOf, medicationIndex, type MedicationIndex } from './fhir-medication';
import { readObservation } from './fhir-observation';
import { codings, conceptText, dateOf, isObject, Reader, ref, str, type Json } from './fhir-read';
import {
  CONDITION_CLINICAL_STATUSES,
  HISTORY_LISTS,
  MEDICATION_STATUSES,
  VERIFICATION_STATUSES,
  type AllergyFact,
  type BloodPressureFact,
  type BreastfeedingStatusFact,
  type Coding,
  type ConditionFact,
  type EvidenceRef,
  type HistoryList,
  type MedicationFact,
  type PatientFacts,
  type PregnancyStatusFact,
  type WeightFact,
} from './types';

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

/** What a record says when it has no text: its first code, else that it has neither. */
function fallbackDisplay(codes: readonly Coding[]): string {
  const first = codes[0];
  if (first === undefined) return 'no code or text';
  return first.system === 'other' ? `code ${first.code}` : `${first.system} ${first.code}`;
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

/**
 * The medicine a statement or request names: its own concept, the code of the Medication it
 * references, or else the reference's display as text.
 */
function medicationConcept(res: Json, path: string, medications: MedicationIndex): unknown {
  const found = medicationConceptOf(res, path, medications);
  if (found !== undefined) return found.concept;
  const display = isObject(res.medicationReference)
    ? str(res.medicationReference.display)
    : undefined;
  return display === undefined ? undefined : { text: display };
}

function readMedication(
  res: Json,
  type: 'MedicationStatement' | 'MedicationRequest',
  r: Reader,
  url: string | undefined,
  concept: unknown,
): MedicationFact {
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
 * The breastfeeding status from 63895-7 Observations: the newest dated one wins, and when two
 * cannot be told apart "yes" stands. An undated one cannot be placed in time, so it is used only
 * when none is dated, and then only a "yes" counts (positive evidence of risk); an undated "no"
 * proves nothing now and is read as unknown, citing it.
 */
function breastfeedingOf(
  statuses: readonly BreastfeedingStatusFact[],
): Pick<PatientFacts, 'breastfeeding' | 'breastfeedingRef'> {
  let latest: (BreastfeedingStatusFact & { readonly date: string }) | undefined;
  for (const s of statuses) {
    if (s.date === undefined) continue;
    const order = latest === undefined ? 1 : compareDateTimes(s.date, latest.date);
    if (order > 0 || (order === 0 && s.status === 'yes' && latest?.status !== 'yes'))
      latest = { ...s, date: s.date };
  }
  if (latest !== undefined) return { breastfeeding: latest.status, breastfeedingRef: latest.ref };
  const undated = statuses.find((s) => s.status === 'yes') ?? statuses[0];
  if (undated === undefined) return { breastfeeding: 'unknown' };
  return undated.status === 'yes'
    ? { breastfeeding: 'yes', breastfeedingRef: undated.ref }
    : {
        breastfeeding: 'unknown',
        breastfeedingRef: {
          reference: undated.ref.reference,
          display: `${undated.ref.display} (undated, so not a current status)`,
        },
      };
}

/**
 * Patient facts from a FHIR R4 Bundle (https://hl7.org/fhir/R4/bundle.html) holding Patient,
 * Condition, MedicationStatement, MedicationRequest, AllergyIntolerance and Observation
 * resources; other resources are ignored. Every problem comes back with its path. A record coded
 * with an IPS absent/unknown code (fhir-absent-unknown.ts) is a statement about its list, not an
 * entry: "no information" leaves the list unrecorded when the bundle has no entry for it.
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

  const medicationsById = medicationIndex(entries, 'entry');

  let patient: Json | undefined;
  let patientUrl: string | undefined;
  const conditions: ConditionFact[] = [];
  const medications: MedicationFact[] = [];
  const allergies: AllergyFact[] = [];
  const bloodPressures: BloodPressureFact[] = [];
  const pregnancyStatuses: PregnancyStatusFact[] = [];
  const breastfeedingStatuses: BreastfeedingStatusFact[] = [];
  const weights: WeightFact[] = [];
  const noInfo = new Set<HistoryList>();
  entries.forEach((e, i) => {
    const path = `entry[${i}].resource`;
    if (!isObject(e) || !isObject(e.resource)) {
      r.problem(path, 'must be an object');
      return;
    }
    const res = e.resource;
    const url = str(e.fullUrl);
    const list =
      typeof res.resourceType === 'string' ? HISTORY_LIST_OF_TYPE[res.resourceType] : undefined;
    const concept =
      list === undefined
        ? undefined
        : list === 'medications'
          ? medicationConcept(res, path, medicationsById)
          : res.code;
    const statement = list === undefined ? undefined : absentUnknownOf(concept);
    if (statement !== undefined) {
      // A statement about a list (IPS absent/unknown code), never an entry in it.
      if (statement.list === list && statement.meaning === 'no-info' && !isWithdrawnStatement(res))
        noInfo.add(list);
      return;
    }
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
        medications.push(readMedication(res, res.resourceType, r, url, concept));
        break;
      case 'AllergyIntolerance':
        allergies.push(readAllergy(res, r, url));
        break;
      case 'Observation': {
        const o = readObservation(res, r, url);
        if (o.bp !== undefined) bloodPressures.push(o.bp);
        if (o.pregnancy !== undefined) pregnancyStatuses.push(o.pregnancy);
        if (o.breastfeeding !== undefined) breastfeedingStatuses.push(o.breastfeeding);
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
  // An IPS "no information" statement leaves its list unknown, unless the bundle holds an entry
  // for it (one entered in error is none). "None known" changes nothing: a bundle's lists are the
  // EHR's own, held even when empty.
  const hasEntry: Readonly<Record<HistoryList, boolean>> = {
    conditions: conditions.some((c) => c.verificationStatus !== 'entered-in-error'),
    medications: medications.some((m) => m.status !== 'entered-in-error'),
    allergies: allergies.some((a) => a.verificationStatus !== 'entered-in-error'),
  };
  const unrecordedLists = HISTORY_LISTS.filter((list) => noInfo.has(list) && !hasEntry[list]);
  return ok({
    reference,
    ...(deceased === undefined ? {} : { deceased }),
    ...(birthDate === undefined ? {} : { birthDate }),
    sex: gender === 'female' || gender === 'male' || gender === 'other' ? gender : 'unknown',
    pregnancyNotPossible: false,
    pregnancyStatuses,
    ...breastfeedingOf(breastfeedingStatuses),
    conditions,
    medications,
    allergies,
    bloodPressures,
    weights,
    ...(r.unreadable.length === 0 ? {} : { unreadable: r.unreadable }),
    ...(unrecordedLists.length === 0 ? {} : { unrecordedLists }),
  });
}
