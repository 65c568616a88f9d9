import { requestJson, withQuery } from './http';
import type { Page } from './page';
import type {
  AccessLogEntry,
  AllergyCodeSystem,
  AllergyCriticality,
  AllergyStatus,
  ConditionClinicalStatus,
  ConditionCodeSystem,
  ConditionVerificationStatus,
  HeightUnit,
  HistoryList,
  MedicationStatus,
  Patient,
  PatientSummary,
  Sex,
  WeightUnit,
} from './patient-types';

export interface NewPatient {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: Sex;
  email?: string;
  phone?: string;
  addressLine?: string;
  city?: string;
  postalCode?: string;
}

/** Demographics to change; `null` clears an optional field. */
export type DemographicsPatch = Partial<
  Pick<NewPatient, 'givenName' | 'familyName' | 'birthDate' | 'sex'> &
    Record<'email' | 'phone' | 'addressLine' | 'city' | 'postalCode', string | null>
>;

export interface NewWeight {
  weight: { value: number; unit: WeightUnit };
  measuredOn: string;
}

export interface NewHeight {
  height: { value: number; unit: HeightUnit };
  measuredOn: string;
}

export interface NewAllergy {
  substance: string;
  codeSystem?: AllergyCodeSystem;
  code?: string;
  reaction?: string;
  criticality?: AllergyCriticality;
  status?: AllergyStatus;
}

export interface NewCondition {
  text: string;
  codeSystem?: ConditionCodeSystem;
  code?: string;
  clinicalStatus: ConditionClinicalStatus;
  verificationStatus: ConditionVerificationStatus;
  onsetDate?: string;
  abatementDate?: string;
}

export interface NewMedication {
  text: string;
  rxnormCode?: string;
  doseText?: string;
  status: MedicationStatus;
  startedOn?: string;
  stoppedOn?: string;
}

export interface MedicationStatusChange {
  status: MedicationStatus;
  stoppedOn?: string;
}

/** `incomplete`: only patients with a history list not recorded. */
export const HISTORY_FILTERS = ['incomplete'] as const;
export type HistoryFilter = (typeof HISTORY_FILTERS)[number];

/** `unconfirmed`: only patients whose online account's address was never confirmed. */
export const ACCOUNT_FILTERS = ['unconfirmed'] as const;
export type AccountFilter = (typeof ACCOUNT_FILTERS)[number];

export interface PatientSearch {
  query: string;
  history?: HistoryFilter | undefined;
  account?: AccountFilter | undefined;
  page: number;
  pageSize: number;
}

const base = '/api/patients';

export function searchPatients(search: PatientSearch): Promise<Page<PatientSummary>> {
  return requestJson('GET', withQuery(base, { ...search }));
}

export function createPatient(patient: NewPatient): Promise<Patient> {
  return requestJson('POST', base, patient);
}

export function fetchPatient(id: string): Promise<Patient> {
  return requestJson('GET', `${base}/${encodeURIComponent(id)}`);
}

export function updateDemographics(id: string, patch: DemographicsPatch): Promise<Patient> {
  return requestJson('PATCH', `${base}/${encodeURIComponent(id)}`, patch);
}

/** The record sections that take a new entry with `POST /api/patients/:id/<section>`. */
export interface NewEntryBySection {
  weights: NewWeight;
  heights: NewHeight;
  allergies: NewAllergy;
  conditions: NewCondition;
  medications: NewMedication;
}

export function addEntry<S extends keyof NewEntryBySection>(
  id: string,
  section: S,
  entry: NewEntryBySection[S],
): Promise<Patient> {
  return requestJson('POST', `${base}/${encodeURIComponent(id)}/${section}`, entry);
}

export function changeMedicationStatus(
  id: string,
  medicationId: string,
  change: MedicationStatusChange,
): Promise<Patient> {
  const path = `${base}/${encodeURIComponent(id)}/medications/${encodeURIComponent(medicationId)}`;
  return requestJson('PATCH', path, change);
}

/** Records (`noneKnown`) or withdraws the statement that a history list has none known. */
export function setHistoryNoneKnown(
  id: string,
  list: HistoryList,
  noneKnown: boolean,
): Promise<Patient> {
  const path = `${base}/${encodeURIComponent(id)}/history/${list}/none-known`;
  return requestJson(noneKnown ? 'PUT' : 'DELETE', path);
}

export function fetchAccessLog(id: string, page: number): Promise<Page<AccessLogEntry>> {
  return requestJson('GET', withQuery(`${base}/${encodeURIComponent(id)}/access-log`, { page }));
}

/** The answer to sending a patient's account a new confirmation link. */
export interface ConfirmationLinkSent {
  sentTo: string;
  expiresAt: string;
}

export function sendConfirmationLink(id: string): Promise<ConfirmationLinkSent> {
  return requestJson('POST', `${base}/${encodeURIComponent(id)}/account/confirmation-link`);
}

/** The answer to correcting the address of a patient's unconfirmed account. */
export interface AccountAddressCorrected extends ConfirmationLinkSent {
  /** The record's e-mail field followed (it held the old address). */
  recordEmailUpdated: boolean;
}

export function correctAccountEmail(id: string, email: string): Promise<AccountAddressCorrected> {
  return requestJson('PUT', `${base}/${encodeURIComponent(id)}/account/email`, { email });
}
