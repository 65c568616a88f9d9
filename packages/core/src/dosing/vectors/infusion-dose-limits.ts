/**
 * Special infusion vectors about the dose: explicit mg and mg/kg doses, durations in h, and each
 * soft and hard limit on the dose, duration, rate, weight and total dose, with overrides. The
 * protocols and guardrails are listed in infusion-special.ts.
 */
import type { SpecialVector } from './vector-types';

export const DOSE_LIMIT_VECTORS: readonly SpecialVector[] = [
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
];
