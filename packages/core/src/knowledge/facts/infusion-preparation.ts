import type { InfusionPreparation } from '../schema/infusion-preparation';

/**
 * Default infusion preparation. The label names the diluents (0.9% NaCl, D5W, sterile water) and
 * says 100 mg/mL must be diluted [S01][S05]; a label-quoting secondary source gives 1 mg/mL in
 * 500 mL and 2 mg/mL in 250 mL for maintenance infusions [S80]. No source fixes a bag volume for
 * a 40-minute psychiatric infusion, so the bag, the mode and both increments are clinic settings.
 * Defaults: a 100 mL bag of 0.9% NaCl with the drug added (the smallest volume change and the
 * bag a pump sheet usually assumes), syringe increment 0.01 mL, pump rate step 0.1 mL/h. The
 * concentration guardrails (soft 2 mg/mL, hard below 100 mg/mL) check every result. The stocked
 * vial defaults to 10 mg/mL, the weakest strength (Ketalar comes as 10, 50 and 100 mg/mL [S05]):
 * a larger volume to draw, and no dilution step is skipped if the wrong vial is assumed.
 */
export const infusionPreparation: InfusionPreparation = {
  diluent: '0.9% sodium chloride',
  vialConcentrationMgPerMl: 10,
  bagVolumeMl: 100,
  bagMode: 'add-to-bag',
  volumeIncrementMl: 0.01,
  rateIncrementMlPerHour: 0.1,
  basis: 'clinic-setting',
  notes:
    'Clinic settings with documented defaults: sources name the diluents but not a bag volume or measuring increments. Change them under infusionPreparation in the clinic settings file.',
  sources: ['S01', 'S05', 'S80'],
};
