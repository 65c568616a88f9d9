import { describe, expect, test } from 'vitest';
import { INDICATION_IDS, type IndicationId } from './ids';
import { getProtocol, knowledgeBase, listProducts } from './index';

// Every number below is copied from the seed page (shared/seed/000_50aee43eeda2048c.txt).
// Ranges whose seed text is a single value have min = max = default; for seed ranges the default
// is the lower bound (a documented, conservative choice).
const seedProtocols: readonly {
  id: IndicationId;
  dose: [number, number];
  durationMin: [number, number];
  schedule: 'weekly' | 'as-needed';
  perWeek: [number, number] | null;
  courseWeeks: [number, number] | null;
}[] = [
  {
    id: 'depression',
    dose: [0.5, 0.5],
    durationMin: [40, 40],
    schedule: 'weekly',
    perWeek: [1, 2],
    courseWeeks: [4, 6],
  },
  {
    id: 'anxiety',
    dose: [0.5, 0.5],
    durationMin: [40, 40],
    schedule: 'weekly',
    perWeek: [1, 2],
    courseWeeks: null,
  },
  {
    id: 'ptsd',
    dose: [0.5, 0.5],
    durationMin: [40, 40],
    schedule: 'weekly',
    perWeek: [1, 2],
    courseWeeks: [4, 6],
  },
  {
    id: 'chronic-pain',
    dose: [0.1, 0.5],
    durationMin: [240, 360],
    schedule: 'as-needed',
    perWeek: null,
    courseWeeks: null,
  },
  {
    id: 'bipolar-disorder',
    dose: [0.5, 0.5],
    durationMin: [40, 40],
    schedule: 'weekly',
    perWeek: [1, 2],
    courseWeeks: [4, 6],
  },
  {
    id: 'suicidal-ideation',
    dose: [0.5, 0.5],
    durationMin: [40, 40],
    schedule: 'weekly',
    perWeek: [1, 2],
    courseWeeks: null,
  },
  {
    id: 'ocd',
    dose: [0.5, 0.5],
    durationMin: [40, 40],
    schedule: 'weekly',
    perWeek: [1, 2],
    courseWeeks: null,
  },
  {
    id: 'substance-use-disorder',
    dose: [0.5, 0.5],
    durationMin: [40, 40],
    schedule: 'weekly',
    perWeek: [1, 2],
    courseWeeks: null,
  },
  {
    id: 'migraine',
    dose: [0.1, 0.5],
    durationMin: [60, 240],
    schedule: 'as-needed',
    perWeek: null,
    courseWeeks: null,
  },
  {
    id: 'fibromyalgia',
    dose: [0.1, 0.5],
    durationMin: [240, 360],
    schedule: 'as-needed',
    perWeek: null,
    courseWeeks: null,
  },
];

describe('seed protocols', () => {
  test('the table covers every indication, in the seed order', () => {
    expect(seedProtocols.map((p) => p.id)).toEqual([...INDICATION_IDS]);
  });

  test.each(seedProtocols)('$id matches the seed numbers', (row) => {
    const p = getProtocol(row.id);
    expect(p.route).toBe('IV');
    expect(p.labelStatus).toBe('off-label');
    expect(p.weightBasis).toBe('actual');
    expect([p.doseMgPerKg.min, p.doseMgPerKg.max]).toEqual(row.dose);
    expect(p.doseMgPerKg.default).toBe(row.dose[0]);
    expect([p.durationMin.min, p.durationMin.max]).toEqual(row.durationMin);
    expect(p.durationMin.default).toBe(row.durationMin[0]);
    expect(p.schedule).toBe(row.schedule);
    expect(
      p.sessionsPerWeek === null ? null : [p.sessionsPerWeek.min, p.sessionsPerWeek.max],
    ).toEqual(row.perWeek);
    expect(
      p.courseLength === null ? null : [p.courseLength.minWeeks, p.courseLength.maxWeeks],
    ).toEqual(row.courseWeeks);
    expect(p.sources).toContain('SEED');
  });

  test.each(seedProtocols.filter((p) => p.courseWeeks === null))(
    '$id without a course length says it varies with response',
    (row) => {
      expect(getProtocol(row.id).courseLengthNote.toLowerCase()).toContain('varies with response');
    },
  );
});

describe('seed contraindications', () => {
  test.each([
    ['CI.UNCONTROLLED_HYPERTENSION', false],
    ['CI.STROKE_OR_ANEURYSM_HISTORY', true],
    ['CI.SEVERE_HEART_DISEASE', false],
    ['CI.SCHIZOPHRENIA_OR_PSYCHOSIS', true],
    ['CI.PREGNANCY', false],
    ['CI.SEVERE_LIVER_DISEASE', false],
  ] as const)(
    '%s is a critical seed contraindication (history counts: %s)',
    (code, historyCounts) => {
      const ci = knowledgeBase.contraindications.find((c) => c.code === code);
      expect(ci?.origin).toContain('seed');
      expect(ci?.severity).toBe('critical');
      expect(ci?.historyCounts).toBe(historyCounts);
      expect(ci?.appliesTo).toContain('ketamine');
      expect(ci?.sources).toContain('SEED');
    },
  );

  test('the seed contributes exactly six contraindications', () => {
    expect(knowledgeBase.contraindications.filter((c) => c.origin.includes('seed'))).toHaveLength(
      6,
    );
  });
});

