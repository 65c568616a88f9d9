import { INDICATION_IDS } from '../ids';
import type { Medication } from '../schema/medication';

const ketamine: Medication = {
  id: 'ketamine',
  genericName: 'ketamine',
  brandNames: [
    { name: 'Ketalar', country: 'US', rxnormBrand: { rxcui: '6129', tty: 'BN', name: 'Ketalar' } },
  ],
  plainDescription:
    'An anaesthetic medicine. In much smaller doses, given slowly into a vein, it is used off-label to ease depression and some kinds of pain.',
  pharmacologicCategories: [
    'Dissociative anesthetic',
    'N-methyl-D-aspartate (NMDA) receptor antagonist',
  ],
  atcCodes: [
    {
      code: 'N01AX03',
      meaning: 'ketamine (other general anaesthetics)',
      verified: true,
      sources: ['S79'],
    },
  ],
  deaSchedule: 'CIII',
  rxnormIngredient: { rxcui: '6130', tty: 'IN', name: 'ketamine' },
  labelledIndications: [
    {
      text: 'Sole anaesthetic for diagnostic and surgical procedures that do not need skeletal muscle relaxation.',
      sources: ['S02', 'S05'],
    },
    {
      text: 'Induction of anaesthesia before other general anaesthetics.',
      sources: ['S02', 'S05'],
    },
    { text: 'Supplement to other anaesthetic agents.', sources: ['S02', 'S05'] },
  ],
  labelLimitations: [
    'The FDA label covers anaesthesia only; every psychiatric and chronic-pain use is off-label.',
  ],
  // Every indication KetaFlow offers IV ketamine for is outside the label.
  offLabelUses: INDICATION_IDS.map((indicationId) => ({
    indicationId,
    status: 'off-label' as const,
    sources: ['S02', 'S05'],
  })),
  abuseNote:
    'Schedule III controlled substance in the US (placement proposed by the DEA in 1999). People with a history of drug abuse or dependence are at higher risk of misuse; tolerance develops with prolonged use.',
  sources: ['SEED', 'S01', 'S02', 'S05', 'S13', 'S78', 'S79', 'S128', 'RXNORM'],
};

const esketamine: Medication = {
  id: 'esketamine',
  genericName: 'esketamine',
  brandNames: [
    {
      name: 'Spravato',
      country: 'US',
      rxnormBrand: { rxcui: '2119382', tty: 'BN', name: 'Spravato' },
    },
  ],
  plainDescription:
    'The S-form of ketamine, given as a nasal spray under supervision in a certified clinic for hard-to-treat depression.',
  pharmacologicCategories: ['N-methyl-D-aspartate (NMDA) receptor antagonist', 'Antidepressant'],
  atcCodes: [
    {
      code: 'N06AX27',
      meaning: 'esketamine (other antidepressants), nasal',
      verified: true,
      sources: ['S19', 'S146'],
    },
    {
      code: 'N01AX',
      meaning: 'other general anaesthetics (esketamine injection)',
      verified: true,
      sources: ['S146'],
    },
  ],
  deaSchedule: 'CIII',
  rxnormIngredient: { rxcui: '2119365', tty: 'IN', name: 'esketamine' },
  labelledIndications: [
    {
      text: 'Treatment-resistant depression in adults, alone or with an oral antidepressant (monotherapy approved January 2025).',
      sources: ['S22', 'S23', 'S24'],
    },
    {
      text: 'Depressive symptoms in adults with major depressive disorder and acute suicidal ideation or behaviour, with an oral antidepressant.',
      sources: ['S14'],
    },
  ],
  labelLimitations: [
    'Not approved as an anaesthetic or for children.',
    'Not shown to prevent suicide or to reduce the need for hospital care.',
    'Given only in a REMS-certified setting under direct supervision; never dispensed for home use.',
  ],
  offLabelUses: [],
  abuseNote:
    'Schedule III controlled substance with a REMS for sedation, dissociation, respiratory depression, abuse and misuse. In recreational drug users, 84 and 112 mg were liked more than placebo, as was IV ketamine 0.5 mg/kg.',
  sources: ['S09b', 'S14', 'S18', 'S19', 'S22', 'S25', 'S27', 'S128', 'RXNORM'],
};

export const medications: readonly Medication[] = [ketamine, esketamine];
