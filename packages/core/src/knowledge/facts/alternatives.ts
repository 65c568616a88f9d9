import type { IndicationId } from '../ids';
import type { Alternatives } from '../schema/alternatives';

// Every entry is the seed's (section "Possible Alternatives"); nothing is added.
const seed = ['SEED'] as const;

export const alternatives: Readonly<Record<IndicationId, Alternatives>> = {
  depression: {
    indicationId: 'depression',
    medications: [
      { generic: 'fluoxetine', brands: ['Prozac'], drugClass: 'SSRI' },
      { generic: 'duloxetine', brands: ['Cymbalta'], drugClass: 'SNRI' },
    ],
    medicationClasses: [],
    nonDrugOptions: ['cognitive behavioural therapy (CBT)', 'regular exercise', 'a balanced diet'],
    urgent: false,
    sources: seed,
  },
  anxiety: {
    indicationId: 'anxiety',
    medications: [
      { generic: 'escitalopram', brands: ['Lexapro'], drugClass: 'SSRI' },
      {
        generic: 'lorazepam',
        brands: ['Ativan'],
        drugClass: 'benzodiazepine',
        caution:
          'An alternative, not an add-on: benzodiazepines interact with ketamine (IX.BENZODIAZEPINES).',
      },
    ],
    medicationClasses: [],
    nonDrugOptions: ['mindfulness practice', 'yoga', 'stress-management techniques'],
    urgent: false,
    sources: seed,
  },
  ptsd: {
    indicationId: 'ptsd',
    medications: [{ generic: 'sertraline', brands: ['Zoloft'], drugClass: 'SSRI' }],
    medicationClasses: [],
    nonDrugOptions: [
      'trauma-focused therapy such as EMDR (eye movement desensitisation and reprocessing)',
      'support groups',
      'mindfulness exercises',
    ],
    urgent: false,
    sources: seed,
  },
  'chronic-pain': {
    indicationId: 'chronic-pain',
    medications: [
      {
        generic: 'pregabalin',
        brands: ['Lyrica'],
        drugClass: 'gabapentinoid (non-opioid pain reliever)',
      },
      {
        generic: 'gabapentin',
        brands: ['Neurontin'],
        drugClass: 'gabapentinoid (non-opioid pain reliever)',
      },
    ],
    medicationClasses: [],
    nonDrugOptions: [
      'physical therapy',
      'acupuncture',
      'lifestyle changes such as weight management',
    ],
    urgent: false,
    sources: seed,
  },
  'bipolar-disorder': {
    indicationId: 'bipolar-disorder',
    medications: [
      { generic: 'lithium', brands: ['Lithobid'], drugClass: 'mood stabiliser' },
      { generic: 'quetiapine', brands: ['Seroquel'], drugClass: 'antipsychotic' },
    ],
    medicationClasses: [],
    nonDrugOptions: ['psychotherapy', 'a consistent sleep schedule'],
    urgent: false,
    sources: seed,
  },
  'suicidal-ideation': {
    indicationId: 'suicidal-ideation',
    medications: [{ generic: 'fluoxetine', brands: ['Prozac'], drugClass: 'SSRI' }],
    medicationClasses: ['mood stabilisers'],
    nonDrugOptions: ['crisis counselling', 'support from mental-health professionals'],
    urgent: true,
    note: 'Immediate help comes first: safety before any choice of treatment.',
    sources: seed,
  },
  ocd: {
    indicationId: 'ocd',
    medications: [
      { generic: 'sertraline', brands: ['Zoloft'], drugClass: 'SSRI' },
      { generic: 'fluoxetine', brands: ['Prozac'], drugClass: 'SSRI' },
    ],
    medicationClasses: [],
    nonDrugOptions: ['cognitive behavioural therapy with exposure and response prevention (ERP)'],
    urgent: false,
    note: 'The seed calls SSRIs and CBT with ERP first-line.',
    sources: seed,
  },
  'substance-use-disorder': {
    indicationId: 'substance-use-disorder',
    medications: [
      {
        generic: 'buprenorphine/naloxone',
        brands: ['Suboxone'],
        drugClass: 'opioid-dependence treatment (for opioid use disorder)',
        caution: 'Buprenorphine is an opioid: see IX.OPIOIDS before combining with ketamine.',
      },
    ],
    medicationClasses: [],
    nonDrugOptions: ['cognitive behavioural therapy (CBT)', 'motivational interviewing'],
    urgent: false,
    sources: seed,
  },
  migraine: {
    indicationId: 'migraine',
    medications: [
      { generic: 'sumatriptan', brands: ['Imitrex'], drugClass: 'triptan' },
      { generic: 'topiramate', brands: ['Topamax'], drugClass: 'preventive (anticonvulsant)' },
    ],
    medicationClasses: [],
    nonDrugOptions: ['avoiding known triggers', 'staying hydrated', 'a regular sleep schedule'],
    urgent: false,
    sources: seed,
  },
  fibromyalgia: {
    indicationId: 'fibromyalgia',
    medications: [
      { generic: 'pregabalin', brands: ['Lyrica'], drugClass: 'gabapentinoid' },
      { generic: 'duloxetine', brands: ['Cymbalta'], drugClass: 'SNRI' },
    ],
    medicationClasses: [],
    nonDrugOptions: ['regular exercise', 'stress-management techniques', 'a nutritious diet'],
    urgent: false,
    sources: seed,
  },
};
