/**
 * Esketamine nasal spray: one device holds 28 mg, given as 2 sprays (one per nostril); labeled
 * doses are 28, 56 and 84 mg per session [S09b][S14]. Anything that is not a whole number of
 * devices is refused; above 84 mg the dose is blocked.
 */
import type { NasalVector } from './vector-types';

export const NASAL_VECTORS: readonly NasalVector[] = [
  { doseMg: 28, devices: 1, blocked: false, arithmetic: '28 mg ÷ 28 mg = 1 device, 2 sprays' },
  { doseMg: 56, devices: 2, blocked: false, arithmetic: '56 mg ÷ 28 mg = 2 devices, 4 sprays' },
  { doseMg: 84, devices: 3, blocked: false, arithmetic: '84 mg ÷ 28 mg = 3 devices, 6 sprays' },
  {
    doseMg: 112,
    devices: 4,
    blocked: true,
    arithmetic: '112 mg ÷ 28 mg = 4 devices: above the 84 mg label maximum',
  },
  {
    doseMg: 42,
    problem: 'DOSE.NASAL_NOT_WHOLE_DEVICES',
    arithmetic: '42 mg ÷ 28 mg = 1.5 devices',
  },
  {
    doseMg: 14,
    problem: 'DOSE.NASAL_NOT_WHOLE_DEVICES',
    arithmetic: '14 mg ÷ 28 mg = 0.5 device',
  },
  {
    doseMg: 56.5,
    problem: 'DOSE.NASAL_NOT_WHOLE_DEVICES',
    arithmetic: '56.5 mg ÷ 28 mg = 2.0178… devices',
  },
];