describe('seed interactions', () => {
  test.each([
    [
      'IX.BENZODIAZEPINES',
      [
        ['alprazolam', 'Xanax'],
        ['diazepam', 'Valium'],
      ],
    ],
    [
      'IX.OPIOIDS',
      [
        ['oxycodone', 'OxyContin'],
        ['hydrocodone', 'Vicodin'],
      ],
    ],
    ['IX.BARBITURATES', [['phenobarbital', null]]],
    [
      'IX.ANTIDEPRESSANTS',
      [
        ['fluoxetine', 'Prozac'],
        ['sertraline', 'Zoloft'],
      ],
    ],
    [
      'IX.ANTIHYPERTENSIVES',
      [
        ['metoprolol', 'Lopressor'],
        ['amlodipine', 'Norvasc'],
      ],
    ],
  ] as const)('%s lists the seed examples', (code, examples) => {
    const ix = knowledgeBase.interactions.find((i) => i.code === code);
    expect(ix?.origin).toContain('seed');
    for (const [generic, brand] of examples) {
      const drug = ix?.exampleDrugs.find((d) => d.generic === generic);
      expect(drug?.inSeed).toBe(true);
      if (brand !== null) expect(drug?.brands).toContain(brand);
    }
  });

  test('the serotonin-syndrome claim is marked as resting on one case report', () => {
    const ix = knowledgeBase.interactions.find((i) => i.code === 'IX.ANTIDEPRESSANTS');
    expect(ix?.evidenceLevel).toBe('case-report');
    expect(ix?.sources).toContain('S94');
  });
});

describe('seed alternatives', () => {
  test.each([
    ['depression', ['Prozac', 'Cymbalta']],
    ['anxiety', ['Lexapro', 'Ativan']],
    ['ptsd', ['Zoloft']],
    ['chronic-pain', ['Lyrica', 'Neurontin']],
    ['bipolar-disorder', ['Lithobid', 'Seroquel']],
    ['suicidal-ideation', ['Prozac']],
    ['ocd', ['Zoloft', 'Prozac']],
    ['substance-use-disorder', ['Suboxone']],
    ['migraine', ['Imitrex', 'Topamax']],
    ['fibromyalgia', ['Lyrica', 'Cymbalta']],
  ] as const)('%s names the seed medications %j', (id, brands) => {
    const alt = knowledgeBase.alternatives[id];
    expect(alt.medications.flatMap((m) => m.brands)).toEqual(brands);
    expect(alt.nonDrugOptions.length).toBeGreaterThan(0);
  });
});

describe('seed products, names and costs', () => {
  test.each([
    ['ketamine-injection-10-mg-per-ml', 10, 'mg/mL', false],
    ['ketamine-injection-50-mg-per-ml', 50, 'mg/mL', false],
    ['ketamine-injection-100-mg-per-ml', 100, 'mg/mL', true],
    ['esketamine-nasal-spray-28-mg', 28, 'mg/device', false],
  ] as const)('%s: %d %s, needs dilution for IV: %s', (id, value, unit, dilute) => {
    const product = listProducts().find((p) => p.id === id);
    expect(product?.strength).toEqual({ value, unit });
    expect(product?.requiresDilutionForIv).toBe(dilute);
  });

  test('the nasal spray delivers 28 mg per device as 2 sprays; kits hold 56 and 84 mg', () => {
    const spray = listProducts().find((p) => p.form === 'nasal-spray');
    expect(spray?.device?.mgPerDevice).toBe(28);
    expect(spray?.device?.spraysPerDevice).toBe(2);
    expect(spray?.device?.minutesBetweenDevices).toBe(5);
    expect(spray?.packages.map((p) => [p.devices, p.totalMg])).toEqual([
      [2, 56],
      [3, 84],
    ]);
  });

  test('ketamine carries the seed brand and both pharmacologic categories', () => {
    const ketamine = knowledgeBase.medications.find((m) => m.id === 'ketamine');
    expect(ketamine?.brandNames.map((b) => b.name)).toContain('Ketalar');
    expect(ketamine?.pharmacologicCategories).toEqual([
      'Dissociative anesthetic',
      'N-methyl-D-aspartate (NMDA) receptor antagonist',
    ]);
    expect(ketamine?.deaSchedule).toBe('CIII');
    expect(ketamine?.offLabelUses.map((u) => u.indicationId)).toEqual([...INDICATION_IDS]);
  });

  test('a 30-day nasal-spray supply costs USD 600-900 without insurance (seed)', () => {
    const range = knowledgeBase.costs.nasalSpray30DaySupply;
    expect([range.min, range.max, range.currency]).toEqual([600, 900, 'USD']);
    expect(range.sources).toEqual(['SEED']);
  });

  test('clinic prices are not set until a clinic sets them', () => {
    expect(knowledgeBase.costs.consultPrice).toBeNull();
    expect(
      Object.values(knowledgeBase.costs.infusionPriceByIndication).every((p) => p === null),
    ).toBe(true);
  });

  test('pregnancy is critical, breastfeeding a warning, and the registry is listed', () => {
    const [pregnancy, breastfeeding] = ['PL.PREGNANCY', 'PL.BREASTFEEDING'].map((code) =>
      knowledgeBase.pregnancyAndLactation.find((g) => g.code === code),
    );
    expect(pregnancy?.severity).toBe('critical');
    expect(pregnancy?.registry?.phone).toBe('1-844-405-6185');
    expect(breastfeeding?.severity).toBe('warning');
  });

  test('the seed statement on onset within hours is kept with its sources', () => {
    const onset = knowledgeBase.notes.find((n) => n.id === 'onset-within-hours');
    expect(onset?.statement).toMatch(/within hours/);
    expect(onset?.sources).toEqual(expect.arrayContaining(['SEED', 'S45']));
  });
});
