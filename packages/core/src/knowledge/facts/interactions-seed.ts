import type { Interaction } from '../schema/interaction';

/** The five interacting classes the seed page lists, in its order, with its example drugs. */
export const seedInteractions: readonly Interaction[] = [
  {
    code: 'IX.BENZODIAZEPINES',
    classId: 'benzodiazepines',
    className: 'Benzodiazepines',
    exampleDrugs: [
      { generic: 'alprazolam', brands: ['Xanax'], inSeed: true },
      { generic: 'diazepam', brands: ['Valium'], inSeed: true },
      { generic: 'lorazepam', brands: ['Ativan'], inSeed: false },
      { generic: 'clonazepam', brands: ['Klonopin'], inSeed: false },
      { generic: 'temazepam', brands: ['Restoril'], inSeed: false },
    ],
    atcCodes: [
      {
        code: 'N05BA',
        meaning: 'benzodiazepine derivatives (anxiolytics)',
        verified: true,
        sources: ['S130'],
      },
      {
        code: 'N05CD',
        meaning: 'benzodiazepine derivatives (hypnotics)',
        verified: true,
        sources: ['S135'],
      },
      {
        code: 'N03AE01',
        meaning: 'clonazepam (classed as an antiepileptic)',
        verified: true,
        sources: ['S136'],
      },
    ],
    appliesTo: ['ketamine', 'esketamine'],
    origin: ['seed', 'ketamine-label', 'esketamine-label'],
    summary:
      "Benzodiazepines add to sedation and breathing depression, and may blunt ketamine's antidepressant effect.",
    effect:
      'With ketamine or esketamine they can cause deep sedation, respiratory depression, coma or death (label). They may also weaken the antidepressant response, more so at higher doses.',
    management:
      'Monitor sedation and breathing closely. For depression, review whether the benzodiazepine dose can be lowered before sessions.',
    severity: 'warning',
    evidenceLevel: 'label',
    evidenceNote:
      'Sedation risk is label text. The seed\'s "reduces the benefit" rests on secondary analyses: one retrospective study of 47 patients (cut-off >8 mg diazepam-equivalent a day), a RAPID re-analysis that saw an effect only at higher doses and only on day 1, and a narrative review. No standard cut-off exists.',
    sources: ['SEED', 'S01', 'S34', 'S84', 'S85', 'S86', 'S134'],
  },
  {
    code: 'IX.OPIOIDS',
    classId: 'opioids',
    className: 'Opioid analgesics',
    exampleDrugs: [
      { generic: 'oxycodone', brands: ['OxyContin'], inSeed: true },
      { generic: 'hydrocodone', brands: ['Vicodin'], inSeed: true },
      { generic: 'morphine', brands: [], inSeed: false },
      { generic: 'fentanyl', brands: ['Duragesic'], inSeed: false },
      { generic: 'methadone', brands: ['Dolophine', 'Methadose'], inSeed: false },
      { generic: 'buprenorphine/naloxone', brands: ['Suboxone'], inSeed: false },
    ],
    atcCodes: [
      { code: 'N02AA', meaning: 'natural opium alkaloids', verified: true, sources: ['S137'] },
      {
        code: 'N07BC',
        meaning: 'drugs used in opioid dependence',
        verified: true,
        sources: ['S141'],
      },
    ],
    appliesTo: ['ketamine', 'esketamine'],
    origin: ['seed', 'ketamine-label', 'esketamine-label'],
    summary:
      'Opioids with ketamine raise the risk of slowed breathing and heavy sedation, and can prolong recovery.',
    effect:
      'Additive CNS and respiratory depression: profound sedation, respiratory depression, coma or death; opioids may also prolong recovery.',
    management: 'Monitor breathing and oxygen saturation closely and extend observation if needed.',
    severity: 'warning',
    evidenceLevel: 'label',
    evidenceNote:
      'Label text. Vicodin is hydrocodone with acetaminophen and has no WHO ATC code, so match opioids by ingredient as well as by ATC.',
    sources: ['SEED', 'S01', 'S12', 'S34', 'S140'],
  },
  {
    code: 'IX.BARBITURATES',
    classId: 'barbiturates',
    className: 'Barbiturates',
    exampleDrugs: [
      { generic: 'phenobarbital', brands: [], inSeed: true },
      { generic: 'pentobarbital', brands: ['Nembutal'], inSeed: false },
      { generic: 'primidone', brands: ['Mysoline'], inSeed: false },
    ],
    atcCodes: [
      { code: 'N05CA', meaning: 'barbiturates, plain', verified: true, sources: ['S145'] },
      {
        code: 'N03AA',
        meaning: 'barbiturates and derivatives (antiepileptics)',
        verified: true,
        sources: ['S145'],
      },
    ],
    appliesTo: ['ketamine', 'esketamine'],
    origin: ['seed', 'ketamine-label'],
    summary:
      'Barbiturates add to sedation, may prolong recovery and must never share a syringe with ketamine.',
    effect:
      'Additive sedation as CNS depressants; they may prolong recovery. Barbiturates and ketamine precipitate when mixed, so they must not be drawn into the same syringe.',
    management: 'Monitor sedation and breathing; never mix in one syringe or line.',
    severity: 'warning',
    evidenceLevel: 'label',
    evidenceNote:
      "Sedation and incompatibility are label statements. The seed's claim that barbiturates reduce ketamine's effect has no direct source here; enzyme inducers lower ketamine exposure in product information, but much less for IV than for oral dosing [inference].",
    sources: ['SEED', 'S01', 'S12', 'S91', 'S155'],
  },
  {
    code: 'IX.ANTIDEPRESSANTS',
    classId: 'antidepressants',
    className: 'Antidepressants (SSRIs in particular)',
    exampleDrugs: [
      { generic: 'fluoxetine', brands: ['Prozac'], inSeed: true },
      { generic: 'sertraline', brands: ['Zoloft'], inSeed: true },
      { generic: 'escitalopram', brands: ['Lexapro'], inSeed: false },
      { generic: 'duloxetine', brands: ['Cymbalta'], inSeed: false },
    ],
    atcCodes: [
      {
        code: 'N06AB',
        meaning: 'selective serotonin reuptake inhibitors',
        verified: true,
        sources: ['S146'],
      },
    ],
    appliesTo: ['ketamine', 'esketamine'],
    origin: ['seed'],
    summary: 'Usually given together; serotonin syndrome with SSRIs rests on one case report only.',
    effect:
      'The seed warns of serotonin syndrome. One small cohort linked SSRIs with higher BP peaks after infusion.',
    management:
      'Do not stop antidepressants for ketamine. Watch for agitation, fever, tremor or fast heart rate, and note BP peaks.',
    severity: 'info',
    evidenceLevel: 'case-report',
    evidenceNote:
      'Weaker than the seed suggests: a single case of possible serotonin syndrome after 4 days of IV ketamine in a patient on fluoxetine. The esketamine label lists no SSRI interaction and its trials gave esketamine with an oral antidepressant; a review judges most antidepressants probably safe with ketamine.',
    sources: ['SEED', 'S14', 'S34', 'S70', 'S86', 'S94'],
  },
  {
    code: 'IX.ANTIHYPERTENSIVES',
    classId: 'antihypertensives',
    className: 'Blood-pressure medicines (antihypertensives)',
    exampleDrugs: [
      { generic: 'metoprolol', brands: ['Lopressor'], inSeed: true },
      { generic: 'amlodipine', brands: ['Norvasc'], inSeed: true },
      { generic: 'lisinopril', brands: ['Zestril'], inSeed: false },
      { generic: 'losartan', brands: ['Cozaar'], inSeed: false },
    ],
    atcCodes: [
      { code: 'C02', meaning: 'antihypertensives', verified: true, sources: ['S152'] },
      { code: 'C07', meaning: 'beta blocking agents', verified: true, sources: ['S151'] },
      { code: 'C08', meaning: 'calcium channel blockers', verified: true, sources: ['S153'] },
      { code: 'C09AA', meaning: 'ACE inhibitors, plain', verified: true, sources: ['S154'] },
    ],
    appliesTo: ['ketamine', 'esketamine'],
    origin: ['seed', 'smpc'],
    summary: 'Blood pressure may change unpredictably; a non-US label warns of low blood pressure.',
    effect:
      'Less predictable BP during and after the session; a non-US ketamine SmPC lists a higher risk of hypotension.',
    management: 'Keep taking them as prescribed; check BP before, during and after the session.',
    severity: 'info',
    evidenceLevel: 'smpc',
    evidenceNote:
      'Not in the US label. Only a non-US SmPC mentions it (hypotension); the seed\'s "unpredictable changes" is not quantified anywhere.',
    sources: ['SEED', 'S155'],
  },
];
