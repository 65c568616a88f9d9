/**
 * Hand-checked vectors beyond the matrix: lb input, ideal and adjusted weight (Devine: 50 kg men,
 * 45.5 kg women, + 2.3 kg per inch over 60 in; adjusted = ideal + 0.4 × (actual − ideal), from the
 * gram-rounded ideal and actual weights), withdraw-equal-volume, explicit mg and mg/kg doses,
 * durations in h, clinic preparation settings, and each soft and hard limit.
 *
 * Protocols and guardrails are the real knowledge base's (facts/guardrails.ts):
 * psychiatric: soft 0.5–0.5 mg/kg, hard max 1 mg/kg; soft 40–40 min, hard min 20 min;
 *   soft max 0.75 mg/kg/h, hard max 1.5 mg/kg/h; total hard max 250 mg.
 * chronic pain, fibromyalgia: soft 0.1–0.5 mg/kg, hard max 2; soft 240–360 min, hard min 15;
 *   soft max 0.125 mg/kg/h, hard max 2; total hard max 500 mg.
 * migraine: soft 0.1–0.5 mg/kg, hard max 2; soft 60–240 min, hard min 30; soft max 0.5 mg/kg/h,
 *   hard max 1; total hard max 500 mg.
 * all: final concentration soft max 2, hard max 50 mg/mL (and above 50 mg/mL the 100 mg/mL
 *   strength is undiluted); weight hard 30–250 kg; change > 10% soft; ratio within 0.1 of
 *   2.2046 soft (lb/kg mix-up); weight older than 30 days soft.
 * An explicit mg dose is shown as ordered; only a computed dose is rounded to 0.01 mg.
 */
import type { SpecialVector } from './vector-types';

