/**
 * Hand-checked vectors: the ten indications of the real knowledge base × 10, 50 and 100 mg/mL ×
 * 50, 73.4 and 118.65 kg, each at the protocol's default dose and duration with the default
 * preparation (100 mL bag, drug added, volume to 0.01 mL, rate to 0.1 mL/h).
 *
 * Rules applied by hand: weight to the gram; dose = mg/kg × kg, shown to 0.01 mg (half up);
 * volume = dose ÷ vial strength, rounded half up to 0.01 mL; drawn = volume × strength; total =
 * 100 mL + volume; concentration = drawn ÷ total to 0.0001 mg/mL; rate = total ÷ min × 60 to
 * 0.1 mL/h; mg/kg/h = mg/kg ÷ min × 60 and mg/min = ordered dose ÷ min, both to 0.0001.
 *
 * No cell hits a limit: psychiatric protocols give 0.5 mg/kg (on both soft bounds) at 0.75 mg/kg/h
 * (on the soft maximum); pain 0.1 mg/kg over 240 min (0.025 mg/kg/h); migraine 0.1 mg/kg over
 * 60 min (0.1 mg/kg/h); the highest final concentration is 59.33 mg in 105.93 mL (0.56 mg/mL).
 *
 * Expected numbers were worked out independently of the code (exact fractions, half-up rounding)
 * and spot-checked by hand; `expect` is `ExpectedOutputs`.
 */
import type { MatrixVector } from './vector-types';

