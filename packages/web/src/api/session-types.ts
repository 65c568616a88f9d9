/** Wire types of the infusion and nasal-spray session API (`/api/sessions`). */
import type { DoseJson, SoftLimitOverride } from '@ketaflow/core';

export type SessionState =
  'checked-in' | 'pre-check' | 'in-progress' | 'recovery' | 'discharged' | 'stopped';

export interface Signer {
  id: string;
  displayName: string;
}

/** Who did something and when: every step is signed. */
export interface Signature {
  at: string;
  by: Signer;
}

export type VitalKey =
  'systolicMmHg' | 'diastolicMmHg' | 'heartRate' | 'spo2' | 'respiratoryRate' | 'temperatureC';

export type PreCheckDecision = 'go' | 'needs-prescriber' | 'do-not-start';

export interface PreCheckReason {
  code: string;
  severity: 'info' | 'warning' | 'critical';
  message: string;
  field: string;
  sources: readonly string[];
}

export type WeightUnit = 'kg' | 'lb';
export type PregnancyTest = 'negative' | 'positive' | 'not-applicable';

/** `POST /api/sessions/:id/pre-check`; a missing vital is unknown, never normal. */
export interface PreCheckInput {
  vitals: Partial<Record<VitalKey, number>>;
  weight: { value: number; unit: WeightUnit };
  pregnancyTest?: PregnancyTest;
  fasting: boolean;
  medicationChanges: string[];
  consentOnFile: boolean;
}

export interface PreCheck extends Signature {
  id: string;
  decision: PreCheckDecision;
  reasons: PreCheckReason[];
  vitals: Record<string, number>;
  weight: { value: number; unit: WeightUnit; valueKg: number };
  pregnancyTest: PregnancyTest | null;
  fasting: boolean;
  medicationChanges: string[];
  consentOnFile: boolean;
  screeningDecision: string | null;
  approval: (Signature & { reason: string }) | null;
}

/** One value beyond its alert limit. */
export interface ReadingFinding {
  code: string;
  vital: string;
  side: 'low' | 'high';
  value: number;
  threshold: number;
  unit: string;
  basis: 'sourced' | 'clinic-setting';
  sources: readonly string[];
  message: string;
}

export interface ReadingInput {
  takenAt: string;
  systolicMmHg?: number;
  diastolicMmHg?: number;
  heartRate?: number;
  spo2?: number;
  respiratoryRate?: number;
  temperatureC?: number;
  source?: 'manual';
}

export interface Reading {
  id: string;
  takenAt: string;
  systolicMmHg: number | null;
  diastolicMmHg: number | null;
  heartRate: number | null;
  spo2: number | null;
  respiratoryRate: number | null;
  temperatureC: number | null;
  source: 'manual' | 'device' | 'pre-check';
  deviceId: string | null;
  recordedAt: string;
  recordedBy: Signer | null;
  findings: readonly ReadingFinding[];
  amended: boolean;
}

export type AlertAction = 'continue-observing' | 'pause' | 'slow' | 'stop' | 'medication-given';

export interface AcknowledgeInput {
  action: AlertAction;
  note: string;
  medication?: string;
}

export interface SessionAlert {
  id: string;
  readingId: string;
  raisedAt: string;
  findings: readonly ReadingFinding[];
  status: 'open' | 'acknowledged';
  acknowledgement:
    | (Signature & { id: string; action: AlertAction; note: string; medication: string | null })
    | null;
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

export interface AdverseEvent extends Signature {
  id: string;
  type: AdverseEventType;
  severity: Severity;
  actions: string[];
  note: string | null;
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

export interface Discharge extends Signature {
  aldrete: Record<string, number>;
  aldreteTotal: number;
  escortName: string;
  notes: string | null;
}

export interface UnmetCriterion {
  code: string;
  field: string;
  message: string;
  sources: readonly string[];
}

export type AmendmentTarget =
  | 'reading'
  | 'pre-check'
  | 'adverse-event'
  | 'alert-acknowledgement'
  | 'discharge'
  | 'start'
  | 'session';

/** `POST /api/sessions/:id/amendments`: one field of one signed item, with a reason. */
export interface AmendmentInput {
  target: AmendmentTarget;
  targetId?: string;
  field: string;
  value: string | number | boolean | null;
  reason: string;
}

export interface Amendment extends Signature {
  id: string;
  target: AmendmentTarget;
  targetId: string | null;
  field: string;
  original: unknown;
  value: unknown;
  reason: string;
}

export interface BloodPressure {
  systolicMmHg: number;
  diastolicMmHg: number;
  takenAt: string;
}

export interface Esketamine {
  dosedAt: string | null;
  bpBeforeDose: BloodPressure | null;
  bp40Min: BloodPressure | null;
  /** When the ~40-minute blood pressure is due (knowledge base), and from when a reading counts. */
  bpCheckMinutesAfterDose: number;
  bpCheckDueAt: string | null;
  bpCheckCountsFrom: string | null;
  observationEndsAt: string | null;
  rems: {
    form: Record<string, unknown>;
    dueBy: string | null;
    /** Days after the session date the form is due, as the clinic's knowledge base sets them. */
    dueDaysAfterSession: number;
    /** No source gives a deadline: the days are the clinic's setting. */
    dueBasis: 'clinic-setting';
    submittedAt: string | null;
    submittedBy: Signer | null;
  };
}

export type Product = 'ketamine-iv' | 'esketamine-nasal';

/** `GET /api/sessions/:id`. */
export interface Session {
  id: string;
  appointmentId: string;
  patient: { id: string; displayName: string; mrn: string; birthDate: string };
  product: Product;
  indication: string | null;
  location: { id: string; code: string; name: string } | null;
  scheduledStart: string;
  sessionDate: string;
  state: SessionState;
  allowedTransitions: SessionState[];
  checkedIn: Signature;
  preCheck: PreCheck | null;
  start: (Signature & { vialLot: string; vialExpiry: string }) | null;
  dose: DoseJson | null;
  doseCalculationId: string | null;
  readings: Reading[];
  alerts: SessionAlert[];
  openAlertCount: number;
  nextReadingDueAt: string | null;
  adverseEvents: AdverseEvent[];
  recovery: Signature | null;
  dischargeReadiness: { ready: boolean; unmet: readonly UnmetCriterion[] };
  discharge: Discharge | null;
  stop: (Signature & { reason: string }) | null;
  amendments: Amendment[];
  esketamine: Esketamine | null;
}

/** One row of `GET /api/sessions?date=&locationId=`. */
export interface SessionSummary {
  id: string;
  appointmentId: string;
  patient: { id: string; displayName: string; mrn: string };
  product: Product;
  state: SessionState;
  location: { id: string; code: string; name: string } | null;
  scheduledStart: string;
  checkedInAt: string;
  preCheckDecision: PreCheckDecision | null;
  /** A prescriber approved a needs-prescriber pre-check. */
  preCheckApproved: boolean;
  openAlertCount: number;
  nextReadingDueAt: string | null;
}

/** `GET /api/sessions/:id/record`: the printable record's data. */
export interface SessionRecord {
  generatedAt: string;
  knowledgeVersion: string;
  session: Session;
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
