import type { OutcomeDefaults } from '../schema/outcomes';
import { standardInstruments } from './outcome-instruments';

/**
 * Response and remission per instrument, which instrument each indication uses, and how often
 * scales are sent. Sourced numbers cite their sources; the rest are clinic settings with a
 * conservative documented default (`basis: 'clinic-setting'`).
 */
export const outcomeDefaults: OutcomeDefaults = {
  instruments: standardInstruments,
  criteria: {
    'phq-9': {
      response: {
        rule: { kind: 'percent-decrease', percent: 50 },
        basis: 'sourced',
        note: 'A fall of at least 50% from baseline (NCQA/HEDIS-style measure) [S110].',
        sources: ['S110'],
      },
      remission: {
        belowScore: 5,
        basis: 'sourced',
        note: 'A total below 5 [S110]. A 5-point change is the minimal clinically important individual change [S111].',
        sources: ['S110', 'S111'],
      },
    },
    'gad-7': {
      response: {
        rule: { kind: 'percent-decrease', percent: 50 },
        basis: 'clinic-setting',
        note: 'No GAD-7 response definition was found; the default borrows the PHQ-9 measure (a fall of at least 50%) [S110]. Change it under outcomes.criteria.gad-7.',
        sources: ['S110'],
      },
      remission: {
        belowScore: 5,
        basis: 'clinic-setting',
        note: 'No GAD-7 remission definition was found; the default is the minimal band (0-4) [S113][S114], which matches the PHQ-9 measure. Change it under outcomes.criteria.gad-7.',
        sources: ['S113', 'S114'],
      },
    },
    'pcl-5': {
      response: {
        rule: { kind: 'points-decrease', points: 10 },
        basis: 'sourced',
        note: 'A fall of 10 points: the low end of the clinically meaningful change (10-20 points); 5-10 points is reliable change (secondary source) [S118].',
        sources: ['S118'],
      },
      remission: {
        belowScore: 31,
        basis: 'clinic-setting',
        note: 'No PCL-5 remission definition was found; the default is a total below the lowest provisional cut-point (31) [S116], so a patient in remission no longer screens positive under any proposed cut-point of 31-33.',
        sources: ['S116'],
      },
      cutPoint: {
        score: 31,
        proposed: { min: 31, max: 45 },
        basis: 'sourced',
        note: 'Provisional cut-point 31-33; 38 was suggested earlier; psychiatric outpatients may need about 45 [S116][S117][S118]. The default, 31, is the most sensitive of the provisional range.',
        sources: ['S116', 'S117', 'S118'],
      },
    },
    'pain-nrs': {
      response: {
        rule: { kind: 'percent-decrease', percent: 30 },
        basis: 'sourced',
        note: 'IMMPACT: a fall of 30% or more is moderately important and 50% or more substantial; about 2 points matches "much improved" [S119][S120]. A clinic may choose 50.',
        sources: ['S119', 'S120'],
      },
      remission: {
        belowScore: null,
        basis: 'clinic-setting',
        note: 'No source defines remission on the pain NRS, so none is reported unless the clinic sets a score under outcomes.criteria.pain-nrs.',
        sources: ['S119'],
      },
    },
  },
  instrumentByIndication: {
    depression: 'phq-9',
    anxiety: 'gad-7',
    ptsd: 'pcl-5',
    'chronic-pain': 'pain-nrs',
    'bipolar-disorder': 'phq-9',
    'suicidal-ideation': 'phq-9',
    ocd: 'phq-9',
    'substance-use-disorder': 'phq-9',
    migraine: 'pain-nrs',
    fibromyalgia: 'pain-nrs',
  },
  scaleIntervalDays: 7,
  // Three days: the scale reflects the days just before the session, yet a patient who misses
  // the e-mail for a day or two can still fill it in before arriving.
  preSessionWindowHours: 72,
  basis: 'clinic-setting',
  notes:
    'Instrument by indication (issue 7): depression, bipolar depression and suicidal thoughts use the PHQ-9; anxiety the GAD-7; PTSD the PCL-5; chronic pain, migraine and fibromyalgia the pain NRS; others the PHQ-9 unless the clinic sets one. Scales are due before each session once it is 72 hours away, and every 7 days between sessions; no source sets the window or the interval. Change them under outcomes in the clinic settings file.',
};