export const INFUSION_SPECIAL: readonly SpecialVector[] = [
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
    name: 'explicit dose 35 mg for 70 kg',
    protocol: 'depression',
    input: {
      weight: { value: 70, unit: 'kg' },
      dose: { value: 35, unit: 'mg' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
    },
    expect: [35, 0.5, 0.7, 35, 100.7, 0.3476, 151.1, 0.75, 0.875, 40],
    weightsKg: [70, 70],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '35 mg ÷ 70 kg = 0.5 mg/kg; 35 mg ÷ 50 mg/mL = 0.7 mL; 100 + 0.7 = 100.7 mL; 35 mg ÷ 100.7 mL = 0.34756… → 0.3476 mg/mL; 100.7 mL ÷ 40 min × 60 = 151.05 → 151.1 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 35 mg ÷ 40 min = 0.875 mg/min',
  },
  {
    name: 'explicit dose 40 mg for 73.4 kg: above the soft mg/kg and rate limits',
    protocol: 'depression',
    input: {
      weight: { value: 73.4, unit: 'kg' },
      dose: { value: 40, unit: 'mg' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
    },
    expect: [40, 0.545, 0.8, 40, 100.8, 0.3968, 151.2, 0.8174, 1, 40],
    weightsKg: [73.4, 73.4],
    limits: ['DOSE.DOSE_PER_KG_ABOVE_SOFT_LIMIT', 'DOSE.DOSE_RATE_ABOVE_SOFT_LIMIT'],
    blocked: false,
    requiresOverride: true,
    arithmetic:
      '40 mg ÷ 73.4 kg = 0.54495… mg/kg → 0.545 mg/kg; 40 mg ÷ 50 mg/mL = 0.8 mL; 100 + 0.8 = 100.8 mL; 40 mg ÷ 100.8 mL = 0.39682… → 0.3968 mg/mL; 100.8 mL ÷ 40 min × 60 = 151.2 mL/h; 0.54495… mg/kg ÷ 40 min × 60 = 0.81743… → 0.8174 mg/kg/h; 40 mg ÷ 40 min = 1 mg/min',
  },
  {
    name: 'explicit dose 12.5 mg, pain protocol',
    protocol: 'chronic-pain',
    input: {
      weight: { value: 82.3, unit: 'kg' },
      dose: { value: 12.5, unit: 'mg' },
      vialConcentration: { value: 10, unit: 'mg/mL' },
    },
    expect: [12.5, 0.1519, 1.25, 12.5, 101.25, 0.1235, 25.3, 0.038, 0.0521, 240],
    weightsKg: [82.3, 82.3],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '12.5 mg ÷ 82.3 kg = 0.15188… mg/kg → 0.1519 mg/kg; 12.5 mg ÷ 10 mg/mL = 1.25 mL; 100 + 1.25 = 101.25 mL; 12.5 mg ÷ 101.25 mL = 0.12345… → 0.1235 mg/mL; 101.25 mL ÷ 240 min × 60 = 25.3125 → 25.3 mL/h; 0.15188… mg/kg ÷ 240 min × 60 = 0.03797… → 0.038 mg/kg/h; 12.5 mg ÷ 240 min = 0.05208… → 0.0521 mg/min',
  },
  {
    name: 'explicit dose 0.3 mg/kg over 5 h',
    protocol: 'chronic-pain',
    input: {
      weight: { value: 80, unit: 'kg' },
      dose: { value: 0.3, unit: 'mg/kg' },
      duration: { value: 5, unit: 'h' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
    },
    expect: [24, 0.3, 0.48, 24, 100.48, 0.2389, 20.1, 0.06, 0.08, 300],
    weightsKg: [80, 80],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '0.3 mg/kg × 80 kg = 24 mg; 24 mg ÷ 50 mg/mL = 0.48 mL; 100 + 0.48 = 100.48 mL; 24 mg ÷ 100.48 mL = 0.23885… → 0.2389 mg/mL; 5 h × 60 = 300 min; 100.48 mL ÷ 300 min × 60 = 20.096 → 20.1 mL/h; 0.3 mg/kg ÷ 300 min × 60 = 0.06 mg/kg/h; 24 mg ÷ 300 min = 0.08 mg/min',
  },
  {
    name: 'explicit duration 1.5 h, 0.25 mg/kg',
    protocol: 'migraine',
    input: {
      weight: { value: 64, unit: 'kg' },
      dose: { value: 0.25, unit: 'mg/kg' },
      duration: { value: 1.5, unit: 'h' },
      vialConcentration: { value: 10, unit: 'mg/mL' },
    },
    expect: [16, 0.25, 1.6, 16, 101.6, 0.1575, 67.7, 0.1667, 0.1778, 90],
    weightsKg: [64, 64],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '0.25 mg/kg × 64 kg = 16 mg; 16 mg ÷ 10 mg/mL = 1.6 mL; 100 + 1.6 = 101.6 mL; 16 mg ÷ 101.6 mL = 0.15748… → 0.1575 mg/mL; 1.5 h × 60 = 90 min; 101.6 mL ÷ 90 min × 60 = 67.73333… → 67.7 mL/h; 0.25 mg/kg ÷ 90 min × 60 = 0.16666… → 0.1667 mg/kg/h; 16 mg ÷ 90 min = 0.17777… → 0.1778 mg/min',
  },
  {
    name: 'explicit duration 4.25 h',
    protocol: 'fibromyalgia',
    input: {
      weight: { value: 91.2, unit: 'kg' },
      dose: { value: 0.2, unit: 'mg/kg' },
      duration: { value: 4.25, unit: 'h' },
      vialConcentration: { value: 10, unit: 'mg/mL' },
    },
    expect: [18.24, 0.2, 1.82, 18.2, 101.82, 0.1787, 24, 0.0471, 0.0715, 255],
    weightsKg: [91.2, 91.2],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '0.2 mg/kg × 91.2 kg = 18.24 mg; 18.24 mg ÷ 10 mg/mL = 1.824 → 1.82 mL; 1.82 mL × 10 mg/mL = 18.2 mg drawn; 100 + 1.82 = 101.82 mL; 18.2 mg ÷ 101.82 mL = 0.17874… → 0.1787 mg/mL; 4.25 h × 60 = 255 min; 101.82 mL ÷ 255 min × 60 = 23.95764… → 24 mL/h; 0.2 mg/kg ÷ 255 min × 60 = 0.04705… → 0.0471 mg/kg/h; 18.24 mg ÷ 255 min = 0.07152… → 0.0715 mg/min',
  },
  {
    name: 'explicit duration 60 min: above the soft maximum',
    protocol: 'depression',
    input: {
      weight: { value: 80, unit: 'kg' },
      duration: { value: 60, unit: 'min' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
    },
    expect: [40, 0.5, 0.8, 40, 100.8, 0.3968, 100.8, 0.5, 0.6667, 60],
    weightsKg: [80, 80],
    limits: ['DOSE.DURATION_ABOVE_SOFT_LIMIT'],
    blocked: false,
    requiresOverride: true,
    arithmetic:
      '0.5 mg/kg × 80 kg = 40 mg; 40 mg ÷ 50 mg/mL = 0.8 mL; 100 + 0.8 = 100.8 mL; 40 mg ÷ 100.8 mL = 0.39682… → 0.3968 mg/mL; 100.8 mL ÷ 60 min × 60 = 100.8 mL/h; 0.5 mg/kg ÷ 60 min × 60 = 0.5 mg/kg/h; 40 mg ÷ 60 min = 0.66666… → 0.6667 mg/min',
  },
  {
    name: 'duration 15 min: below the hard minimum, rate above the hard maximum',
    protocol: 'depression',
    input: {
      weight: { value: 80, unit: 'kg' },
      duration: { value: 15, unit: 'min' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
    },
    expect: [40, 0.5, 0.8, 40, 100.8, 0.3968, 403.2, 2, 2.6667, 15],
    weightsKg: [80, 80],
    limits: ['DOSE.DURATION_BELOW_HARD_LIMIT', 'DOSE.DOSE_RATE_ABOVE_HARD_LIMIT'],
    blocked: true,
    requiresOverride: false,
    arithmetic:
      '0.5 mg/kg × 80 kg = 40 mg; 40 mg ÷ 50 mg/mL = 0.8 mL; 100 + 0.8 = 100.8 mL; 40 mg ÷ 100.8 mL = 0.39682… → 0.3968 mg/mL; 100.8 mL ÷ 15 min × 60 = 403.2 mL/h; 0.5 mg/kg ÷ 15 min × 60 = 2 mg/kg/h; 40 mg ÷ 15 min = 2.66666… → 2.6667 mg/min',
  },
  {
    name: 'dose 1.2 mg/kg: above the hard maximum',
    protocol: 'depression',
    input: {
      weight: { value: 80, unit: 'kg' },
      dose: { value: 1.2, unit: 'mg/kg' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
    },
    expect: [96, 1.2, 1.92, 96, 101.92, 0.9419, 152.9, 1.8, 2.4, 40],
    weightsKg: [80, 80],
    limits: ['DOSE.DOSE_PER_KG_ABOVE_HARD_LIMIT', 'DOSE.DOSE_RATE_ABOVE_HARD_LIMIT'],
    blocked: true,
    requiresOverride: false,
    arithmetic:
      '1.2 mg/kg × 80 kg = 96 mg; 96 mg ÷ 50 mg/mL = 1.92 mL; 100 + 1.92 = 101.92 mL; 96 mg ÷ 101.92 mL = 0.94191… → 0.9419 mg/mL; 101.92 mL ÷ 40 min × 60 = 152.88 → 152.9 mL/h; 1.2 mg/kg ÷ 40 min × 60 = 1.8 mg/kg/h; 96 mg ÷ 40 min = 2.4 mg/min',
  },
  {
    name: 'dose 1 mg/kg: on the hard maximum, soft limits only',
    protocol: 'depression',
    input: {
      weight: { value: 80, unit: 'kg' },
      dose: { value: 1, unit: 'mg/kg' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
    },
    expect: [80, 1, 1.6, 80, 101.6, 0.7874, 152.4, 1.5, 2, 40],
    weightsKg: [80, 80],
    limits: ['DOSE.DOSE_PER_KG_ABOVE_SOFT_LIMIT', 'DOSE.DOSE_RATE_ABOVE_SOFT_LIMIT'],
    blocked: false,
    requiresOverride: true,
    arithmetic:
      '1 mg/kg × 80 kg = 80 mg; 80 mg ÷ 50 mg/mL = 1.6 mL; 100 + 1.6 = 101.6 mL; 80 mg ÷ 101.6 mL = 0.78740… → 0.7874 mg/mL; 101.6 mL ÷ 40 min × 60 = 152.4 mL/h; 1 mg/kg ÷ 40 min × 60 = 1.5 mg/kg/h; 80 mg ÷ 40 min = 2 mg/min',
  },
  {
    name: 'dose 0.75 mg/kg: both soft limits overridden with reasons',
    protocol: 'depression',
    input: {
      weight: { value: 80, unit: 'kg' },
      dose: { value: 0.75, unit: 'mg/kg' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
      overrides: [
        { code: 'DOSE.DOSE_PER_KG_ABOVE_SOFT_LIMIT', reason: 'prescriber confirmed' },
        { code: 'DOSE.DOSE_RATE_ABOVE_SOFT_LIMIT', reason: 'prescriber confirmed' },
      ],
    },
    expect: [60, 0.75, 1.2, 60, 101.2, 0.5929, 151.8, 1.125, 1.5, 40],
    weightsKg: [80, 80],
    limits: ['DOSE.DOSE_PER_KG_ABOVE_SOFT_LIMIT', 'DOSE.DOSE_RATE_ABOVE_SOFT_LIMIT'],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '0.75 mg/kg × 80 kg = 60 mg; 60 mg ÷ 50 mg/mL = 1.2 mL; 100 + 1.2 = 101.2 mL; 60 mg ÷ 101.2 mL = 0.59288… → 0.5929 mg/mL; 101.2 mL ÷ 40 min × 60 = 151.8 mL/h; 0.75 mg/kg ÷ 40 min × 60 = 1.125 mg/kg/h; 60 mg ÷ 40 min = 1.5 mg/min',
  },
  {
    name: 'dose 0.75 mg/kg: one override without a reason still needs one',
    protocol: 'depression',
    input: {
      weight: { value: 80, unit: 'kg' },
      dose: { value: 0.75, unit: 'mg/kg' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
      overrides: [
        { code: 'DOSE.DOSE_PER_KG_ABOVE_SOFT_LIMIT', reason: 'prescriber confirmed' },
        { code: 'DOSE.DOSE_RATE_ABOVE_SOFT_LIMIT', reason: '  ' },
      ],
    },
    expect: [60, 0.75, 1.2, 60, 101.2, 0.5929, 151.8, 1.125, 1.5, 40],
    weightsKg: [80, 80],
    limits: ['DOSE.DOSE_PER_KG_ABOVE_SOFT_LIMIT', 'DOSE.DOSE_RATE_ABOVE_SOFT_LIMIT'],
    blocked: false,
    requiresOverride: true,
    arithmetic:
      '0.75 mg/kg × 80 kg = 60 mg; 60 mg ÷ 50 mg/mL = 1.2 mL; 100 + 1.2 = 101.2 mL; 60 mg ÷ 101.2 mL = 0.59288… → 0.5929 mg/mL; 101.2 mL ÷ 40 min × 60 = 151.8 mL/h; 0.75 mg/kg ÷ 40 min × 60 = 1.125 mg/kg/h; 60 mg ÷ 40 min = 1.5 mg/min',
  },
  {
    name: 'dose 0.05 mg/kg: below the soft minimum',
    protocol: 'migraine',
    input: {
      weight: { value: 70, unit: 'kg' },
      dose: { value: 0.05, unit: 'mg/kg' },
      vialConcentration: { value: 10, unit: 'mg/mL' },
    },
    expect: [3.5, 0.05, 0.35, 3.5, 100.35, 0.0349, 100.4, 0.05, 0.0583, 60],
    weightsKg: [70, 70],
    limits: ['DOSE.DOSE_PER_KG_BELOW_SOFT_LIMIT'],
    blocked: false,
    requiresOverride: true,
    arithmetic:
      '0.05 mg/kg × 70 kg = 3.5 mg; 3.5 mg ÷ 10 mg/mL = 0.35 mL; 100 + 0.35 = 100.35 mL; 3.5 mg ÷ 100.35 mL = 0.03487… → 0.0349 mg/mL; 100.35 mL ÷ 60 min × 60 = 100.35 → 100.4 mL/h; 0.05 mg/kg ÷ 60 min × 60 = 0.05 mg/kg/h; 3.5 mg ÷ 60 min = 0.05833… → 0.0583 mg/min',
  },
  {
    name: 'weight 28 kg: below the hard minimum',
    protocol: 'depression',
    input: { weight: { value: 28, unit: 'kg' }, vialConcentration: { value: 10, unit: 'mg/mL' } },
    expect: [14, 0.5, 1.4, 14, 101.4, 0.1381, 152.1, 0.75, 0.35, 40],
    weightsKg: [28, 28],
    limits: ['DOSE.WEIGHT_BELOW_HARD_LIMIT'],
    blocked: true,
    requiresOverride: false,
    arithmetic:
      '0.5 mg/kg × 28 kg = 14 mg; 14 mg ÷ 10 mg/mL = 1.4 mL; 100 + 1.4 = 101.4 mL; 14 mg ÷ 101.4 mL = 0.13806… → 0.1381 mg/mL; 101.4 mL ÷ 40 min × 60 = 152.1 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 14 mg ÷ 40 min = 0.35 mg/min',
  },
  {
    name: 'weight 30 kg: on the hard minimum',
    protocol: 'depression',
    input: { weight: { value: 30, unit: 'kg' }, vialConcentration: { value: 10, unit: 'mg/mL' } },
    expect: [15, 0.5, 1.5, 15, 101.5, 0.1478, 152.3, 0.75, 0.375, 40],
    weightsKg: [30, 30],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '0.5 mg/kg × 30 kg = 15 mg; 15 mg ÷ 10 mg/mL = 1.5 mL; 100 + 1.5 = 101.5 mL; 15 mg ÷ 101.5 mL = 0.14778… → 0.1478 mg/mL; 101.5 mL ÷ 40 min × 60 = 152.25 → 152.3 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 15 mg ÷ 40 min = 0.375 mg/min',
  },
  {
    name: 'weight 250 kg: on the hard maximum',
    protocol: 'depression',
    input: { weight: { value: 250, unit: 'kg' }, vialConcentration: { value: 50, unit: 'mg/mL' } },
    expect: [125, 0.5, 2.5, 125, 102.5, 1.2195, 153.8, 0.75, 3.125, 40],
    weightsKg: [250, 250],
    limits: [],
    blocked: false,
    requiresOverride: false,
    arithmetic:
      '0.5 mg/kg × 250 kg = 125 mg; 125 mg ÷ 50 mg/mL = 2.5 mL; 100 + 2.5 = 102.5 mL; 125 mg ÷ 102.5 mL = 1.21951… → 1.2195 mg/mL; 102.5 mL ÷ 40 min × 60 = 153.75 → 153.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 125 mg ÷ 40 min = 3.125 mg/min',
  },
  {
    name: 'weight 260 kg at 2 mg/kg: weight and total dose above hard limits',
    protocol: 'chronic-pain',
    input: {
      weight: { value: 260, unit: 'kg' },
      dose: { value: 2, unit: 'mg/kg' },
      vialConcentration: { value: 50, unit: 'mg/mL' },
    },
    expect: [520, 2, 10.4, 520, 110.4, 4.7101, 27.6, 0.5, 2.1667, 240],
    weightsKg: [260, 260],
    limits: [
      'DOSE.WEIGHT_ABOVE_HARD_LIMIT',
      'DOSE.DOSE_PER_KG_ABOVE_SOFT_LIMIT',
      'DOSE.TOTAL_DOSE_ABOVE_HARD_LIMIT',
      'DOSE.CONCENTRATION_ABOVE_SOFT_LIMIT',
      'DOSE.DOSE_RATE_ABOVE_SOFT_LIMIT',
    ],
    blocked: true,
    requiresOverride: true,
    arithmetic:
      '2 mg/kg × 260 kg = 520 mg; 520 mg ÷ 50 mg/mL = 10.4 mL; 100 + 10.4 = 110.4 mL; 520 mg ÷ 110.4 mL = 4.71014… → 4.7101 mg/mL; 110.4 mL ÷ 240 min × 60 = 27.6 mL/h; 2 mg/kg ÷ 240 min × 60 = 0.5 mg/kg/h; 520 mg ÷ 240 min = 2.16666… → 2.1667 mg/min',
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
