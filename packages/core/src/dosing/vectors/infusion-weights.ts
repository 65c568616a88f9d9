/**
 * Special infusion vectors about the weight: lb input, ideal and adjusted weight (Devine: 50 kg
 * men, 45.5 kg women, + 2.3 kg per inch over 60 in; adjusted = ideal + 0.4 × (actual − ideal),
 * from the gram-rounded ideal and actual weights), rounding to the gram, and the soft checks
 * against the last recorded weight (change > 10%, ratio within 0.1 of 2.2046, older than 30 days).
 * The protocols and guardrails are listed in infusion-special.ts.
 */
import type { SpecialVector } from './vector-types';

export const WEIGHT_VECTORS: readonly SpecialVector[] = [
  {
    name: 'lb input: 176 lb',
    protocol: 'depression',
    input: { weight: { value: 176, unit: 'lb' }, vialConcentration: { value: 50, unit: 'mg/mL' } },
    expect: [39.92, 0.5, 0.8, 40, 100.8, 0.3968, 151.2, 0.75, 0.9979, 40],
    weightsKg: [79.832, 79.832],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '176 lb × 0.45359237 = 79.83225712 kg → 79.832 kg; 0.5 mg/kg × 79.832 kg = 39.916 mg → 39.92 mg; 39.916 mg ÷ 50 mg/mL = 0.79832 → 0.8 mL; 0.8 mL × 50 mg/mL = 40 mg drawn; 100 + 0.8 = 100.8 mL; 40 mg ÷ 100.8 mL = 0.39682… → 0.3968 mg/mL; 100.8 mL ÷ 40 min × 60 = 151.2 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 39.916 mg ÷ 40 min = 0.9979 mg/min',
  },
  {
    name: 'lb input with a decimal: 165.5 lb',
    protocol: 'migraine',
    input: {
      weight: { value: 165.5, unit: 'lb' },
      vialConcentration: { value: 10, unit: 'mg/mL' },
    },
    expect: [7.51, 0.1, 0.75, 7.5, 100.75, 0.0744, 100.8, 0.1, 0.1251, 60],
    weightsKg: [75.07, 75.07],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '165.5 lb × 0.45359237 = 75.069537235 kg → 75.07 kg; 0.1 mg/kg × 75.07 kg = 7.507 mg → 7.51 mg; 7.507 mg ÷ 10 mg/mL = 0.7507 → 0.75 mL; 0.75 mL × 10 mg/mL = 7.5 mg drawn; 100 + 0.75 = 100.75 mL; 7.5 mg ÷ 100.75 mL = 0.07444… → 0.0744 mg/mL; 100.75 mL ÷ 60 min × 60 = 100.75 → 100.8 mL/h; 0.1 mg/kg ÷ 60 min × 60 = 0.1 mg/kg/h; 7.507 mg ÷ 60 min = 0.12511… → 0.1251 mg/min',
  },
  {
    name: 'lb input: 100 lb (45.359237 kg, to the gram)',
    protocol: 'ocd',
    input: { weight: { value: 100, unit: 'lb' }, vialConcentration: { value: 100, unit: 'mg/mL' } },
    expect: [22.68, 0.5, 0.23, 23, 100.23, 0.2295, 150.3, 0.75, 0.567, 40],
    weightsKg: [45.359, 45.359],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '100 lb × 0.45359237 = 45.359237 kg → 45.359 kg; 0.5 mg/kg × 45.359 kg = 22.6795 mg → 22.68 mg; 22.6795 mg ÷ 100 mg/mL = 0.226795 → 0.23 mL; 0.23 mL × 100 mg/mL = 23 mg drawn; 100 + 0.23 = 100.23 mL; 23 mg ÷ 100.23 mL = 0.22947… → 0.2295 mg/mL; 100.23 mL ÷ 40 min × 60 = 150.345 → 150.3 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 22.6795 mg ÷ 40 min = 0.5669875 → 0.567 mg/min',
  },
  {
    name: 'ideal weight (Devine), male, 70 in',
    protocol: 'depression',
    input: {
      weight: { value: 95, unit: 'kg' },
      height: { value: 70, unit: 'in' },
      sex: 'male',
      weightBasis: 'ideal',
      vialConcentration: { value: 50, unit: 'mg/mL' },
    },
    expect: [36.5, 0.5, 0.73, 36.5, 100.73, 0.3624, 151.1, 0.75, 0.9125, 40],
    weightsKg: [73, 95],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      'IBW male = 50 + 2.3 × (70 − 60) = 73 kg; 0.5 mg/kg × 73 kg = 36.5 mg; 36.5 mg ÷ 50 mg/mL = 0.73 mL; 100 + 0.73 = 100.73 mL; 36.5 mg ÷ 100.73 mL = 0.36235… → 0.3624 mg/mL; 100.73 mL ÷ 40 min × 60 = 151.095 → 151.1 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.5 mg ÷ 40 min = 0.9125 mg/min',
  },
  {
    name: 'ideal weight (Devine), female, 165 cm',
    protocol: 'ptsd',
    input: {
      weight: { value: 68, unit: 'kg' },
      height: { value: 165, unit: 'cm' },
      sex: 'female',
      weightBasis: 'ideal',
      vialConcentration: { value: 10, unit: 'mg/mL' },
    },
    expect: [28.45, 0.5, 2.85, 28.5, 102.85, 0.2771, 154.3, 0.75, 0.7114, 40],
    weightsKg: [56.909, 68],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '165 cm ÷ 2.54 = 64.96062… in; IBW female = 45.5 + 2.3 × (64.96062… − 60) = 56.90944… → 56.909 kg; 0.5 mg/kg × 56.909 kg = 28.4545 mg → 28.45 mg; 28.4545 mg ÷ 10 mg/mL = 2.84545 → 2.85 mL; 2.85 mL × 10 mg/mL = 28.5 mg drawn; 100 + 2.85 = 102.85 mL; 28.5 mg ÷ 102.85 mL = 0.27710… → 0.2771 mg/mL; 102.85 mL ÷ 40 min × 60 = 154.275 → 154.3 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 28.4545 mg ÷ 40 min = 0.7113625 → 0.7114 mg/min',
  },
  {
    name: 'ideal weight (Devine), female, exactly 60 in',
    protocol: 'anxiety',
    input: {
      weight: { value: 52, unit: 'kg' },
      height: { value: 60, unit: 'in' },
      sex: 'female',
      weightBasis: 'ideal',
      vialConcentration: { value: 10, unit: 'mg/mL' },
    },
    expect: [22.75, 0.5, 2.28, 22.8, 102.28, 0.2229, 153.4, 0.75, 0.5688, 40],
    weightsKg: [45.5, 52],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      'IBW female = 45.5 + 2.3 × (60 − 60) = 45.5 kg; 0.5 mg/kg × 45.5 kg = 22.75 mg; 22.75 mg ÷ 10 mg/mL = 2.275 → 2.28 mL; 2.28 mL × 10 mg/mL = 22.8 mg drawn; 100 + 2.28 = 102.28 mL; 22.8 mg ÷ 102.28 mL = 0.22291… → 0.2229 mg/mL; 102.28 mL ÷ 40 min × 60 = 153.42 → 153.4 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 22.75 mg ÷ 40 min = 0.56875 → 0.5688 mg/min',
  },
  {
    name: 'ideal weight above the actual weight (noted, not blocked)',
    protocol: 'depression',
    input: {
      weight: { value: 60, unit: 'kg' },
      height: { value: 72, unit: 'in' },
      sex: 'male',
      weightBasis: 'ideal',
      vialConcentration: { value: 50, unit: 'mg/mL' },
    },
    expect: [38.8, 0.5, 0.78, 39, 100.78, 0.387, 151.2, 0.75, 0.97, 40],
    weightsKg: [77.6, 60],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      'IBW male = 50 + 2.3 × (72 − 60) = 77.6 kg; 0.5 mg/kg × 77.6 kg = 38.8 mg; 38.8 mg ÷ 50 mg/mL = 0.776 → 0.78 mL; 0.78 mL × 50 mg/mL = 39 mg drawn; 100 + 0.78 = 100.78 mL; 39 mg ÷ 100.78 mL = 0.38698… → 0.387 mg/mL; 100.78 mL ÷ 40 min × 60 = 151.17 → 151.2 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 38.8 mg ÷ 40 min = 0.97 mg/min',
  },
  {
    name: 'adjusted weight, male, 180 cm, 110 kg',
    protocol: 'chronic-pain',
    input: {
      weight: { value: 110, unit: 'kg' },
      height: { value: 180, unit: 'cm' },
      sex: 'male',
      weightBasis: 'adjusted',
      vialConcentration: { value: 10, unit: 'mg/mL' },
    },
    expect: [8.9, 0.1, 0.89, 8.9, 100.89, 0.0882, 25.2, 0.025, 0.0371, 240],
    weightsKg: [88.995, 110],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '180 cm ÷ 2.54 = 70.86614… in; IBW male = 50 + 2.3 × (70.86614… − 60) = 74.99212… → 74.992 kg; ABW = 74.992 + 0.4 × (110 − 74.992) = 88.9952 → 88.995 kg; 0.1 mg/kg × 88.995 kg = 8.8995 mg → 8.9 mg; 8.8995 mg ÷ 10 mg/mL = 0.88995 → 0.89 mL; 0.89 mL × 10 mg/mL = 8.9 mg drawn; 100 + 0.89 = 100.89 mL; 8.9 mg ÷ 100.89 mL = 0.08821… → 0.0882 mg/mL; 100.89 mL ÷ 240 min × 60 = 25.2225 → 25.2 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 8.8995 mg ÷ 240 min = 0.03708125 → 0.0371 mg/min',
  },
  {
    name: 'adjusted weight, female, 62 in, 90 kg',
    protocol: 'depression',
    input: {
      weight: { value: 90, unit: 'kg' },
      height: { value: 62, unit: 'in' },
      sex: 'female',
      weightBasis: 'adjusted',
      vialConcentration: { value: 50, unit: 'mg/mL' },
    },
    expect: [33.03, 0.5, 0.66, 33, 100.66, 0.3278, 151, 0.75, 0.8258, 40],
    weightsKg: [66.06, 90],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      'IBW female = 45.5 + 2.3 × (62 − 60) = 50.1 kg; ABW = 50.1 + 0.4 × (90 − 50.1) = 66.06 kg; 0.5 mg/kg × 66.06 kg = 33.03 mg; 33.03 mg ÷ 50 mg/mL = 0.6606 → 0.66 mL; 0.66 mL × 50 mg/mL = 33 mg drawn; 100 + 0.66 = 100.66 mL; 33 mg ÷ 100.66 mL = 0.32783… → 0.3278 mg/mL; 100.66 mL ÷ 40 min × 60 = 150.99 → 151 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 33.03 mg ÷ 40 min = 0.82575 → 0.8258 mg/min',
  },
  {
    name: 'adjusted weight from lb: 264.5 lb, male, 69.5 in',
    protocol: 'fibromyalgia',
    input: {
      weight: { value: 264.5, unit: 'lb' },
      height: { value: 69.5, unit: 'in' },
      sex: 'male',
      weightBasis: 'adjusted',
      vialConcentration: { value: 10, unit: 'mg/mL' },
    },
    expect: [9.11, 0.1, 0.91, 9.1, 100.91, 0.0902, 25.2, 0.025, 0.038, 240],
    weightsKg: [91.1, 119.975],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '264.5 lb × 0.45359237 = 119.975181865 kg → 119.975 kg; IBW male = 50 + 2.3 × (69.5 − 60) = 71.85 kg; ABW = 71.85 + 0.4 × (119.975 − 71.85) = 91.1 kg; 0.1 mg/kg × 91.1 kg = 9.11 mg; 9.11 mg ÷ 10 mg/mL = 0.911 → 0.91 mL; 0.91 mL × 10 mg/mL = 9.1 mg drawn; 100 + 0.91 = 100.91 mL; 9.1 mg ÷ 100.91 mL = 0.09017… → 0.0902 mg/mL; 100.91 mL ÷ 240 min × 60 = 25.2275 → 25.2 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 9.11 mg ÷ 240 min = 0.03795… → 0.038 mg/min',
  },
  {
    name: 'weight to the gram: 80.0005 kg rounds half up to 80.001 kg',
    protocol: 'depression',
    input: {
      weight: { value: 80.0005, unit: 'kg' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
    },
    expect: [40, 0.5, 0.8, 40, 100.8, 0.3968, 151.2, 0.75, 1, 40],
    weightsKg: [80.001, 80.001],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '80.0005 kg → 80.001 kg; 0.5 mg/kg × 80.001 kg = 40.0005 mg → 40 mg; 40.0005 mg ÷ 50 mg/mL = 0.80001 → 0.8 mL; 0.8 mL × 50 mg/mL = 40 mg drawn; 100 + 0.8 = 100.8 mL; 40 mg ÷ 100.8 mL = 0.39682… → 0.3968 mg/mL; 100.8 mL ÷ 40 min × 60 = 151.2 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 40.0005 mg ÷ 40 min = 1.0000125 → 1 mg/min',
  },
  {
    name: 'weight 14% above the last recorded weight',
    protocol: 'depression',
    input: {
      weight: { value: 80, unit: 'kg' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
      lastRecordedWeight: { valueKg: 70, measuredOn: '2025-02-01' },
    },
    expect: [40, 0.5, 0.8, 40, 100.8, 0.3968, 151.2, 0.75, 1, 40],
    weightsKg: [80, 80],
    limits: ['DOSE.WEIGHT_CHANGE'],
    blocked: false,
    requiresOverride: true,
    arithmetic:
      '0.5 mg/kg × 80 kg = 40 mg; 40 mg ÷ 50 mg/mL = 0.8 mL; 100 + 0.8 = 100.8 mL; 40 mg ÷ 100.8 mL = 0.39682… → 0.3968 mg/mL; 100.8 mL ÷ 40 min × 60 = 151.2 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 40 mg ÷ 40 min = 1 mg/min',
  },
  {
    name: 'weight 2.2 times the last recorded weight: lb/kg mix-up',
    protocol: 'depression',
    input: {
      weight: { value: 176, unit: 'kg' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
      lastRecordedWeight: { valueKg: 80, measuredOn: '2025-02-01' },
    },
    expect: [88, 0.5, 1.76, 88, 101.76, 0.8648, 152.6, 0.75, 2.2, 40],
    weightsKg: [176, 176],
    limits: ['DOSE.WEIGHT_LB_KG_MIXUP'],
    blocked: false,
    requiresOverride: true,
    arithmetic:
      '0.5 mg/kg × 176 kg = 88 mg; 88 mg ÷ 50 mg/mL = 1.76 mL; 100 + 1.76 = 101.76 mL; 88 mg ÷ 101.76 mL = 0.86477… → 0.8648 mg/mL; 101.76 mL ÷ 40 min × 60 = 152.64 → 152.6 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 88 mg ÷ 40 min = 2.2 mg/min',
  },
  {
    name: 'weight 1/2.2 of the last recorded weight: lb/kg mix-up',
    protocol: 'depression',
    input: {
      weight: { value: 50, unit: 'kg' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
      lastRecordedWeight: { valueKg: 110, measuredOn: '2025-02-01' },
    },
    expect: [25, 0.5, 0.5, 25, 100.5, 0.2488, 150.8, 0.75, 0.625, 40],
    weightsKg: [50, 50],
    limits: ['DOSE.WEIGHT_LB_KG_MIXUP'],
    blocked: false,
    requiresOverride: true,
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 50 mg/mL = 0.5 mL; 100 + 0.5 = 100.5 mL; 25 mg ÷ 100.5 mL = 0.24875… → 0.2488 mg/mL; 100.5 mL ÷ 40 min × 60 = 150.75 → 150.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    name: 'weight 9% above the last recorded weight: no limit',
    protocol: 'depression',
    input: {
      weight: { value: 76.3, unit: 'kg' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
      lastRecordedWeight: { valueKg: 70, measuredOn: '2025-02-01' },
    },
    expect: [38.15, 0.5, 0.76, 38, 100.76, 0.3771, 151.1, 0.75, 0.9538, 40],
    weightsKg: [76.3, 76.3],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '0.5 mg/kg × 76.3 kg = 38.15 mg; 38.15 mg ÷ 50 mg/mL = 0.763 → 0.76 mL; 0.76 mL × 50 mg/mL = 38 mg drawn; 100 + 0.76 = 100.76 mL; 38 mg ÷ 100.76 mL = 0.37713… → 0.3771 mg/mL; 100.76 mL ÷ 40 min × 60 = 151.14 → 151.1 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 38.15 mg ÷ 40 min = 0.95375 → 0.9538 mg/min',
  },
  {
    name: 'weight measured 59 days before asOf',
    protocol: 'depression',
    input: {
      weight: { value: 80, unit: 'kg', measuredOn: '2025-01-01' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
      asOf: '2025-03-01',
    },
    expect: [40, 0.5, 0.8, 40, 100.8, 0.3968, 151.2, 0.75, 1, 40],
    weightsKg: [80, 80],
    limits: ['DOSE.WEIGHT_TOO_OLD'],
    blocked: false,
    requiresOverride: true,
    arithmetic:
      '0.5 mg/kg × 80 kg = 40 mg; 40 mg ÷ 50 mg/mL = 0.8 mL; 100 + 0.8 = 100.8 mL; 40 mg ÷ 100.8 mL = 0.39682… → 0.3968 mg/mL; 100.8 mL ÷ 40 min × 60 = 151.2 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 40 mg ÷ 40 min = 1 mg/min',
  },
  {
    name: 'weight measured 30 days before asOf: no limit',
    protocol: 'depression',
    input: {
      weight: { value: 80, unit: 'kg', measuredOn: '2025-01-30' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
      asOf: '2025-03-01',
    },
    expect: [40, 0.5, 0.8, 40, 100.8, 0.3968, 151.2, 0.75, 1, 40],
    weightsKg: [80, 80],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '0.5 mg/kg × 80 kg = 40 mg; 40 mg ÷ 50 mg/mL = 0.8 mL; 100 + 0.8 = 100.8 mL; 40 mg ÷ 100.8 mL = 0.39682… → 0.3968 mg/mL; 100.8 mL ÷ 40 min × 60 = 151.2 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 40 mg ÷ 40 min = 1 mg/min',
  },
];
