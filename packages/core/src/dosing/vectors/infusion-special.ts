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
 *
 * The vectors are kept by theme: the weight (infusion-weights.ts), preparing the bag
 * (infusion-preparation.ts), and the dose and its limits (infusion-dose-limits.ts).
 */
import { DOSE_LIMIT_VECTORS } from './infusion-dose-limits';
import { PREPARATION_VECTORS } from './infusion-preparation';
import { WEIGHT_VECTORS } from './infusion-weights';
import type { SpecialVector } from './vector-types';

export const INFUSION_SPECIAL: readonly SpecialVector[] = [
  ...WEIGHT_VECTORS,
  ...PREPARATION_VECTORS,
  ...DOSE_LIMIT_VECTORS,
];
