import type { HistoryList } from '@ketaflow/core';

export type Sex = 'female' | 'male' | 'other' | 'unknown';
export type WeightUnit = 'kg' | 'lb';
export type HeightUnit = 'cm' | 'in';
/** Drug allergies are coded in RxNorm, others (foods, latex) in SNOMED CT. */
export type AllergyCodeSystem = 'rxnorm' | 'snomed';
export type AllergyCriticality = 'low' | 'high' | 'unable-to-assess';
export type AllergyStatus = 'active' | 'inactive' | 'resolved';
export type ConditionCodeSystem = 'snomed' | 'icd10cm';
/** FHIR R4 Condition.clinicalStatus codes. */
export type ConditionClinicalStatus =
  'active' | 'recurrence' | 'relapse' | 'inactive' | 'remission' | 'resolved';
/** FHIR R4 Condition.verificationStatus codes. */
export type ConditionVerificationStatus =
  'unconfirmed' | 'provisional' | 'differential' | 'confirmed' | 'refuted' | 'entered-in-error';
export type MedicationStatus = 'active' | 'stopped' | 'completed' | 'on-hold' | 'entered-in-error';

export interface LatestWeight {
  weightKg: number;
  measuredOn: string;
}

/** The patient's own online account (self-registration). */
export interface OnlineAccount {
  /** Where the account's mails go (may differ from the record's e-mail field). */
  email: string;
  /** False: the owner never opened a confirmation link, so the address is unproven. */
  confirmed: boolean;
  registeredAt: string;
}

/** Who the patient is: what the list and the whole record both carry. */
export interface PatientIdentity {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: Sex;
  latestWeight: LatestWeight | null;
  /** Null: no online account (a record made by staff or imported). */
  account: OnlineAccount | null;
}

/** A patient as the list shows them. */
export interface PatientSummary extends PatientIdentity {
  /** The history lists nobody has taken, in the order conditions, medications, allergies. */
  unrecordedLists: HistoryList[];
}

export interface WeightEntry {
  id: string;
  weightKg: number;
  measuredOn: string;
  enteredUnit: WeightUnit;
  enteredValue: number;
}

export interface HeightEntry {
  id: string;
  heightCm: number;
  measuredOn: string;
}

export interface AllergyEntry {
  id: string;
  substance: string;
  codeSystem: AllergyCodeSystem | null;
  code: string | null;
  reaction: string | null;
  criticality: AllergyCriticality | null;
  status: AllergyStatus | null;
}

export interface ConditionEntry {
  id: string;
  text: string;
  codeSystem: ConditionCodeSystem | null;
  code: string | null;
  clinicalStatus: ConditionClinicalStatus;
  verificationStatus: ConditionVerificationStatus;
  onsetDate: string | null;
  abatementDate: string | null;
}

export interface MedicationEntry {
  id: string;
  text: string;
  rxnormCode: string | null;
  doseText: string | null;
  status: MedicationStatus;
  startedOn: string | null;
  stoppedOn: string | null;
}

export type { HistoryList };

export interface HistoryListStatus {
  /** `entries`: it has one; `none-known`: staff recorded there is none; else not recorded. */
  state: 'entries' | 'none-known' | 'not-recorded';
  noneKnownAt: string | null;
}

export interface Patient extends PatientIdentity {
  email: string | null;
  phone: string | null;
  addressLine: string | null;
  city: string | null;
  postalCode: string | null;
  createdAt: string;
  updatedAt: string;
  weights: WeightEntry[];
  heights: HeightEntry[];
  allergies: AllergyEntry[];
  conditions: ConditionEntry[];
  medications: MedicationEntry[];
  bloodPressures: BloodPressureEntry[];
  reproductiveStatuses: ReproductiveStatusEntry[];
  /** Whether each history list was taken (an empty list is unknown unless "none known"). */
  historyLists: Record<HistoryList, HistoryListStatus>;
  /** Self-screening answers brought at registration, with the outcome the person saw. */
  intakes: IntakeEntry[];
}

export type FactSource = 'clinic' | 'self-reported';

export interface BloodPressureEntry {
  id: string;
  systolicMmHg: number;
  diastolicMmHg: number;
  measuredOn: string;
  source: FactSource;
}

export interface ReproductiveStatusEntry {
  id: string;
  /** Null: this entry does not state it (an imported status about the other one). */
  pregnancy: string | null;
  breastfeeding: string | null;
  recordedOn: string;
  source: FactSource;
}

export interface IntakeEntry {
  id: string;
  outcome: string;
  answers: Record<string, unknown>;
  knowledgeVersion: string;
  createdAt: string;
}

export interface AccessLogEntry {
  at: string;
  actorName: string;
  actorRole: string;
  action: string;
  outcome: string;
}
