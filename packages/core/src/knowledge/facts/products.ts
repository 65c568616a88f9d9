import type { Product } from '../schema/product';

const ketamineSaltNote =
  'Strength is stated as ketamine base: 10 mg base equals 11.53 mg ketamine hydrochloride.';

const ketamineRxNormBrand = { rxcui: '6129', tty: 'BN', name: 'Ketalar' } as const;

export const products: readonly Product[] = [
  {
    id: 'ketamine-injection-10-mg-per-ml',
    medicationId: 'ketamine',
    displayName: 'Ketamine injection 10 mg/mL',
    form: 'injection-solution',
    routes: ['IV', 'IM'],
    strength: { value: 10, unit: 'mg/mL' },
    strengthBasis: 'base',
    saltEquivalent: { mgHcl: 11.53, per: 'mL' },
    saltNote: ketamineSaltNote,
    requiresDilutionForIv: false,
    packages: [
      {
        description: '200 mg in 20 mL multiple-dose vial (Ketalar)',
        volumeMl: 20,
        totalMg: 200,
        multipleDose: true,
        sources: ['S05', 'S04'],
      },
    ],
    brandNames: ['Ketalar'],
    rxnorm: [
      ketamineRxNormBrand,
      { rxcui: '238082', tty: 'SCD', name: 'ketamine 10 MG/ML Injectable Solution' },
      { rxcui: '206967', tty: 'SBD', name: 'ketamine 10 MG/ML Injectable Solution [Ketalar]' },
    ],
    ndcProductCodes: ['42023-113'],
    sources: ['SEED', 'S05', 'S04', 'RXNORM'],
  },
  {
    id: 'ketamine-injection-50-mg-per-ml',
    medicationId: 'ketamine',
    displayName: 'Ketamine injection 50 mg/mL',
    form: 'injection-solution',
    routes: ['IV', 'IM'],
    strength: { value: 50, unit: 'mg/mL' },
    strengthBasis: 'base',
    saltEquivalent: { mgHcl: 57.67, per: 'mL' },
    saltNote: ketamineSaltNote,
    requiresDilutionForIv: false,
    dilutionNote:
      'For a maintenance infusion of 1 mg/mL, 10 mL is added to 500 mL of D5W or 0.9% NaCl; 250 mL gives 2 mg/mL under fluid restriction (secondary source quoting the label).',
    packages: [
      {
        description: '500 mg in 10 mL multiple-dose vial',
        volumeMl: 10,
        totalMg: 500,
        multipleDose: true,
        sources: ['S05', 'S02'],
      },
    ],
    brandNames: ['Ketalar'],
    rxnorm: [
      ketamineRxNormBrand,
      { rxcui: '238084', tty: 'SCD', name: 'ketamine 50 MG/ML Injectable Solution' },
      { rxcui: '206972', tty: 'SBD', name: 'ketamine 50 MG/ML Injectable Solution [Ketalar]' },
    ],
    ndcProductCodes: [],
    sources: ['SEED', 'S02', 'S05', 'S80', 'RXNORM'],
  },
  {
    id: 'ketamine-injection-100-mg-per-ml',
    medicationId: 'ketamine',
    displayName: 'Ketamine injection 100 mg/mL',
    form: 'injection-solution',
    routes: ['IV', 'IM'],
    strength: { value: 100, unit: 'mg/mL' },
    strengthBasis: 'base',
    saltEquivalent: { mgHcl: 115.33, per: 'mL' },
    saltNote: ketamineSaltNote,
    requiresDilutionForIv: true,
    dilutionNote:
      'Never give IV undiluted. For IV push, dilute with an equal volume of sterile water, 0.9% NaCl or D5W and use at once. For a 1 mg/mL infusion, 5 mL goes into 500 mL (secondary source).',
    packages: [
      {
        description: '500 mg in 5 mL multiple-dose vial',
        volumeMl: 5,
        totalMg: 500,
        multipleDose: true,
        sources: ['S05', 'S02'],
      },
    ],
    brandNames: ['Ketalar'],
    rxnorm: [
      ketamineRxNormBrand,
      { rxcui: '238083', tty: 'SCD', name: 'ketamine 100 MG/ML Injectable Solution' },
      { rxcui: '206970', tty: 'SBD', name: 'ketamine 100 MG/ML Injectable Solution [Ketalar]' },
    ],
    ndcProductCodes: [],
    sources: ['SEED', 'S01', 'S02', 'S05', 'S80', 'RXNORM'],
  },
  {
    id: 'esketamine-nasal-spray-28-mg',
    medicationId: 'esketamine',
    displayName: 'Esketamine nasal spray 28 mg per device',
    form: 'nasal-spray',
    routes: ['intranasal'],
    strength: { value: 28, unit: 'mg/device' },
    strengthBasis: 'base',
    saltEquivalent: { mgHcl: 32.3, per: 'device' },
    saltNote:
      'Each device holds 28 mg esketamine (32.3 mg esketamine hydrochloride) in 0.2 mL, that is 140 mg/mL as RxNorm lists it.',
    requiresDilutionForIv: false,
    packages: [
      { description: '56 mg kit: 2 devices', totalMg: 56, devices: 2, sources: ['S14'] },
      { description: '84 mg kit: 3 devices', totalMg: 84, devices: 3, sources: ['S14'] },
    ],
    device: {
      mgPerDevice: 28,
      spraysPerDevice: 2,
      mgPerSpray: 14,
      saltMgPerDevice: 32.3,
      volumeMlPerDevice: 0.2,
      minutesBetweenDevices: 5,
      primeBeforeUse: false,
      // Labeled doses are 28, 56 or 84 mg; 84 mg (the 3-device kit) is the most per session.
      maxDosePerSession: { mg: 84, sources: ['S14'] },
      sources: ['S09b', 'S14', 'S15'],
    },
    brandNames: ['Spravato'],
    rxnorm: [
      { rxcui: '2119382', tty: 'BN', name: 'Spravato' },
      { rxcui: '2119381', tty: 'SCD', name: 'esketamine 140 MG/ML Nasal Spray' },
      { rxcui: '2119387', tty: 'SBD', name: 'esketamine 140 MG/ML Nasal Spray [Spravato]' },
      {
        rxcui: '2119390',
        tty: 'GPCK',
        name: '{2 (0.2 ML) (esketamine 140 MG/ML Nasal Spray) } Pack',
      },
      {
        rxcui: '2119388',
        tty: 'GPCK',
        name: '{3 (0.2 ML) (esketamine 140 MG/ML Nasal Spray) } Pack',
      },
    ],
    ndcProductCodes: [],
    seedWording:
      'The seed lists "28 mg per spray"; the label gives 28 mg per device, delivered as 2 sprays (one per nostril).',
    sources: ['SEED', 'S09b', 'S14', 'S15', 'RXNORM'],
  },
];
