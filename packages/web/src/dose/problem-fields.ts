/** Which input a problem belongs under, from its path (the calculator's own, or the API's). */
import type { DoseProduct } from '@ketaflow/core';
import type { DoseField } from './dose-inputs';

const fieldByPath: Readonly<Record<string, DoseField>> = {
  product: 'product',
  indication: 'indication',
  location: 'location',
  weight: 'weight',
  'weight.measuredOn': 'weightMeasuredOn',
  lastRecordedWeight: 'weight',
  height: 'height',
  sex: 'sex',
  weightBasis: 'weightBasis',
  dose: 'dose',
  duration: 'duration',
  concentration: 'concentration',
  vialConcentration: 'concentration',
  bagVolume: 'bagVolume',
  'settings.bagVolumeMl': 'bagVolume',
  bagMode: 'bagMode',
  'settings.bagMode': 'bagMode',
};

/** `body.weight.unit` -> `weight.unit`; `/body/dose` -> `dose`. */
export function normalisePath(path: string): string {
  return path
    .replace(/^\//, '')
    .replaceAll('/', '.')
    .replace(/^(body|query|params)\./, '');
}

/** The input a path names, or undefined when none does (the message is then shown for the form). */
export function fieldForPath(path: string, product: DoseProduct): DoseField | undefined {
  const normal = normalisePath(path);
  const exact = fieldByPath[normal];
  const field = exact ?? fieldByPath[normal.split('.')[0] ?? ''];
  if (field === 'dose' && product === 'esketamine-nasal') return 'nasalDose';
  return field;
}
