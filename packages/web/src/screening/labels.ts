import type { Severity } from '@ketaflow/core';
import type {
  BreastfeedingStatus,
  Decision,
  FindingKind,
  PregnancyStatus,
  ScreeningProduct,
  ScreeningStatus,
} from '../api/screening-types';
import type { Option } from '../format/labels';

export const decisionLabels: Readonly<Record<Decision, { label: string; color: string }>> = {
  eligible: { label: 'Eligible', color: 'green' },
  'eligible-with-precautions': { label: 'Eligible with precautions', color: 'teal' },
  'needs-review': { label: 'Needs review', color: 'orange' },
  contraindicated: { label: 'Contraindicated', color: 'red' },
};

export const statusLabels: Readonly<Record<ScreeningStatus, { label: string; color: string }>> = {
  current: { label: 'Current', color: 'blue' },
  stale: { label: 'Out of date', color: 'gray' },
  signed: { label: 'Signed', color: 'green' },
  'signed-stale': { label: 'Signed, now out of date', color: 'gray' },
};

/** Most serious first: the order findings are read in. */
export const severityOrder: readonly Severity[] = ['critical', 'warning', 'info'];

export const severityLabels: Readonly<Record<Severity, { label: string; color: string }>> = {
  critical: { label: 'Critical', color: 'red' },
  warning: { label: 'Warning', color: 'orange' },
  info: { label: 'Info', color: 'blue' },
};

export const kindLabels: Readonly<Record<FindingKind, string>> = {
  contraindication: 'Contraindication',
  interaction: 'Interaction',
  precaution: 'Precaution',
  'missing-data': 'Missing data',
  'unrecognized-input': 'Unrecognised input',
};

export const productLabels: Readonly<Record<ScreeningProduct, string>> = {
  'ketamine-iv': 'Ketamine IV infusion',
  'esketamine-nasal': 'Esketamine nasal spray',
};

export const pregnancyOptions: Option<PregnancyStatus>[] = [
  { value: 'not-pregnant', label: 'Not pregnant' },
  { value: 'pregnant', label: 'Pregnant' },
  { value: 'unknown', label: 'Unknown' },
  { value: 'not-possible', label: 'Pregnancy not possible' },
];

export const breastfeedingOptions: Option<BreastfeedingStatus>[] = [
  { value: 'no', label: 'Not breastfeeding' },
  { value: 'yes', label: 'Breastfeeding' },
  { value: 'unknown', label: 'Unknown' },
];
