import type { Interaction } from '../schema/interaction';

/** Interacting classes from the ketamine and esketamine labels that the seed does not list. */
export const labelInteractions: readonly Interaction[] = [
  {
    code: 'IX.THEOPHYLLINE',
    classId: 'theophylline-aminophylline',
    className: 'Theophylline and aminophylline',
    exampleDrugs: [
      { generic: 'theophylline', brands: [], inSeed: false },
      { generic: 'aminophylline', brands: [], inSeed: false },
    ],
    atcCodes: [
      { code: 'R03DA04', meaning: 'theophylline', verified: false, sources: ['S129'] },
      { code: 'R03DA05', meaning: 'aminophylline', verified: false, sources: ['S129'] },
    ],
    appliesTo: ['ketamine'],
    origin: ['ketamine-label', 'smpc'],
    summary:
      'Do not combine: theophylline or aminophylline with ketamine may lower the seizure threshold.',
    effect:
      'Lower seizure threshold; a non-US SmPC describes unpredictable extensor-type seizures.',
    management: 'Do not give together; discuss with the prescriber of the theophylline.',
    severity: 'warning',
    evidenceLevel: 'label',
    evidenceNote: 'Label text (ketamine label 7.1). ATC codes are from memory, not confirmed.',
    sources: ['S01', 'S155'],
  },
  {
    code: 'IX.SYMPATHOMIMETICS_VASOPRESSIN',
    classId: 'sympathomimetics-vasopressin',
    className: 'Sympathomimetics and vasopressin',
    exampleDrugs: [
      { generic: 'epinephrine', brands: [], inSeed: false },
      { generic: 'phenylephrine', brands: [], inSeed: false },
      { generic: 'pseudoephedrine', brands: ['Sudafed'], inSeed: false },
      { generic: 'vasopressin', brands: ['Vasostrict'], inSeed: false },
    ],
    atcCodes: [],
    appliesTo: ['ketamine'],
    origin: ['ketamine-label'],
    summary:
      'Sympathomimetics or vasopressin with ketamine can raise blood pressure and heart rate further.',
    effect: 'Additive rise in blood pressure and heart rate.',
    management: 'Monitor vital signs closely and consider a lower ketamine dose.',
    severity: 'info',
    evidenceLevel: 'label',
    evidenceNote:
      'Label text (ketamine label 7.2). Example drugs are general knowledge, not named by the label; no ATC code was confirmed.',
    sources: ['S01', 'S129'],
  },
  {
    code: 'IX.CNS_DEPRESSANTS',
    classId: 'cns-depressants',
    className: 'Other CNS depressants (Z-drugs, alcohol)',
    exampleDrugs: [
      { generic: 'zolpidem', brands: ['Ambien'], inSeed: false },
      { generic: 'eszopiclone', brands: ['Lunesta'], inSeed: false },
      { generic: 'zaleplon', brands: [], inSeed: false },
      { generic: 'alcohol', brands: [], inSeed: false },
    ],
    atcCodes: [
      {
        code: 'N05CF',
        meaning: 'benzodiazepine-related drugs (Z-drugs)',
        verified: false,
        sources: ['S129'],
      },
    ],
    appliesTo: ['ketamine', 'esketamine'],
    origin: ['ketamine-label', 'esketamine-label'],
    summary:
      "Sleeping pills, alcohol and other sedatives add to ketamine's sedation and breathing depression.",
    effect: 'Profound sedation, respiratory depression, coma or death with CNS depressants.',
    management:
      'Ask about alcohol and sleeping pills before each session; monitor sedation closely.',
    severity: 'warning',
    evidenceLevel: 'label',
    evidenceNote: 'Label text in both products; Z-drugs are grouped here by mechanism [inference].',
    sources: ['S01', 'S34', 'S93'],
  },
  {
    code: 'IX.MAOIS',
    classId: 'maois',
    className: 'Monoamine oxidase inhibitors (MAOIs)',
    exampleDrugs: [
      { generic: 'tranylcypromine', brands: ['Parnate'], inSeed: false },
      { generic: 'phenelzine', brands: ['Nardil'], inSeed: false },
      { generic: 'isocarboxazid', brands: ['Marplan'], inSeed: false },
      { generic: 'selegiline', brands: ['Emsam', 'Eldepryl'], inSeed: false },
    ],
    atcCodes: [
      {
        code: 'N06AF',
        meaning: 'monoamine oxidase inhibitors, non-selective',
        verified: true,
        sources: ['S146'],
      },
      { code: 'N04BD01', meaning: 'selegiline', verified: false, sources: ['S148'] },
    ],
    appliesTo: ['ketamine', 'esketamine'],
    origin: ['esketamine-label', 'literature'],
    summary:
      'MAOIs can add to the rise in blood pressure after ketamine or esketamine; monitor BP closely.',
    effect: 'Larger BP rise after dosing, with a dose-response on the MAOI dose.',
    management: 'Monitor BP closely before and after dosing.',
    severity: 'info',
    evidenceLevel: 'label',
    evidenceNote:
      'Esketamine label says monitor BP. A cohort (509 doses) found larger BP rises with tranylcypromine but no hypertensive crises; case reports describe stable BP. Hard or soft stop is a clinic policy choice.',
    sources: ['S34', 'S82', 'S83', 'S95'],
  },
  {
    code: 'IX.PSYCHOSTIMULANTS',
    classId: 'psychostimulants',
    className: 'Psychostimulants',
    exampleDrugs: [
      { generic: 'amphetamine/dextroamphetamine', brands: ['Adderall'], inSeed: false },
      { generic: 'methylphenidate', brands: ['Ritalin', 'Concerta'], inSeed: false },
      { generic: 'modafinil', brands: ['Provigil'], inSeed: false },
      { generic: 'armodafinil', brands: ['Nuvigil'], inSeed: false },
    ],
    atcCodes: [
      {
        code: 'N06BA',
        meaning: 'centrally acting sympathomimetics',
        verified: true,
        sources: ['S149'],
      },
    ],
    appliesTo: ['ketamine', 'esketamine'],
    origin: ['esketamine-label'],
    summary:
      'Stimulants can add to the rise in blood pressure after ketamine or esketamine; monitor BP closely.',
    effect: 'Additive rise in blood pressure.',
    management: 'Monitor BP closely before and after dosing.',
    severity: 'info',
    evidenceLevel: 'label',
    evidenceNote:
      'Esketamine label says monitor BP. For IV ketamine only a consumer drug site lists the interaction.',
    sources: ['S34', 'S81'],
  },
  {
    code: 'IX.THYROID_HORMONES',
    classId: 'thyroid-hormones',
    className: 'Thyroid hormones',
    exampleDrugs: [
      { generic: 'levothyroxine', brands: ['Synthroid'], inSeed: false },
      { generic: 'liothyronine', brands: ['Cytomel'], inSeed: false },
    ],
    atcCodes: [],
    appliesTo: ['ketamine'],
    origin: ['smpc'],
    summary:
      'Thyroid hormones with ketamine may raise the risk of high blood pressure and a fast heart rate.',
    effect: 'Higher risk of hypertension and tachycardia.',
    management:
      'Check that the thyroid dose is stable; monitor BP and heart rate during the session.',
    severity: 'info',
    evidenceLevel: 'smpc',
    evidenceNote:
      'Only a non-US ketamine SmPC lists it; not in the US label. Brand names are general knowledge.',
    sources: ['S155', 'S129'],
  },
];
