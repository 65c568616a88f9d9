import type { KnowledgeNote } from '../schema/knowledge-note';

/** Dated statements from the seed and the regulatory record, each with its evidence. */
export const notes: readonly KnowledgeNote[] = [
  {
    id: 'onset-within-hours',
    topic: 'onset',
    statement:
      'For some people, depressive symptoms ease within hours of an infusion, much faster than the weeks usual antidepressants take.',
    asOf: '2024',
    evidenceLevel: 'trial',
    evidenceNote:
      'Seed claim, supported for a single infusion: most of the effect in the dose-finding trial was present at day 1, and a single IV dose has level-1 evidence in major depression. Most studies measured only the first week; evidence for repeated courses is weaker (level 3).',
    sources: ['SEED', 'S40', 'S45', 'S52', 'S53'],
  },
  {
    id: 'research-trd-and-suicidal-ideation',
    topic: 'research-update',
    statement:
      'Research on ketamine for treatment-resistant depression and suicidal thoughts is promising; its long-term effects, especially of the nasal spray, are still being studied.',
    asOf: '2024',
    evidenceLevel: 'trial',
    evidenceNote:
      'Non-inferior to ECT for non-psychotic TRD over 6 infusions (2023); in another trial 70% of ketamine remitters relapsed within 12 months. For suicidal ideation, the labelled option is esketamine nasal spray, which has not been shown to prevent suicide.',
    sources: ['SEED', 'S14', 'S25', 'S49', 'S50'],
  },
  {
    id: 'spravato-fda-approval',
    topic: 'regulatory',
    statement:
      'Esketamine nasal spray (Spravato) is FDA-approved for treatment-resistant depression; since January 2025 it may be used on its own or with an oral antidepressant.',
    asOf: '2025-01',
    evidenceLevel: 'label',
    evidenceNote:
      'The seed mentions the approval for TRD; the 2025 monotherapy approval is known only from secondary sources, and the current label (2026) was not read.',
    sources: ['SEED', 'S22', 'S23', 'S24', 'S156'],
  },
  {
    id: 'research-ptsd-and-chronic-pain',
    topic: 'research-update',
    statement:
      'Ketamine is being studied for PTSD and chronic pain, with some encouraging early results.',
    asOf: '2024',
    evidenceLevel: 'trial',
    evidenceNote:
      'More mixed than the seed suggests: one small PTSD trial was positive and a larger one found no effect on PTSD symptoms; for chronic pain the guideline finds moderate evidence only for CRPS and no lasting benefit elsewhere.',
    sources: ['SEED', 'S43', 'S55', 'S57'],
  },
  {
    id: 'controlled-substance',
    topic: 'abuse',
    statement:
      'Ketamine and esketamine are Schedule III controlled substances because they can be misused.',
    asOf: '1999',
    evidenceLevel: 'label',
    evidenceNote:
      'The DEA proposed Schedule III for ketamine, its salts and isomers in April 1999 (64 FR 17299). Both labels carry abuse warnings; a history of drug abuse raises the risk, and tolerance develops with prolonged use.',
    sources: ['S01', 'S02', 'S09b', 'S13', 'S78'],
  },
  {
    id: 'esketamine-rems',
    topic: 'abuse',
    statement:
      'Esketamine is only given in certified clinics under supervision and is never sent home with patients.',
    asOf: null,
    evidenceLevel: 'label',
    evidenceNote:
      'REMS goals: reduce harm from sedation, dissociation, respiratory depression, abuse and misuse. Sites and outpatients must be certified or enrolled; monitoring lasts at least 2 hours.',
    sources: ['S18', 'S27'],
  },
  {
    id: 'supervised-dosing-only',
    topic: 'abuse',
    statement:
      'Ketamine for mood disorders should be given under medical supervision, never self-administered at home.',
    asOf: '2017',
    evidenceLevel: 'guideline',
    evidenceNote: 'APA consensus statement, as summarised; the full text was not read.',
    sources: ['S39', 'S40'],
  },
  {
    id: 'weight-basis-default',
    topic: 'dosing',
    statement:
      'Doses per kilogram use your measured (actual) body weight unless your clinic has chosen otherwise.',
    asOf: null,
    evidenceLevel: 'trial',
    evidenceNote:
      'Psychiatric trials report "0.5 mg/kg body weight" without adjusting for obesity, so actual weight is the default. Critical-care guidance for obese patients (BMI over 40) doses ketamine on ideal or adjusted weight; which is right for BMI over 30 in psychiatry is not settled. A clinic may set the default.',
    sources: ['S49', 'S68', 'S103'],
  },
  {
    id: 'tell-us-every-medicine',
    topic: 'patient-advice',
    statement:
      'Tell your provider about every medicine you take, including over-the-counter drugs, herbal remedies and supplements: some change how ketamine works or how safe it is.',
    asOf: '2024',
    evidenceLevel: 'clinic-page',
    evidenceNote: 'Seed advice; the interactions it refers to are listed with their own evidence.',
    sources: ['SEED'],
  },
  {
    id: 'consult-before-changes',
    topic: 'patient-advice',
    statement:
      "Ketamine comes in different forms and doses. Follow your provider's plan, and talk to them before starting, stopping or changing a dose or any other treatment.",
    asOf: '2024',
    evidenceLevel: 'clinic-page',
    evidenceNote:
      'Seed advice; consistent with the APA consensus that every dose be medically supervised.',
    sources: ['SEED', 'S40'],
  },
];
