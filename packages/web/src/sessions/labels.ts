import type {
  AdverseEventType,
  AlertAction,
  AldreteScores,
  PreCheckDecision,
  PregnancyTest,
  SessionState,
  SessionSummary,
  Severity,
  VitalKey,
} from '../api/session-types';

export const statusLabels: Readonly<Record<SessionState, string>> = {
  'checked-in': 'Checked in',
  'pre-check': 'Pre-check done',
  'in-progress': 'In progress',
  recovery: 'Recovery',
  discharged: 'Discharged',
  stopped: 'Stopped',
};

export const statusColors: Readonly<Record<SessionState, string>> = {
  'checked-in': 'gray',
  'pre-check': 'blue',
  'in-progress': 'teal',
  recovery: 'violet',
  discharged: 'green',
  stopped: 'red',
};

export const decisionLabels: Readonly<Record<PreCheckDecision, string>> = {
  go: 'Go',
  'needs-prescriber': 'Needs the prescriber',
  'do-not-start': 'Do not start',
};

export const decisionColors: Readonly<Record<PreCheckDecision, string>> = {
  go: 'green',
  'needs-prescriber': 'orange',
  'do-not-start': 'red',
};

type SessionStanding = Pick<SessionSummary, 'state' | 'preCheckDecision' | 'preCheckApproved'>;

/** A pre-check that has not cleared the patient: do not start, or not yet approved by a prescriber. */
export function unclearedPreCheck(s: SessionStanding): PreCheckDecision | null {
  if (s.state !== 'pre-check') return null;
  if (s.preCheckDecision === 'do-not-start') return 'do-not-start';
  if (s.preCheckDecision === 'needs-prescriber' && !s.preCheckApproved) return 'needs-prescriber';
  return null;
}

/** The state in a few words; a pre-check that has not cleared the patient says so, never "done". */
export function sessionStatusLabel(s: SessionStanding): string {
  const uncleared = unclearedPreCheck(s);
  return uncleared === null
    ? statusLabels[s.state]
    : `Pre-check: ${decisionLabels[uncleared].toLowerCase()}`;
}

export function sessionStatusColor(s: SessionStanding): string {
  const uncleared = unclearedPreCheck(s);
  return uncleared === null ? statusColors[s.state] : decisionColors[uncleared];
}

export interface VitalField {
  key: VitalKey;
  label: string;
  short: string;
  unit: string;
  min: number;
  max: number;
  step: number;
}

/** The vitals in chart order; `min`/`max` only bound what the inputs accept, not what is normal. */
export const vitalFields: readonly VitalField[] = [
  {
    key: 'systolicMmHg',
    label: 'Systolic',
    short: 'Sys',
    unit: 'mmHg',
    min: 40,
    max: 300,
    step: 1,
  },
  {
    key: 'diastolicMmHg',
    label: 'Diastolic',
    short: 'Dia',
    unit: 'mmHg',
    min: 20,
    max: 200,
    step: 1,
  },
  { key: 'heartRate', label: 'Heart rate', short: 'HR', unit: '/min', min: 20, max: 250, step: 1 },
  { key: 'spo2', label: 'SpO2', short: 'SpO2', unit: '%', min: 50, max: 100, step: 1 },
  {
    key: 'respiratoryRate',
    label: 'Respiratory rate',
    short: 'RR',
    unit: '/min',
    min: 4,
    max: 60,
    step: 1,
  },
  {
    key: 'temperatureC',
    label: 'Temperature',
    short: 'Temp',
    unit: '°C',
    min: 30,
    max: 43,
    step: 0.1,
  },
];

export const vitalLabel = (key: string): string =>
  vitalFields.find((f) => f.key === key)?.label ?? key;

export const alertActionLabels: Readonly<Record<AlertAction, string>> = {
  'continue-observing': 'Continue observing',
  pause: 'Pause the infusion',
  slow: 'Slow the infusion',
  stop: 'Stop the infusion',
  'medication-given': 'Medication given',
};

export const adverseEventLabels: Readonly<Record<AdverseEventType, string>> = {
  hypertension: 'Hypertension',
  tachycardia: 'Tachycardia',
  'nausea-vomiting': 'Nausea or vomiting',
  'dissociation-agitation': 'Dissociation or agitation',
  desaturation: 'Desaturation',
  'emergence-reaction': 'Emergence reaction',
  other: 'Other',
};

export const severityLabels: Readonly<Record<Severity, string>> = {
  mild: 'Mild',
  moderate: 'Moderate',
  severe: 'Severe',
};

export const adverseEventActions = [
  'Observed',
  'Infusion paused',
  'Infusion slowed',
  'Infusion stopped',
  'Medication given',
  'Oxygen given',
  'Prescriber informed',
  'Emergency services called',
] as const;

/** The modified Aldrete items, each scored 0–2 (Aldrete 1995). */
export const aldreteItems: readonly {
  key: keyof AldreteScores;
  label: string;
  scores: readonly [string, string, string];
}[] = [
  {
    key: 'activity',
    label: 'Activity',
    scores: ['Moves no limbs', 'Moves 2 limbs', 'Moves 4 limbs on command'],
  },
  {
    key: 'respiration',
    label: 'Respiration',
    scores: ['Apnoeic', 'Dyspnoea or limited breathing', 'Breathes deeply and coughs freely'],
  },
  {
    key: 'circulation',
    label: 'Circulation',
    scores: ['BP ± more than 50% of pre-infusion', 'BP ± 20–50%', 'BP ± 20% of pre-infusion'],
  },
  {
    key: 'consciousness',
    label: 'Consciousness',
    scores: ['Not responding', 'Arousable on calling', 'Fully awake'],
  },
  {
    key: 'oxygenSaturation',
    label: 'Oxygen saturation',
    scores: [
      'SpO2 < 90% even with oxygen',
      'Needs oxygen to keep SpO2 > 90%',
      'SpO2 > 92% on room air',
    ],
  },
];

/** The modified Aldrete total of recorded scores. */
export function aldreteTotal(scores: Readonly<Record<string, number>>): number {
  return aldreteItems.reduce((sum, item) => sum + (scores[item.key] ?? 0), 0);
}

export const pregnancyTestLabels: Readonly<Record<PregnancyTest, string>> = {
  negative: 'negative',
  positive: 'POSITIVE',
  'not-applicable': 'not applicable',
};
