import type { DoseProduct, WeightBasis } from '@ketaflow/core';
import type { BagMode } from './dose-inputs';

export const productLabels: Readonly<Record<DoseProduct, string>> = {
  'ketamine-iv': 'Ketamine IV infusion',
  'esketamine-nasal': 'Esketamine nasal spray',
};

export const weightBasisLabels: Readonly<Record<WeightBasis, string>> = {
  actual: 'Actual body weight',
  ideal: 'Ideal body weight (Devine)',
  adjusted: 'Adjusted body weight',
};

export const bagModeLabels: Readonly<Record<BagMode, string>> = {
  'add-to-bag': 'Drug added to the bag',
  'withdraw-equal-volume': 'Same volume withdrawn from the bag first',
};
