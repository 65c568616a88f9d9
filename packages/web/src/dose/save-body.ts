import type { DoseRequest } from '@ketaflow/core';
import type { NewDoseCalculation } from '../api/dose-types';

/** The saved request: the clinician's choices only; the server adds the record's measurements. */
export function toSaveBody(request: DoseRequest): NewDoseCalculation {
  return {
    indication: request.indication ?? '',
    ...(request.product === undefined ? {} : { product: request.product }),
    ...(request.dose === undefined ? {} : { dose: { ...request.dose } }),
    ...(request.duration === undefined ? {} : { duration: { ...request.duration } }),
    ...(request.concentration === undefined
      ? {}
      : { concentration: { value: request.concentration.value, unit: 'mg/mL' } }),
    ...(request.bagVolume === undefined
      ? {}
      : { bagVolume: { value: request.bagVolume.value, unit: 'mL' } }),
    ...(request.bagMode === undefined ? {} : { bagMode: request.bagMode }),
    ...(request.weightBasis === undefined ? {} : { weightBasis: request.weightBasis }),
    ...(request.location === undefined ? {} : { location: request.location }),
    ...(request.overrides === undefined || request.overrides.length === 0
      ? {}
      : { overrides: request.overrides.map((o) => ({ code: o.code, reason: o.reason })) }),
  };
}
