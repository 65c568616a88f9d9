/**
 * Special infusion vectors about preparing the bag: withdraw-equal-volume, the final
 * concentration limits (and the 100 mg/mL strength undiluted), the pump and syringe increments,
 * and clinic preparation settings. The protocols and guardrails are listed in infusion-special.ts.
 */
import type { SpecialVector } from './vector-types';

export const PREPARATION_VECTORS: readonly SpecialVector[] = [
  {
    name: 'withdraw-equal-volume, 10 mg/mL, 80 kg',
    protocol: 'depression',
    input: { weight: { value: 80, unit: 'kg' }, vialConcentration: { value: 10, unit: 'mg/mL' } },
    settings: { bagMode: 'withdraw-equal-volume' },
    expect: [40, 0.5, 4, 40, 100, 0.4, 150, 0.75, 1, 40],
    weightsKg: [80, 80],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '0.5 mg/kg × 80 kg = 40 mg; 40 mg ÷ 10 mg/mL = 4 mL; 100 − 4 + 4 = 100 mL (withdraw equal volume); 40 mg ÷ 100 mL = 0.4 mg/mL; 100 mL ÷ 40 min × 60 = 150 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 40 mg ÷ 40 min = 1 mg/min',
  },
  {
    name: 'withdraw-equal-volume, 100 mg/mL, 118.65 kg',
    protocol: 'ocd',
    input: {
      weight: { value: 118.65, unit: 'kg' },
      vialConcentration: { value: 100, unit: 'mg/mL' },
    },
    settings: { bagMode: 'withdraw-equal-volume' },
    expect: [59.33, 0.5, 0.59, 59, 100, 0.59, 150, 0.75, 1.4831, 40],
    weightsKg: [118.65, 118.65],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 100 mg/mL = 0.59325 → 0.59 mL; 0.59 mL × 100 mg/mL = 59 mg drawn; 100 − 0.59 + 0.59 = 100 mL (withdraw equal volume); 59 mg ÷ 100 mL = 0.59 mg/mL; 100 mL ÷ 40 min × 60 = 150 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    name: 'withdraw-equal-volume: drug volume more than the bag',
    protocol: 'depression',
    input: { weight: { value: 120, unit: 'kg' }, vialConcentration: { value: 10, unit: 'mg/mL' } },
    settings: { bagMode: 'withdraw-equal-volume', bagVolumeMl: 5 },
    expect: [60, 0.5, 6, 60, 5, 12, 7.5, 0.75, 1.5, 40],
    weightsKg: [120, 120],
    limits: ['DOSE.DRUG_VOLUME_EXCEEDS_BAG', 'DOSE.CONCENTRATION_ABOVE_SOFT_LIMIT'],
    blocked: true,
    requiresOverride: true,
    arithmetic:
      '0.5 mg/kg × 120 kg = 60 mg; 60 mg ÷ 10 mg/mL = 6 mL; 5 − 6 + 6 = 5 mL (withdraw equal volume); 60 mg ÷ 5 mL = 12 mg/mL; 5 mL ÷ 40 min × 60 = 7.5 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 60 mg ÷ 40 min = 1.5 mg/min',
  },
  {
    name: 'final concentration above 2 mg/mL',
    protocol: 'chronic-pain',
    input: {
      weight: { value: 120, unit: 'kg' },
      dose: { value: 2, unit: 'mg/kg' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
    },
    expect: [240, 2, 4.8, 240, 104.8, 2.2901, 26.2, 0.5, 1, 240],
    weightsKg: [120, 120],
    limits: [
      'DOSE.DOSE_PER_KG_ABOVE_SOFT_LIMIT',
      'DOSE.CONCENTRATION_ABOVE_SOFT_LIMIT',
      'DOSE.DOSE_RATE_ABOVE_SOFT_LIMIT',
    ],
    blocked: false,
    requiresOverride: true,
    arithmetic:
      '2 mg/kg × 120 kg = 240 mg; 240 mg ÷ 50 mg/mL = 4.8 mL; 100 + 4.8 = 104.8 mL; 240 mg ÷ 104.8 mL = 2.29007… → 2.2901 mg/mL; 104.8 mL ÷ 240 min × 60 = 26.2 mL/h; 2 mg/kg ÷ 240 min × 60 = 0.5 mg/kg/h; 240 mg ÷ 240 min = 1 mg/min',
  },
  {
    name: '100 mg/mL undiluted: bag no larger than the drug volume',
    protocol: 'depression',
    input: { weight: { value: 80, unit: 'kg' }, vialConcentration: { value: 100, unit: 'mg/mL' } },
    settings: { bagMode: 'withdraw-equal-volume', bagVolumeMl: 0.4 },
    expect: [40, 0.5, 0.4, 40, 0.4, 100, 0.6, 0.75, 1, 40],
    weightsKg: [80, 80],
    limits: ['DOSE.CONCENTRATION_ABOVE_HARD_LIMIT', 'DOSE.UNDILUTED_100_MG_PER_ML'],
    blocked: true,
    requiresOverride: false,
    arithmetic:
      '0.5 mg/kg × 80 kg = 40 mg; 40 mg ÷ 100 mg/mL = 0.4 mL; 0.4 − 0.4 + 0.4 = 0.4 mL (withdraw equal volume); 40 mg ÷ 0.4 mL = 100 mg/mL; 0.4 mL ÷ 40 min × 60 = 0.6 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 40 mg ÷ 40 min = 1 mg/min',
  },
  {
    name: '100 mg/mL in a 0.5 mL bag: above 50 mg/mL',
    protocol: 'ptsd',
    input: { weight: { value: 80, unit: 'kg' }, vialConcentration: { value: 100, unit: 'mg/mL' } },
    settings: { bagVolumeMl: 0.5 },
    expect: [40, 0.5, 0.4, 40, 0.9, 44.4444, 1.4, 0.75, 1, 40],
    weightsKg: [80, 80],
    limits: ['DOSE.CONCENTRATION_ABOVE_SOFT_LIMIT'],
    blocked: false,
    requiresOverride: true,
    arithmetic:
      '0.5 mg/kg × 80 kg = 40 mg; 40 mg ÷ 100 mg/mL = 0.4 mL; 0.5 + 0.4 = 0.9 mL; 40 mg ÷ 0.9 mL = 44.44444… → 44.4444 mg/mL; 0.9 mL ÷ 40 min × 60 = 1.35 → 1.4 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 40 mg ÷ 40 min = 1 mg/min',
  },
  {
    name: 'pump rate below the pump increment',
    protocol: 'chronic-pain',
    input: { weight: { value: 50, unit: 'kg' }, vialConcentration: { value: 100, unit: 'mg/mL' } },
    settings: { bagMode: 'withdraw-equal-volume', bagVolumeMl: 0.05 },
    expect: [5, 0.1, 0.05, 5, 0.05, 100, 0, 0.025, 0.0208, 240],
    weightsKg: [50, 50],
    limits: [
      'DOSE.CONCENTRATION_ABOVE_HARD_LIMIT',
      'DOSE.UNDILUTED_100_MG_PER_ML',
      'DOSE.RATE_BELOW_PUMP_INCREMENT',
    ],
    blocked: true,
    requiresOverride: false,
    arithmetic:
      '0.1 mg/kg × 50 kg = 5 mg; 5 mg ÷ 100 mg/mL = 0.05 mL; 0.05 − 0.05 + 0.05 = 0.05 mL (withdraw equal volume); 5 mg ÷ 0.05 mL = 100 mg/mL; 0.05 mL ÷ 240 min × 60 = 0.0125 → 0 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 5 mg ÷ 240 min = 0.02083… → 0.0208 mg/min',
  },
  {
    name: 'drug volume below the measurable increment',
    protocol: 'fibromyalgia',
    input: { weight: { value: 30, unit: 'kg' }, vialConcentration: { value: 100, unit: 'mg/mL' } },
    settings: { volumeIncrementMl: 0.1 },
    expect: [3, 0.1, 0, 0, 100, 0, 25, 0.025, 0.0125, 240],
    weightsKg: [30, 30],
    limits: ['DOSE.DRUG_VOLUME_BELOW_INCREMENT'],
    blocked: true,
    requiresOverride: false,
    arithmetic:
      '0.1 mg/kg × 30 kg = 3 mg; 3 mg ÷ 100 mg/mL = 0.03 → 0 mL; 0 mL × 100 mg/mL = 0 mg drawn; 100 + 0 = 100 mL; 0 mg ÷ 100 mL = 0 mg/mL; 100 mL ÷ 240 min × 60 = 25 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 3 mg ÷ 240 min = 0.0125 mg/min',
  },
  {
    name: 'clinic settings: 250 mL bag, 0.1 mL syringe, 1 mL/h pump',
    protocol: 'migraine',
    input: {
      weight: { value: 92.3, unit: 'kg' },
      dose: { value: 0.5, unit: 'mg/kg' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
    },
    settings: { bagVolumeMl: 250, volumeIncrementMl: 0.1, rateIncrementMlPerHour: 1 },
    expect: [46.15, 0.5, 0.9, 45, 250.9, 0.1794, 251, 0.5, 0.7692, 60],
    weightsKg: [92.3, 92.3],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '0.5 mg/kg × 92.3 kg = 46.15 mg; 46.15 mg ÷ 50 mg/mL = 0.923 → 0.9 mL; 0.9 mL × 50 mg/mL = 45 mg drawn; 250 + 0.9 = 250.9 mL; 45 mg ÷ 250.9 mL = 0.17935… → 0.1794 mg/mL; 250.9 mL ÷ 60 min × 60 = 250.9 → 251 mL/h; 0.5 mg/kg ÷ 60 min × 60 = 0.5 mg/kg/h; 46.15 mg ÷ 60 min = 0.76916… → 0.7692 mg/min',
  },
  {
    name: 'clinic settings: 50 mL bag, 0.05 mL syringe, 0.5 mL/h pump',
    protocol: 'bipolar-disorder',
    input: { weight: { value: 67.9, unit: 'kg' }, vialConcentration: { value: 10, unit: 'mg/mL' } },
    settings: { bagVolumeMl: 50, volumeIncrementMl: 0.05, rateIncrementMlPerHour: 0.5 },
    expect: [33.95, 0.5, 3.4, 34, 53.4, 0.6367, 80, 0.75, 0.8488, 40],
    weightsKg: [67.9, 67.9],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '0.5 mg/kg × 67.9 kg = 33.95 mg; 33.95 mg ÷ 10 mg/mL = 3.395 → 3.4 mL; 3.4 mL × 10 mg/mL = 34 mg drawn; 50 + 3.4 = 53.4 mL; 34 mg ÷ 53.4 mL = 0.63670… → 0.6367 mg/mL; 53.4 mL ÷ 40 min × 60 = 80.1 → 80 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 33.95 mg ÷ 40 min = 0.84875 → 0.8488 mg/min',
  },
];
