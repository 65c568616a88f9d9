import type { Contraindication } from '../schema/contraindication';
import { labelContraindications } from './contraindications-label';
import { seedContraindications } from './contraindications-seed';

export { defaultBloodPressureThresholds } from './contraindications-seed';

/** Seed contraindications first, in the seed's order, then the labels' own. */
export const contraindications: readonly Contraindication[] = [
  ...seedContraindications,
  ...labelContraindications,
];
