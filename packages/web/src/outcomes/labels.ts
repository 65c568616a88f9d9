import type { Criterion, DueReason, PatientCrisisMessage } from '../api/outcomes-types';
import { ApiProblemError } from '../api/problem';

export const dueReasonLabels: Record<DueReason, string> = {
  baseline: 'First score before treatment',
  'before-session': 'Before your next session',
  interval: 'Regular check-in',
};

export const sourceLabels: Record<'portal' | 'paper', string> = {
  portal: 'Portal',
  paper: 'Paper (entered by staff)',
};

/** Follow-up choices, in words (core's ids otherwise). */
export const followUpOptionLabels: Readonly<Record<string, string>> = {
  'in-person': 'In person',
  phone: 'Phone',
  video: 'Video',
  'not-reached': 'Not reached',
  'risk-assessed': 'Risk assessed',
  'safety-plan-reviewed': 'Safety plan reviewed',
  'crisis-resources-given': 'Crisis resources given',
  'emergency-services-contacted': 'Emergency services contacted',
  'treatment-plan-changed': 'Treatment plan changed',
  referred: 'Referred',
  'no-further-action': 'No further action',
};

export function optionLabel(option: string): string {
  return followUpOptionLabels[option] ?? option;
}

export const criterionLabels: Record<Criterion['status'], string> = {
  met: 'Yes',
  'not-met': 'No',
  undefined: 'Not defined',
};

/** `0.5` -> `50%`; `—` when no patient could be judged. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${String(Math.round(rate * 100))}%`;
}

export function formatPercentChange(percent: number | null): string {
  if (percent === null) return '—';
  const rounded = Math.round(percent);
  return `${rounded > 0 ? '+' : ''}${String(rounded)}%`;
}

function isCrisis(value: unknown): value is PatientCrisisMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    'text' in value &&
    typeof value.text === 'string' &&
    'resources' in value &&
    Array.isArray(value.resources)
  );
}

/** The crisis resources a refused response still carries (item 9 above zero on an incomplete form). */
export function crisisOf(error: unknown): PatientCrisisMessage | null {
  if (!(error instanceof ApiProblemError)) return null;
  const body = error.body;
  if (typeof body !== 'object' || body === null || !('crisis' in body)) return null;
  return isCrisis(body.crisis) ? body.crisis : null;
}