export const INFUSION_MATRIX: readonly MatrixVector[] = [
  {
    given: { protocol: 'depression', weightKg: 50, vialMgPerMl: 10 },
    expect: [25, 0.5, 2.5, 25, 102.5, 0.2439, 153.8, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 10 mg/mL = 2.5 mL; 100 + 2.5 = 102.5 mL; 25 mg ÷ 102.5 mL = 0.24390… → 0.2439 mg/mL; 102.5 mL ÷ 40 min × 60 = 153.75 → 153.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'depression', weightKg: 73.4, vialMgPerMl: 10 },
    expect: [36.7, 0.5, 3.67, 36.7, 103.67, 0.354, 155.5, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 10 mg/mL = 3.67 mL; 100 + 3.67 = 103.67 mL; 36.7 mg ÷ 103.67 mL = 0.35400… → 0.354 mg/mL; 103.67 mL ÷ 40 min × 60 = 155.505 → 155.5 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'depression', weightKg: 118.65, vialMgPerMl: 10 },
    expect: [59.33, 0.5, 5.93, 59.3, 105.93, 0.5598, 158.9, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 10 mg/mL = 5.9325 → 5.93 mL; 5.93 mL × 10 mg/mL = 59.3 mg drawn; 100 + 5.93 = 105.93 mL; 59.3 mg ÷ 105.93 mL = 0.55980… → 0.5598 mg/mL; 105.93 mL ÷ 40 min × 60 = 158.895 → 158.9 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'depression', weightKg: 50, vialMgPerMl: 50 },
    expect: [25, 0.5, 0.5, 25, 100.5, 0.2488, 150.8, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 50 mg/mL = 0.5 mL; 100 + 0.5 = 100.5 mL; 25 mg ÷ 100.5 mL = 0.24875… → 0.2488 mg/mL; 100.5 mL ÷ 40 min × 60 = 150.75 → 150.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'depression', weightKg: 73.4, vialMgPerMl: 50 },
    expect: [36.7, 0.5, 0.73, 36.5, 100.73, 0.3624, 151.1, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 50 mg/mL = 0.734 → 0.73 mL; 0.73 mL × 50 mg/mL = 36.5 mg drawn; 100 + 0.73 = 100.73 mL; 36.5 mg ÷ 100.73 mL = 0.36235… → 0.3624 mg/mL; 100.73 mL ÷ 40 min × 60 = 151.095 → 151.1 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'depression', weightKg: 118.65, vialMgPerMl: 50 },
    expect: [59.33, 0.5, 1.19, 59.5, 101.19, 0.588, 151.8, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 50 mg/mL = 1.1865 → 1.19 mL; 1.19 mL × 50 mg/mL = 59.5 mg drawn; 100 + 1.19 = 101.19 mL; 59.5 mg ÷ 101.19 mL = 0.58800… → 0.588 mg/mL; 101.19 mL ÷ 40 min × 60 = 151.785 → 151.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'depression', weightKg: 50, vialMgPerMl: 100 },
    expect: [25, 0.5, 0.25, 25, 100.25, 0.2494, 150.4, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 100 mg/mL = 0.25 mL; 100 + 0.25 = 100.25 mL; 25 mg ÷ 100.25 mL = 0.24937… → 0.2494 mg/mL; 100.25 mL ÷ 40 min × 60 = 150.375 → 150.4 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'depression', weightKg: 73.4, vialMgPerMl: 100 },
    expect: [36.7, 0.5, 0.37, 37, 100.37, 0.3686, 150.6, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 100 mg/mL = 0.367 → 0.37 mL; 0.37 mL × 100 mg/mL = 37 mg drawn; 100 + 0.37 = 100.37 mL; 37 mg ÷ 100.37 mL = 0.36863… → 0.3686 mg/mL; 100.37 mL ÷ 40 min × 60 = 150.555 → 150.6 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'depression', weightKg: 118.65, vialMgPerMl: 100 },
    expect: [59.33, 0.5, 0.59, 59, 100.59, 0.5865, 150.9, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 100 mg/mL = 0.59325 → 0.59 mL; 0.59 mL × 100 mg/mL = 59 mg drawn; 100 + 0.59 = 100.59 mL; 59 mg ÷ 100.59 mL = 0.58653… → 0.5865 mg/mL; 100.59 mL ÷ 40 min × 60 = 150.885 → 150.9 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'anxiety', weightKg: 50, vialMgPerMl: 10 },
    expect: [25, 0.5, 2.5, 25, 102.5, 0.2439, 153.8, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 10 mg/mL = 2.5 mL; 100 + 2.5 = 102.5 mL; 25 mg ÷ 102.5 mL = 0.24390… → 0.2439 mg/mL; 102.5 mL ÷ 40 min × 60 = 153.75 → 153.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'anxiety', weightKg: 73.4, vialMgPerMl: 10 },
    expect: [36.7, 0.5, 3.67, 36.7, 103.67, 0.354, 155.5, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 10 mg/mL = 3.67 mL; 100 + 3.67 = 103.67 mL; 36.7 mg ÷ 103.67 mL = 0.35400… → 0.354 mg/mL; 103.67 mL ÷ 40 min × 60 = 155.505 → 155.5 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'anxiety', weightKg: 118.65, vialMgPerMl: 10 },
    expect: [59.33, 0.5, 5.93, 59.3, 105.93, 0.5598, 158.9, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 10 mg/mL = 5.9325 → 5.93 mL; 5.93 mL × 10 mg/mL = 59.3 mg drawn; 100 + 5.93 = 105.93 mL; 59.3 mg ÷ 105.93 mL = 0.55980… → 0.5598 mg/mL; 105.93 mL ÷ 40 min × 60 = 158.895 → 158.9 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'anxiety', weightKg: 50, vialMgPerMl: 50 },
    expect: [25, 0.5, 0.5, 25, 100.5, 0.2488, 150.8, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 50 mg/mL = 0.5 mL; 100 + 0.5 = 100.5 mL; 25 mg ÷ 100.5 mL = 0.24875… → 0.2488 mg/mL; 100.5 mL ÷ 40 min × 60 = 150.75 → 150.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'anxiety', weightKg: 73.4, vialMgPerMl: 50 },
    expect: [36.7, 0.5, 0.73, 36.5, 100.73, 0.3624, 151.1, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 50 mg/mL = 0.734 → 0.73 mL; 0.73 mL × 50 mg/mL = 36.5 mg drawn; 100 + 0.73 = 100.73 mL; 36.5 mg ÷ 100.73 mL = 0.36235… → 0.3624 mg/mL; 100.73 mL ÷ 40 min × 60 = 151.095 → 151.1 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'anxiety', weightKg: 118.65, vialMgPerMl: 50 },
    expect: [59.33, 0.5, 1.19, 59.5, 101.19, 0.588, 151.8, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 50 mg/mL = 1.1865 → 1.19 mL; 1.19 mL × 50 mg/mL = 59.5 mg drawn; 100 + 1.19 = 101.19 mL; 59.5 mg ÷ 101.19 mL = 0.58800… → 0.588 mg/mL; 101.19 mL ÷ 40 min × 60 = 151.785 → 151.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'anxiety', weightKg: 50, vialMgPerMl: 100 },
    expect: [25, 0.5, 0.25, 25, 100.25, 0.2494, 150.4, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 100 mg/mL = 0.25 mL; 100 + 0.25 = 100.25 mL; 25 mg ÷ 100.25 mL = 0.24937… → 0.2494 mg/mL; 100.25 mL ÷ 40 min × 60 = 150.375 → 150.4 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'anxiety', weightKg: 73.4, vialMgPerMl: 100 },
    expect: [36.7, 0.5, 0.37, 37, 100.37, 0.3686, 150.6, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 100 mg/mL = 0.367 → 0.37 mL; 0.37 mL × 100 mg/mL = 37 mg drawn; 100 + 0.37 = 100.37 mL; 37 mg ÷ 100.37 mL = 0.36863… → 0.3686 mg/mL; 100.37 mL ÷ 40 min × 60 = 150.555 → 150.6 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'anxiety', weightKg: 118.65, vialMgPerMl: 100 },
    expect: [59.33, 0.5, 0.59, 59, 100.59, 0.5865, 150.9, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 100 mg/mL = 0.59325 → 0.59 mL; 0.59 mL × 100 mg/mL = 59 mg drawn; 100 + 0.59 = 100.59 mL; 59 mg ÷ 100.59 mL = 0.58653… → 0.5865 mg/mL; 100.59 mL ÷ 40 min × 60 = 150.885 → 150.9 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'ptsd', weightKg: 50, vialMgPerMl: 10 },
    expect: [25, 0.5, 2.5, 25, 102.5, 0.2439, 153.8, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 10 mg/mL = 2.5 mL; 100 + 2.5 = 102.5 mL; 25 mg ÷ 102.5 mL = 0.24390… → 0.2439 mg/mL; 102.5 mL ÷ 40 min × 60 = 153.75 → 153.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'ptsd', weightKg: 73.4, vialMgPerMl: 10 },
    expect: [36.7, 0.5, 3.67, 36.7, 103.67, 0.354, 155.5, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 10 mg/mL = 3.67 mL; 100 + 3.67 = 103.67 mL; 36.7 mg ÷ 103.67 mL = 0.35400… → 0.354 mg/mL; 103.67 mL ÷ 40 min × 60 = 155.505 → 155.5 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'ptsd', weightKg: 118.65, vialMgPerMl: 10 },
    expect: [59.33, 0.5, 5.93, 59.3, 105.93, 0.5598, 158.9, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 10 mg/mL = 5.9325 → 5.93 mL; 5.93 mL × 10 mg/mL = 59.3 mg drawn; 100 + 5.93 = 105.93 mL; 59.3 mg ÷ 105.93 mL = 0.55980… → 0.5598 mg/mL; 105.93 mL ÷ 40 min × 60 = 158.895 → 158.9 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'ptsd', weightKg: 50, vialMgPerMl: 50 },
    expect: [25, 0.5, 0.5, 25, 100.5, 0.2488, 150.8, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 50 mg/mL = 0.5 mL; 100 + 0.5 = 100.5 mL; 25 mg ÷ 100.5 mL = 0.24875… → 0.2488 mg/mL; 100.5 mL ÷ 40 min × 60 = 150.75 → 150.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'ptsd', weightKg: 73.4, vialMgPerMl: 50 },
    expect: [36.7, 0.5, 0.73, 36.5, 100.73, 0.3624, 151.1, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 50 mg/mL = 0.734 → 0.73 mL; 0.73 mL × 50 mg/mL = 36.5 mg drawn; 100 + 0.73 = 100.73 mL; 36.5 mg ÷ 100.73 mL = 0.36235… → 0.3624 mg/mL; 100.73 mL ÷ 40 min × 60 = 151.095 → 151.1 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'ptsd', weightKg: 118.65, vialMgPerMl: 50 },
    expect: [59.33, 0.5, 1.19, 59.5, 101.19, 0.588, 151.8, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 50 mg/mL = 1.1865 → 1.19 mL; 1.19 mL × 50 mg/mL = 59.5 mg drawn; 100 + 1.19 = 101.19 mL; 59.5 mg ÷ 101.19 mL = 0.58800… → 0.588 mg/mL; 101.19 mL ÷ 40 min × 60 = 151.785 → 151.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'ptsd', weightKg: 50, vialMgPerMl: 100 },
    expect: [25, 0.5, 0.25, 25, 100.25, 0.2494, 150.4, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 100 mg/mL = 0.25 mL; 100 + 0.25 = 100.25 mL; 25 mg ÷ 100.25 mL = 0.24937… → 0.2494 mg/mL; 100.25 mL ÷ 40 min × 60 = 150.375 → 150.4 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'ptsd', weightKg: 73.4, vialMgPerMl: 100 },
    expect: [36.7, 0.5, 0.37, 37, 100.37, 0.3686, 150.6, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 100 mg/mL = 0.367 → 0.37 mL; 0.37 mL × 100 mg/mL = 37 mg drawn; 100 + 0.37 = 100.37 mL; 37 mg ÷ 100.37 mL = 0.36863… → 0.3686 mg/mL; 100.37 mL ÷ 40 min × 60 = 150.555 → 150.6 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'ptsd', weightKg: 118.65, vialMgPerMl: 100 },
    expect: [59.33, 0.5, 0.59, 59, 100.59, 0.5865, 150.9, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 100 mg/mL = 0.59325 → 0.59 mL; 0.59 mL × 100 mg/mL = 59 mg drawn; 100 + 0.59 = 100.59 mL; 59 mg ÷ 100.59 mL = 0.58653… → 0.5865 mg/mL; 100.59 mL ÷ 40 min × 60 = 150.885 → 150.9 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'chronic-pain', weightKg: 50, vialMgPerMl: 10 },
    expect: [5, 0.1, 0.5, 5, 100.5, 0.0498, 25.1, 0.025, 0.0208, 240],
    arithmetic:
      '0.1 mg/kg × 50 kg = 5 mg; 5 mg ÷ 10 mg/mL = 0.5 mL; 100 + 0.5 = 100.5 mL; 5 mg ÷ 100.5 mL = 0.04975… → 0.0498 mg/mL; 100.5 mL ÷ 240 min × 60 = 25.125 → 25.1 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 5 mg ÷ 240 min = 0.02083… → 0.0208 mg/min',
  },
  {
    given: { protocol: 'chronic-pain', weightKg: 73.4, vialMgPerMl: 10 },
    expect: [7.34, 0.1, 0.73, 7.3, 100.73, 0.0725, 25.2, 0.025, 0.0306, 240],
    arithmetic:
      '0.1 mg/kg × 73.4 kg = 7.34 mg; 7.34 mg ÷ 10 mg/mL = 0.734 → 0.73 mL; 0.73 mL × 10 mg/mL = 7.3 mg drawn; 100 + 0.73 = 100.73 mL; 7.3 mg ÷ 100.73 mL = 0.07247… → 0.0725 mg/mL; 100.73 mL ÷ 240 min × 60 = 25.1825 → 25.2 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 7.34 mg ÷ 240 min = 0.03058… → 0.0306 mg/min',
  },
  {
    given: { protocol: 'chronic-pain', weightKg: 118.65, vialMgPerMl: 10 },
    expect: [11.87, 0.1, 1.19, 11.9, 101.19, 0.1176, 25.3, 0.025, 0.0494, 240],
    arithmetic:
      '0.1 mg/kg × 118.65 kg = 11.865 mg → 11.87 mg; 11.865 mg ÷ 10 mg/mL = 1.1865 → 1.19 mL; 1.19 mL × 10 mg/mL = 11.9 mg drawn; 100 + 1.19 = 101.19 mL; 11.9 mg ÷ 101.19 mL = 0.11760… → 0.1176 mg/mL; 101.19 mL ÷ 240 min × 60 = 25.2975 → 25.3 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 11.865 mg ÷ 240 min = 0.0494375 → 0.0494 mg/min',
  },
  {
    given: { protocol: 'chronic-pain', weightKg: 50, vialMgPerMl: 50 },
    expect: [5, 0.1, 0.1, 5, 100.1, 0.05, 25, 0.025, 0.0208, 240],
    arithmetic:
      '0.1 mg/kg × 50 kg = 5 mg; 5 mg ÷ 50 mg/mL = 0.1 mL; 100 + 0.1 = 100.1 mL; 5 mg ÷ 100.1 mL = 0.04995… → 0.05 mg/mL; 100.1 mL ÷ 240 min × 60 = 25.025 → 25 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 5 mg ÷ 240 min = 0.02083… → 0.0208 mg/min',
  },
  {
    given: { protocol: 'chronic-pain', weightKg: 73.4, vialMgPerMl: 50 },
    expect: [7.34, 0.1, 0.15, 7.5, 100.15, 0.0749, 25, 0.025, 0.0306, 240],
    arithmetic:
      '0.1 mg/kg × 73.4 kg = 7.34 mg; 7.34 mg ÷ 50 mg/mL = 0.1468 → 0.15 mL; 0.15 mL × 50 mg/mL = 7.5 mg drawn; 100 + 0.15 = 100.15 mL; 7.5 mg ÷ 100.15 mL = 0.07488… → 0.0749 mg/mL; 100.15 mL ÷ 240 min × 60 = 25.0375 → 25 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 7.34 mg ÷ 240 min = 0.03058… → 0.0306 mg/min',
  },
  {
    given: { protocol: 'chronic-pain', weightKg: 118.65, vialMgPerMl: 50 },
    expect: [11.87, 0.1, 0.24, 12, 100.24, 0.1197, 25.1, 0.025, 0.0494, 240],
    arithmetic:
      '0.1 mg/kg × 118.65 kg = 11.865 mg → 11.87 mg; 11.865 mg ÷ 50 mg/mL = 0.2373 → 0.24 mL; 0.24 mL × 50 mg/mL = 12 mg drawn; 100 + 0.24 = 100.24 mL; 12 mg ÷ 100.24 mL = 0.11971… → 0.1197 mg/mL; 100.24 mL ÷ 240 min × 60 = 25.06 → 25.1 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 11.865 mg ÷ 240 min = 0.0494375 → 0.0494 mg/min',
  },
  {
    given: { protocol: 'chronic-pain', weightKg: 50, vialMgPerMl: 100 },
    expect: [5, 0.1, 0.05, 5, 100.05, 0.05, 25, 0.025, 0.0208, 240],
    arithmetic:
      '0.1 mg/kg × 50 kg = 5 mg; 5 mg ÷ 100 mg/mL = 0.05 mL; 100 + 0.05 = 100.05 mL; 5 mg ÷ 100.05 mL = 0.04997… → 0.05 mg/mL; 100.05 mL ÷ 240 min × 60 = 25.0125 → 25 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 5 mg ÷ 240 min = 0.02083… → 0.0208 mg/min',
  },
  {
    given: { protocol: 'chronic-pain', weightKg: 73.4, vialMgPerMl: 100 },
    expect: [7.34, 0.1, 0.07, 7, 100.07, 0.07, 25, 0.025, 0.0306, 240],
    arithmetic:
      '0.1 mg/kg × 73.4 kg = 7.34 mg; 7.34 mg ÷ 100 mg/mL = 0.0734 → 0.07 mL; 0.07 mL × 100 mg/mL = 7 mg drawn; 100 + 0.07 = 100.07 mL; 7 mg ÷ 100.07 mL = 0.06995… → 0.07 mg/mL; 100.07 mL ÷ 240 min × 60 = 25.0175 → 25 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 7.34 mg ÷ 240 min = 0.03058… → 0.0306 mg/min',
  },
  {
    given: { protocol: 'chronic-pain', weightKg: 118.65, vialMgPerMl: 100 },
    expect: [11.87, 0.1, 0.12, 12, 100.12, 0.1199, 25, 0.025, 0.0494, 240],
    arithmetic:
      '0.1 mg/kg × 118.65 kg = 11.865 mg → 11.87 mg; 11.865 mg ÷ 100 mg/mL = 0.11865 → 0.12 mL; 0.12 mL × 100 mg/mL = 12 mg drawn; 100 + 0.12 = 100.12 mL; 12 mg ÷ 100.12 mL = 0.11985… → 0.1199 mg/mL; 100.12 mL ÷ 240 min × 60 = 25.03 → 25 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 11.865 mg ÷ 240 min = 0.0494375 → 0.0494 mg/min',
  },
  {
    given: { protocol: 'bipolar-disorder', weightKg: 50, vialMgPerMl: 10 },
    expect: [25, 0.5, 2.5, 25, 102.5, 0.2439, 153.8, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 10 mg/mL = 2.5 mL; 100 + 2.5 = 102.5 mL; 25 mg ÷ 102.5 mL = 0.24390… → 0.2439 mg/mL; 102.5 mL ÷ 40 min × 60 = 153.75 → 153.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'bipolar-disorder', weightKg: 73.4, vialMgPerMl: 10 },
    expect: [36.7, 0.5, 3.67, 36.7, 103.67, 0.354, 155.5, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 10 mg/mL = 3.67 mL; 100 + 3.67 = 103.67 mL; 36.7 mg ÷ 103.67 mL = 0.35400… → 0.354 mg/mL; 103.67 mL ÷ 40 min × 60 = 155.505 → 155.5 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'bipolar-disorder', weightKg: 118.65, vialMgPerMl: 10 },
    expect: [59.33, 0.5, 5.93, 59.3, 105.93, 0.5598, 158.9, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 10 mg/mL = 5.9325 → 5.93 mL; 5.93 mL × 10 mg/mL = 59.3 mg drawn; 100 + 5.93 = 105.93 mL; 59.3 mg ÷ 105.93 mL = 0.55980… → 0.5598 mg/mL; 105.93 mL ÷ 40 min × 60 = 158.895 → 158.9 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'bipolar-disorder', weightKg: 50, vialMgPerMl: 50 },
    expect: [25, 0.5, 0.5, 25, 100.5, 0.2488, 150.8, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 50 mg/mL = 0.5 mL; 100 + 0.5 = 100.5 mL; 25 mg ÷ 100.5 mL = 0.24875… → 0.2488 mg/mL; 100.5 mL ÷ 40 min × 60 = 150.75 → 150.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'bipolar-disorder', weightKg: 73.4, vialMgPerMl: 50 },
    expect: [36.7, 0.5, 0.73, 36.5, 100.73, 0.3624, 151.1, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 50 mg/mL = 0.734 → 0.73 mL; 0.73 mL × 50 mg/mL = 36.5 mg drawn; 100 + 0.73 = 100.73 mL; 36.5 mg ÷ 100.73 mL = 0.36235… → 0.3624 mg/mL; 100.73 mL ÷ 40 min × 60 = 151.095 → 151.1 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'bipolar-disorder', weightKg: 118.65, vialMgPerMl: 50 },
    expect: [59.33, 0.5, 1.19, 59.5, 101.19, 0.588, 151.8, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 50 mg/mL = 1.1865 → 1.19 mL; 1.19 mL × 50 mg/mL = 59.5 mg drawn; 100 + 1.19 = 101.19 mL; 59.5 mg ÷ 101.19 mL = 0.58800… → 0.588 mg/mL; 101.19 mL ÷ 40 min × 60 = 151.785 → 151.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'bipolar-disorder', weightKg: 50, vialMgPerMl: 100 },
    expect: [25, 0.5, 0.25, 25, 100.25, 0.2494, 150.4, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 100 mg/mL = 0.25 mL; 100 + 0.25 = 100.25 mL; 25 mg ÷ 100.25 mL = 0.24937… → 0.2494 mg/mL; 100.25 mL ÷ 40 min × 60 = 150.375 → 150.4 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'bipolar-disorder', weightKg: 73.4, vialMgPerMl: 100 },
    expect: [36.7, 0.5, 0.37, 37, 100.37, 0.3686, 150.6, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 100 mg/mL = 0.367 → 0.37 mL; 0.37 mL × 100 mg/mL = 37 mg drawn; 100 + 0.37 = 100.37 mL; 37 mg ÷ 100.37 mL = 0.36863… → 0.3686 mg/mL; 100.37 mL ÷ 40 min × 60 = 150.555 → 150.6 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'bipolar-disorder', weightKg: 118.65, vialMgPerMl: 100 },
    expect: [59.33, 0.5, 0.59, 59, 100.59, 0.5865, 150.9, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 100 mg/mL = 0.59325 → 0.59 mL; 0.59 mL × 100 mg/mL = 59 mg drawn; 100 + 0.59 = 100.59 mL; 59 mg ÷ 100.59 mL = 0.58653… → 0.5865 mg/mL; 100.59 mL ÷ 40 min × 60 = 150.885 → 150.9 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'suicidal-ideation', weightKg: 50, vialMgPerMl: 10 },
    expect: [25, 0.5, 2.5, 25, 102.5, 0.2439, 153.8, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 10 mg/mL = 2.5 mL; 100 + 2.5 = 102.5 mL; 25 mg ÷ 102.5 mL = 0.24390… → 0.2439 mg/mL; 102.5 mL ÷ 40 min × 60 = 153.75 → 153.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'suicidal-ideation', weightKg: 73.4, vialMgPerMl: 10 },
    expect: [36.7, 0.5, 3.67, 36.7, 103.67, 0.354, 155.5, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 10 mg/mL = 3.67 mL; 100 + 3.67 = 103.67 mL; 36.7 mg ÷ 103.67 mL = 0.35400… → 0.354 mg/mL; 103.67 mL ÷ 40 min × 60 = 155.505 → 155.5 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'suicidal-ideation', weightKg: 118.65, vialMgPerMl: 10 },
    expect: [59.33, 0.5, 5.93, 59.3, 105.93, 0.5598, 158.9, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 10 mg/mL = 5.9325 → 5.93 mL; 5.93 mL × 10 mg/mL = 59.3 mg drawn; 100 + 5.93 = 105.93 mL; 59.3 mg ÷ 105.93 mL = 0.55980… → 0.5598 mg/mL; 105.93 mL ÷ 40 min × 60 = 158.895 → 158.9 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'suicidal-ideation', weightKg: 50, vialMgPerMl: 50 },
    expect: [25, 0.5, 0.5, 25, 100.5, 0.2488, 150.8, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 50 mg/mL = 0.5 mL; 100 + 0.5 = 100.5 mL; 25 mg ÷ 100.5 mL = 0.24875… → 0.2488 mg/mL; 100.5 mL ÷ 40 min × 60 = 150.75 → 150.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'suicidal-ideation', weightKg: 73.4, vialMgPerMl: 50 },
    expect: [36.7, 0.5, 0.73, 36.5, 100.73, 0.3624, 151.1, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 50 mg/mL = 0.734 → 0.73 mL; 0.73 mL × 50 mg/mL = 36.5 mg drawn; 100 + 0.73 = 100.73 mL; 36.5 mg ÷ 100.73 mL = 0.36235… → 0.3624 mg/mL; 100.73 mL ÷ 40 min × 60 = 151.095 → 151.1 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'suicidal-ideation', weightKg: 118.65, vialMgPerMl: 50 },
    expect: [59.33, 0.5, 1.19, 59.5, 101.19, 0.588, 151.8, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 50 mg/mL = 1.1865 → 1.19 mL; 1.19 mL × 50 mg/mL = 59.5 mg drawn; 100 + 1.19 = 101.19 mL; 59.5 mg ÷ 101.19 mL = 0.58800… → 0.588 mg/mL; 101.19 mL ÷ 40 min × 60 = 151.785 → 151.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'suicidal-ideation', weightKg: 50, vialMgPerMl: 100 },
    expect: [25, 0.5, 0.25, 25, 100.25, 0.2494, 150.4, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 100 mg/mL = 0.25 mL; 100 + 0.25 = 100.25 mL; 25 mg ÷ 100.25 mL = 0.24937… → 0.2494 mg/mL; 100.25 mL ÷ 40 min × 60 = 150.375 → 150.4 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'suicidal-ideation', weightKg: 73.4, vialMgPerMl: 100 },
    expect: [36.7, 0.5, 0.37, 37, 100.37, 0.3686, 150.6, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 100 mg/mL = 0.367 → 0.37 mL; 0.37 mL × 100 mg/mL = 37 mg drawn; 100 + 0.37 = 100.37 mL; 37 mg ÷ 100.37 mL = 0.36863… → 0.3686 mg/mL; 100.37 mL ÷ 40 min × 60 = 150.555 → 150.6 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'suicidal-ideation', weightKg: 118.65, vialMgPerMl: 100 },
    expect: [59.33, 0.5, 0.59, 59, 100.59, 0.5865, 150.9, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 100 mg/mL = 0.59325 → 0.59 mL; 0.59 mL × 100 mg/mL = 59 mg drawn; 100 + 0.59 = 100.59 mL; 59 mg ÷ 100.59 mL = 0.58653… → 0.5865 mg/mL; 100.59 mL ÷ 40 min × 60 = 150.885 → 150.9 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'ocd', weightKg: 50, vialMgPerMl: 10 },
    expect: [25, 0.5, 2.5, 25, 102.5, 0.2439, 153.8, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 10 mg/mL = 2.5 mL; 100 + 2.5 = 102.5 mL; 25 mg ÷ 102.5 mL = 0.24390… → 0.2439 mg/mL; 102.5 mL ÷ 40 min × 60 = 153.75 → 153.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'ocd', weightKg: 73.4, vialMgPerMl: 10 },
    expect: [36.7, 0.5, 3.67, 36.7, 103.67, 0.354, 155.5, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 10 mg/mL = 3.67 mL; 100 + 3.67 = 103.67 mL; 36.7 mg ÷ 103.67 mL = 0.35400… → 0.354 mg/mL; 103.67 mL ÷ 40 min × 60 = 155.505 → 155.5 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'ocd', weightKg: 118.65, vialMgPerMl: 10 },
    expect: [59.33, 0.5, 5.93, 59.3, 105.93, 0.5598, 158.9, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 10 mg/mL = 5.9325 → 5.93 mL; 5.93 mL × 10 mg/mL = 59.3 mg drawn; 100 + 5.93 = 105.93 mL; 59.3 mg ÷ 105.93 mL = 0.55980… → 0.5598 mg/mL; 105.93 mL ÷ 40 min × 60 = 158.895 → 158.9 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'ocd', weightKg: 50, vialMgPerMl: 50 },
    expect: [25, 0.5, 0.5, 25, 100.5, 0.2488, 150.8, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 50 mg/mL = 0.5 mL; 100 + 0.5 = 100.5 mL; 25 mg ÷ 100.5 mL = 0.24875… → 0.2488 mg/mL; 100.5 mL ÷ 40 min × 60 = 150.75 → 150.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'ocd', weightKg: 73.4, vialMgPerMl: 50 },
    expect: [36.7, 0.5, 0.73, 36.5, 100.73, 0.3624, 151.1, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 50 mg/mL = 0.734 → 0.73 mL; 0.73 mL × 50 mg/mL = 36.5 mg drawn; 100 + 0.73 = 100.73 mL; 36.5 mg ÷ 100.73 mL = 0.36235… → 0.3624 mg/mL; 100.73 mL ÷ 40 min × 60 = 151.095 → 151.1 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'ocd', weightKg: 118.65, vialMgPerMl: 50 },
    expect: [59.33, 0.5, 1.19, 59.5, 101.19, 0.588, 151.8, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 50 mg/mL = 1.1865 → 1.19 mL; 1.19 mL × 50 mg/mL = 59.5 mg drawn; 100 + 1.19 = 101.19 mL; 59.5 mg ÷ 101.19 mL = 0.58800… → 0.588 mg/mL; 101.19 mL ÷ 40 min × 60 = 151.785 → 151.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'ocd', weightKg: 50, vialMgPerMl: 100 },
    expect: [25, 0.5, 0.25, 25, 100.25, 0.2494, 150.4, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 100 mg/mL = 0.25 mL; 100 + 0.25 = 100.25 mL; 25 mg ÷ 100.25 mL = 0.24937… → 0.2494 mg/mL; 100.25 mL ÷ 40 min × 60 = 150.375 → 150.4 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'ocd', weightKg: 73.4, vialMgPerMl: 100 },
    expect: [36.7, 0.5, 0.37, 37, 100.37, 0.3686, 150.6, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 100 mg/mL = 0.367 → 0.37 mL; 0.37 mL × 100 mg/mL = 37 mg drawn; 100 + 0.37 = 100.37 mL; 37 mg ÷ 100.37 mL = 0.36863… → 0.3686 mg/mL; 100.37 mL ÷ 40 min × 60 = 150.555 → 150.6 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'ocd', weightKg: 118.65, vialMgPerMl: 100 },
    expect: [59.33, 0.5, 0.59, 59, 100.59, 0.5865, 150.9, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 100 mg/mL = 0.59325 → 0.59 mL; 0.59 mL × 100 mg/mL = 59 mg drawn; 100 + 0.59 = 100.59 mL; 59 mg ÷ 100.59 mL = 0.58653… → 0.5865 mg/mL; 100.59 mL ÷ 40 min × 60 = 150.885 → 150.9 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'substance-use-disorder', weightKg: 50, vialMgPerMl: 10 },
    expect: [25, 0.5, 2.5, 25, 102.5, 0.2439, 153.8, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 10 mg/mL = 2.5 mL; 100 + 2.5 = 102.5 mL; 25 mg ÷ 102.5 mL = 0.24390… → 0.2439 mg/mL; 102.5 mL ÷ 40 min × 60 = 153.75 → 153.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'substance-use-disorder', weightKg: 73.4, vialMgPerMl: 10 },
    expect: [36.7, 0.5, 3.67, 36.7, 103.67, 0.354, 155.5, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 10 mg/mL = 3.67 mL; 100 + 3.67 = 103.67 mL; 36.7 mg ÷ 103.67 mL = 0.35400… → 0.354 mg/mL; 103.67 mL ÷ 40 min × 60 = 155.505 → 155.5 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'substance-use-disorder', weightKg: 118.65, vialMgPerMl: 10 },
    expect: [59.33, 0.5, 5.93, 59.3, 105.93, 0.5598, 158.9, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 10 mg/mL = 5.9325 → 5.93 mL; 5.93 mL × 10 mg/mL = 59.3 mg drawn; 100 + 5.93 = 105.93 mL; 59.3 mg ÷ 105.93 mL = 0.55980… → 0.5598 mg/mL; 105.93 mL ÷ 40 min × 60 = 158.895 → 158.9 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'substance-use-disorder', weightKg: 50, vialMgPerMl: 50 },
    expect: [25, 0.5, 0.5, 25, 100.5, 0.2488, 150.8, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 50 mg/mL = 0.5 mL; 100 + 0.5 = 100.5 mL; 25 mg ÷ 100.5 mL = 0.24875… → 0.2488 mg/mL; 100.5 mL ÷ 40 min × 60 = 150.75 → 150.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'substance-use-disorder', weightKg: 73.4, vialMgPerMl: 50 },
    expect: [36.7, 0.5, 0.73, 36.5, 100.73, 0.3624, 151.1, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 50 mg/mL = 0.734 → 0.73 mL; 0.73 mL × 50 mg/mL = 36.5 mg drawn; 100 + 0.73 = 100.73 mL; 36.5 mg ÷ 100.73 mL = 0.36235… → 0.3624 mg/mL; 100.73 mL ÷ 40 min × 60 = 151.095 → 151.1 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'substance-use-disorder', weightKg: 118.65, vialMgPerMl: 50 },
    expect: [59.33, 0.5, 1.19, 59.5, 101.19, 0.588, 151.8, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 50 mg/mL = 1.1865 → 1.19 mL; 1.19 mL × 50 mg/mL = 59.5 mg drawn; 100 + 1.19 = 101.19 mL; 59.5 mg ÷ 101.19 mL = 0.58800… → 0.588 mg/mL; 101.19 mL ÷ 40 min × 60 = 151.785 → 151.8 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'substance-use-disorder', weightKg: 50, vialMgPerMl: 100 },
    expect: [25, 0.5, 0.25, 25, 100.25, 0.2494, 150.4, 0.75, 0.625, 40],
    arithmetic:
      '0.5 mg/kg × 50 kg = 25 mg; 25 mg ÷ 100 mg/mL = 0.25 mL; 100 + 0.25 = 100.25 mL; 25 mg ÷ 100.25 mL = 0.24937… → 0.2494 mg/mL; 100.25 mL ÷ 40 min × 60 = 150.375 → 150.4 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 25 mg ÷ 40 min = 0.625 mg/min',
  },
  {
    given: { protocol: 'substance-use-disorder', weightKg: 73.4, vialMgPerMl: 100 },
    expect: [36.7, 0.5, 0.37, 37, 100.37, 0.3686, 150.6, 0.75, 0.9175, 40],
    arithmetic:
      '0.5 mg/kg × 73.4 kg = 36.7 mg; 36.7 mg ÷ 100 mg/mL = 0.367 → 0.37 mL; 0.37 mL × 100 mg/mL = 37 mg drawn; 100 + 0.37 = 100.37 mL; 37 mg ÷ 100.37 mL = 0.36863… → 0.3686 mg/mL; 100.37 mL ÷ 40 min × 60 = 150.555 → 150.6 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 36.7 mg ÷ 40 min = 0.9175 mg/min',
  },
  {
    given: { protocol: 'substance-use-disorder', weightKg: 118.65, vialMgPerMl: 100 },
    expect: [59.33, 0.5, 0.59, 59, 100.59, 0.5865, 150.9, 0.75, 1.4831, 40],
    arithmetic:
      '0.5 mg/kg × 118.65 kg = 59.325 mg → 59.33 mg; 59.325 mg ÷ 100 mg/mL = 0.59325 → 0.59 mL; 0.59 mL × 100 mg/mL = 59 mg drawn; 100 + 0.59 = 100.59 mL; 59 mg ÷ 100.59 mL = 0.58653… → 0.5865 mg/mL; 100.59 mL ÷ 40 min × 60 = 150.885 → 150.9 mL/h; 0.5 mg/kg ÷ 40 min × 60 = 0.75 mg/kg/h; 59.325 mg ÷ 40 min = 1.483125 → 1.4831 mg/min',
  },
  {
    given: { protocol: 'migraine', weightKg: 50, vialMgPerMl: 10 },
    expect: [5, 0.1, 0.5, 5, 100.5, 0.0498, 100.5, 0.1, 0.0833, 60],
    arithmetic:
      '0.1 mg/kg × 50 kg = 5 mg; 5 mg ÷ 10 mg/mL = 0.5 mL; 100 + 0.5 = 100.5 mL; 5 mg ÷ 100.5 mL = 0.04975… → 0.0498 mg/mL; 100.5 mL ÷ 60 min × 60 = 100.5 mL/h; 0.1 mg/kg ÷ 60 min × 60 = 0.1 mg/kg/h; 5 mg ÷ 60 min = 0.08333… → 0.0833 mg/min',
  },
  {
    given: { protocol: 'migraine', weightKg: 73.4, vialMgPerMl: 10 },
    expect: [7.34, 0.1, 0.73, 7.3, 100.73, 0.0725, 100.7, 0.1, 0.1223, 60],
    arithmetic:
      '0.1 mg/kg × 73.4 kg = 7.34 mg; 7.34 mg ÷ 10 mg/mL = 0.734 → 0.73 mL; 0.73 mL × 10 mg/mL = 7.3 mg drawn; 100 + 0.73 = 100.73 mL; 7.3 mg ÷ 100.73 mL = 0.07247… → 0.0725 mg/mL; 100.73 mL ÷ 60 min × 60 = 100.73 → 100.7 mL/h; 0.1 mg/kg ÷ 60 min × 60 = 0.1 mg/kg/h; 7.34 mg ÷ 60 min = 0.12233… → 0.1223 mg/min',
  },
  {
    given: { protocol: 'migraine', weightKg: 118.65, vialMgPerMl: 10 },
    expect: [11.87, 0.1, 1.19, 11.9, 101.19, 0.1176, 101.2, 0.1, 0.1978, 60],
    arithmetic:
      '0.1 mg/kg × 118.65 kg = 11.865 mg → 11.87 mg; 11.865 mg ÷ 10 mg/mL = 1.1865 → 1.19 mL; 1.19 mL × 10 mg/mL = 11.9 mg drawn; 100 + 1.19 = 101.19 mL; 11.9 mg ÷ 101.19 mL = 0.11760… → 0.1176 mg/mL; 101.19 mL ÷ 60 min × 60 = 101.19 → 101.2 mL/h; 0.1 mg/kg ÷ 60 min × 60 = 0.1 mg/kg/h; 11.865 mg ÷ 60 min = 0.19775 → 0.1978 mg/min',
  },
  {
    given: { protocol: 'migraine', weightKg: 50, vialMgPerMl: 50 },
    expect: [5, 0.1, 0.1, 5, 100.1, 0.05, 100.1, 0.1, 0.0833, 60],
    arithmetic:
      '0.1 mg/kg × 50 kg = 5 mg; 5 mg ÷ 50 mg/mL = 0.1 mL; 100 + 0.1 = 100.1 mL; 5 mg ÷ 100.1 mL = 0.04995… → 0.05 mg/mL; 100.1 mL ÷ 60 min × 60 = 100.1 mL/h; 0.1 mg/kg ÷ 60 min × 60 = 0.1 mg/kg/h; 5 mg ÷ 60 min = 0.08333… → 0.0833 mg/min',
  },
  {
    given: { protocol: 'migraine', weightKg: 73.4, vialMgPerMl: 50 },
    expect: [7.34, 0.1, 0.15, 7.5, 100.15, 0.0749, 100.2, 0.1, 0.1223, 60],
    arithmetic:
      '0.1 mg/kg × 73.4 kg = 7.34 mg; 7.34 mg ÷ 50 mg/mL = 0.1468 → 0.15 mL; 0.15 mL × 50 mg/mL = 7.5 mg drawn; 100 + 0.15 = 100.15 mL; 7.5 mg ÷ 100.15 mL = 0.07488… → 0.0749 mg/mL; 100.15 mL ÷ 60 min × 60 = 100.15 → 100.2 mL/h; 0.1 mg/kg ÷ 60 min × 60 = 0.1 mg/kg/h; 7.34 mg ÷ 60 min = 0.12233… → 0.1223 mg/min',
  },
  {
    given: { protocol: 'migraine', weightKg: 118.65, vialMgPerMl: 50 },
    expect: [11.87, 0.1, 0.24, 12, 100.24, 0.1197, 100.2, 0.1, 0.1978, 60],
    arithmetic:
      '0.1 mg/kg × 118.65 kg = 11.865 mg → 11.87 mg; 11.865 mg ÷ 50 mg/mL = 0.2373 → 0.24 mL; 0.24 mL × 50 mg/mL = 12 mg drawn; 100 + 0.24 = 100.24 mL; 12 mg ÷ 100.24 mL = 0.11971… → 0.1197 mg/mL; 100.24 mL ÷ 60 min × 60 = 100.24 → 100.2 mL/h; 0.1 mg/kg ÷ 60 min × 60 = 0.1 mg/kg/h; 11.865 mg ÷ 60 min = 0.19775 → 0.1978 mg/min',
  },
  {
    given: { protocol: 'migraine', weightKg: 50, vialMgPerMl: 100 },
    expect: [5, 0.1, 0.05, 5, 100.05, 0.05, 100.1, 0.1, 0.0833, 60],
    arithmetic:
      '0.1 mg/kg × 50 kg = 5 mg; 5 mg ÷ 100 mg/mL = 0.05 mL; 100 + 0.05 = 100.05 mL; 5 mg ÷ 100.05 mL = 0.04997… → 0.05 mg/mL; 100.05 mL ÷ 60 min × 60 = 100.05 → 100.1 mL/h; 0.1 mg/kg ÷ 60 min × 60 = 0.1 mg/kg/h; 5 mg ÷ 60 min = 0.08333… → 0.0833 mg/min',
  },
  {
    given: { protocol: 'migraine', weightKg: 73.4, vialMgPerMl: 100 },
    expect: [7.34, 0.1, 0.07, 7, 100.07, 0.07, 100.1, 0.1, 0.1223, 60],
    arithmetic:
      '0.1 mg/kg × 73.4 kg = 7.34 mg; 7.34 mg ÷ 100 mg/mL = 0.0734 → 0.07 mL; 0.07 mL × 100 mg/mL = 7 mg drawn; 100 + 0.07 = 100.07 mL; 7 mg ÷ 100.07 mL = 0.06995… → 0.07 mg/mL; 100.07 mL ÷ 60 min × 60 = 100.07 → 100.1 mL/h; 0.1 mg/kg ÷ 60 min × 60 = 0.1 mg/kg/h; 7.34 mg ÷ 60 min = 0.12233… → 0.1223 mg/min',
  },
  {
    given: { protocol: 'migraine', weightKg: 118.65, vialMgPerMl: 100 },
    expect: [11.87, 0.1, 0.12, 12, 100.12, 0.1199, 100.1, 0.1, 0.1978, 60],
    arithmetic:
      '0.1 mg/kg × 118.65 kg = 11.865 mg → 11.87 mg; 11.865 mg ÷ 100 mg/mL = 0.11865 → 0.12 mL; 0.12 mL × 100 mg/mL = 12 mg drawn; 100 + 0.12 = 100.12 mL; 12 mg ÷ 100.12 mL = 0.11985… → 0.1199 mg/mL; 100.12 mL ÷ 60 min × 60 = 100.12 → 100.1 mL/h; 0.1 mg/kg ÷ 60 min × 60 = 0.1 mg/kg/h; 11.865 mg ÷ 60 min = 0.19775 → 0.1978 mg/min',
  },
  {
    given: { protocol: 'fibromyalgia', weightKg: 50, vialMgPerMl: 10 },
    expect: [5, 0.1, 0.5, 5, 100.5, 0.0498, 25.1, 0.025, 0.0208, 240],
    arithmetic:
      '0.1 mg/kg × 50 kg = 5 mg; 5 mg ÷ 10 mg/mL = 0.5 mL; 100 + 0.5 = 100.5 mL; 5 mg ÷ 100.5 mL = 0.04975… → 0.0498 mg/mL; 100.5 mL ÷ 240 min × 60 = 25.125 → 25.1 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 5 mg ÷ 240 min = 0.02083… → 0.0208 mg/min',
  },
  {
    given: { protocol: 'fibromyalgia', weightKg: 73.4, vialMgPerMl: 10 },
    expect: [7.34, 0.1, 0.73, 7.3, 100.73, 0.0725, 25.2, 0.025, 0.0306, 240],
    arithmetic:
      '0.1 mg/kg × 73.4 kg = 7.34 mg; 7.34 mg ÷ 10 mg/mL = 0.734 → 0.73 mL; 0.73 mL × 10 mg/mL = 7.3 mg drawn; 100 + 0.73 = 100.73 mL; 7.3 mg ÷ 100.73 mL = 0.07247… → 0.0725 mg/mL; 100.73 mL ÷ 240 min × 60 = 25.1825 → 25.2 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 7.34 mg ÷ 240 min = 0.03058… → 0.0306 mg/min',
  },
  {
    given: { protocol: 'fibromyalgia', weightKg: 118.65, vialMgPerMl: 10 },
    expect: [11.87, 0.1, 1.19, 11.9, 101.19, 0.1176, 25.3, 0.025, 0.0494, 240],
    arithmetic:
      '0.1 mg/kg × 118.65 kg = 11.865 mg → 11.87 mg; 11.865 mg ÷ 10 mg/mL = 1.1865 → 1.19 mL; 1.19 mL × 10 mg/mL = 11.9 mg drawn; 100 + 1.19 = 101.19 mL; 11.9 mg ÷ 101.19 mL = 0.11760… → 0.1176 mg/mL; 101.19 mL ÷ 240 min × 60 = 25.2975 → 25.3 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 11.865 mg ÷ 240 min = 0.0494375 → 0.0494 mg/min',
  },
  {
    given: { protocol: 'fibromyalgia', weightKg: 50, vialMgPerMl: 50 },
    expect: [5, 0.1, 0.1, 5, 100.1, 0.05, 25, 0.025, 0.0208, 240],
    arithmetic:
      '0.1 mg/kg × 50 kg = 5 mg; 5 mg ÷ 50 mg/mL = 0.1 mL; 100 + 0.1 = 100.1 mL; 5 mg ÷ 100.1 mL = 0.04995… → 0.05 mg/mL; 100.1 mL ÷ 240 min × 60 = 25.025 → 25 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 5 mg ÷ 240 min = 0.02083… → 0.0208 mg/min',
  },
  {
    given: { protocol: 'fibromyalgia', weightKg: 73.4, vialMgPerMl: 50 },
    expect: [7.34, 0.1, 0.15, 7.5, 100.15, 0.0749, 25, 0.025, 0.0306, 240],
    arithmetic:
      '0.1 mg/kg × 73.4 kg = 7.34 mg; 7.34 mg ÷ 50 mg/mL = 0.1468 → 0.15 mL; 0.15 mL × 50 mg/mL = 7.5 mg drawn; 100 + 0.15 = 100.15 mL; 7.5 mg ÷ 100.15 mL = 0.07488… → 0.0749 mg/mL; 100.15 mL ÷ 240 min × 60 = 25.0375 → 25 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 7.34 mg ÷ 240 min = 0.03058… → 0.0306 mg/min',
  },
  {
    given: { protocol: 'fibromyalgia', weightKg: 118.65, vialMgPerMl: 50 },
    expect: [11.87, 0.1, 0.24, 12, 100.24, 0.1197, 25.1, 0.025, 0.0494, 240],
    arithmetic:
      '0.1 mg/kg × 118.65 kg = 11.865 mg → 11.87 mg; 11.865 mg ÷ 50 mg/mL = 0.2373 → 0.24 mL; 0.24 mL × 50 mg/mL = 12 mg drawn; 100 + 0.24 = 100.24 mL; 12 mg ÷ 100.24 mL = 0.11971… → 0.1197 mg/mL; 100.24 mL ÷ 240 min × 60 = 25.06 → 25.1 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 11.865 mg ÷ 240 min = 0.0494375 → 0.0494 mg/min',
  },
  {
    given: { protocol: 'fibromyalgia', weightKg: 50, vialMgPerMl: 100 },
    expect: [5, 0.1, 0.05, 5, 100.05, 0.05, 25, 0.025, 0.0208, 240],
    arithmetic:
      '0.1 mg/kg × 50 kg = 5 mg; 5 mg ÷ 100 mg/mL = 0.05 mL; 100 + 0.05 = 100.05 mL; 5 mg ÷ 100.05 mL = 0.04997… → 0.05 mg/mL; 100.05 mL ÷ 240 min × 60 = 25.0125 → 25 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 5 mg ÷ 240 min = 0.02083… → 0.0208 mg/min',
  },
  {
    given: { protocol: 'fibromyalgia', weightKg: 73.4, vialMgPerMl: 100 },
    expect: [7.34, 0.1, 0.07, 7, 100.07, 0.07, 25, 0.025, 0.0306, 240],
    arithmetic:
      '0.1 mg/kg × 73.4 kg = 7.34 mg; 7.34 mg ÷ 100 mg/mL = 0.0734 → 0.07 mL; 0.07 mL × 100 mg/mL = 7 mg drawn; 100 + 0.07 = 100.07 mL; 7 mg ÷ 100.07 mL = 0.06995… → 0.07 mg/mL; 100.07 mL ÷ 240 min × 60 = 25.0175 → 25 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 7.34 mg ÷ 240 min = 0.03058… → 0.0306 mg/min',
  },
  {
    given: { protocol: 'fibromyalgia', weightKg: 118.65, vialMgPerMl: 100 },
    expect: [11.87, 0.1, 0.12, 12, 100.12, 0.1199, 25, 0.025, 0.0494, 240],
    arithmetic:
      '0.1 mg/kg × 118.65 kg = 11.865 mg → 11.87 mg; 11.865 mg ÷ 100 mg/mL = 0.11865 → 0.12 mL; 0.12 mL × 100 mg/mL = 12 mg drawn; 100 + 0.12 = 100.12 mL; 12 mg ÷ 100.12 mL = 0.11985… → 0.1199 mg/mL; 100.12 mL ÷ 240 min × 60 = 25.03 → 25 mL/h; 0.1 mg/kg ÷ 240 min × 60 = 0.025 mg/kg/h; 11.865 mg ÷ 240 min = 0.0494375 → 0.0494 mg/min',
  },
];
