/** Wire types of the infusion and nasal-spray session API (`/api/sessions`). */
import type { DoseJson, SoftLimitOverride } from '@ketaflow/core';

export type SessionStatus =
  'checked-in' | 'pre-check' | 'in-progress' | 'recovery' | 'discharged' | 'stopped';

/** Who did something and when: every step is signed. */
export interface Signature {
  at: string;
  by: { id: string; displayName: string };
}

export interface PreCheckVitals {
  systolicMmHg: number;
  diastolicMmHg: number;
  heartRate: number;
  spo2: number;
  respiratoryRate: number;
  temperatureC: number;
}

export type PreCheckDecision = 'go' | 'needs-prescriber' | 'do-not-start';

export interface PreCheckReason {
  code: string;
  message: string;
  severity?: string;
}

export interface PreCheckInput {
  vitals: PreCheckVitals;
  weight: { value: number; unit: 'kg' | '[lb_av]' };
  pregnancyTest?: 'negative' | 'positive' | 'not-applicable';
  fasting: boolean;
  medicationChanges: string[];
  consentOnFile: boolean;
}

export interface PreCheck extends PreCheckInput, Partial<Signature> {
  decision: PreCheckDecision;
  reasons: PreCheckReason[];
  approval?: (Signature & { reason: string }) | null;
}

export type VitalKey =
  'systolicMmHg' | 'diastolicMmHg' | 'heartRate' | 'spo2' | 'respiratoryRate' | 'temperatureC';

export interface ReadingInput {
  takenAt: string;
  systolicMmHg?: number;
  diastolicMmHg?: number;
  heartRate?: number;
  spo2?: number;
  respiratoryRate?: number;
  temperatureC?: number;
}

export interface Reading extends ReadingInput {
  id: string;
  source?: string;
  recordedAt?: string;
  recordedBy?: Signature['by'] | null;
  /** Vital keys whose value is out of range. */
  outOfRange?: VitalKey[];
  /** Set when an amendment corrected this reading; the original values stay. */
  amendedBy?: string | null;
}

export type AlertAction = 'continue-observing' | 'pause' | 'slow' | 'stop' | 'medication-given';

export interface SessionAlert {
  id: string;
  readingId?: string | null;
  code: string;
  vital?: string;
  value?: number;
  severity?: string;
  message: string;
  raisedAt: string;
  acknowledgement: (Signature & { action: AlertAction; note: string; medication?: string }) | null;
}

export type AdverseEventType =
  | 'hypertension'
  | 'tachycardia'
  | 'nausea-vomiting'
  | 'dissociation-agitation'
  | 'desaturation'
  | 'emergence-reaction'
  | 'other';

export type Severity = 'mild' | 'moderate' | 'severe';

export interface AdverseEventInput {
  type: AdverseEventType;
  severity: Severity;
  actions: string[];
  note?: string;
}

export interface AdverseEvent extends AdverseEventInput, Signature {
  id: string;
}

export interface AldreteScores {
  activity: number;
  respiration: number;
  circulation: number;
  consciousness: number;
  oxygenSaturation: number;
}

export interface DischargeInput {
  aldrete: AldreteScores;
  escortName: string;
  notes?: string;
}

export interface Discharge extends DischargeInput, Partial<Signature> {
  aldreteTotal?: number;
}

export interface Amendment extends Signature {
  id: string;
  target?: { kind: string; id: string };
  readingId?: string;
  reason: string;
  changes?: Record<string, unknown>;
  original?: Record<string, unknown>;
}

export interface AmendmentInput {
  readingId: string;
  reason: string;
  values: Omit<ReadingInput, 'takenAt'> & { takenAt?: string };
}

export interface Esketamine {
  dosedAt: string | null;
  bpBeforeDose: { systolicMmHg: number; diastolicMmHg: number; takenAt?: string } | null;
  bp40Min: { systolicMmHg: number; diastolicMmHg: number; takenAt?: string } | null;
  observationEndsAt: string | null;
  rems: {
    form?: Record<string, unknown> | null;
    dueBy: string | null;
    submittedAt: string | null;
    submittedBy?: Signature['by'] | null;
  } | null;
}

/** `GET /api/sessions/:id`. */
export interface Session {
  id: string;
  appointmentId: string;
  patientId: string;
  patient: { id: string; name: string; mrn: string; birthDate?: string | null };
  product: 'ketamine-iv' | 'esketamine-nasal';
  indication?: string | null;
  status: SessionStatus;
  location?: { id: string; name: string; timeZone: string } | null;
  chair?: { id: string; name: string } | null;
  checkedIn: Signature;
  preChecked?: Signature | null;
  started: Signature | null;
  recoveryStarted: Signature | null;
  discharged: Signature | null;
  stopped: (Signature & { reason: string }) | null;
  preCheck: PreCheck | null;
  dose: DoseJson | null;
  vialLot: string | null;
  vialExpiry: string | null;
  readings: Reading[];
  alerts: SessionAlert[];
  adverseEvents: AdverseEvent[];
  discharge: Discharge | null;
  amendments: Amendment[];
  esketamine: Esketamine | null;
  /** When the next reading is due by the clinic's interval (sooner while a value is out of range). */
  nextReadingDueAt?: string | null;
  readingIntervalMinutes?: number | null;
  knowledgeVersion: string;
}

export type StartDose =
  | {
      indication: string;
      concentration?: { value: number; unit: 'mg/mL' };
      dose?: { value: number; unit: 'mg/kg' | 'mg' };
      duration?: { value: number; unit: 'min' | 'h' };
      bagVolume?: { value: number; unit: 'mL' };
      bagMode?: 'add-to-bag' | 'withdraw-equal-volume';
      overrides?: SoftLimitOverride[];
    }
  | { product: 'esketamine-nasal'; dose: { value: number; unit: 'mg' } };

export interface StartInput {
  dose: StartDose;
  vialLot: string;
  vialExpiry: string;
}

export interface SessionList {
  items: Session[];
}
