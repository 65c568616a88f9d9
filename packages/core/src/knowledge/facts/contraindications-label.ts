import type { Contraindication } from '../schema/contraindication';

/** Contraindications from the ketamine and esketamine labels that the seed does not list. */
export const labelContraindications: readonly Contraindication[] = [
  {
    code: 'CI.HYPERSENSITIVITY',
    name: 'Allergy to ketamine, esketamine or an ingredient',
    appliesTo: ['ketamine', 'esketamine'],
    origin: ['ketamine-label', 'esketamine-label'],
    summary:
      'A known allergy to ketamine, esketamine or any ingredient of the product rules it out.',
    detail:
      'Both labels contraindicate known hypersensitivity to the drug or its excipients; the esketamine label also names ketamine. Anaphylaxis is a listed adverse reaction.',
    management: 'Do not treat. Record the reaction and offer alternatives.',
    severity: 'critical',
    historyCounts: true,
    criteria: {
      snomedCt: [],
      icd10Cm: [{ prefix: 'Z88.4', display: 'Allergy status to anesthetic agent' }],
      textSynonyms: [
        'ketamine allergy',
        'allergic to ketamine',
        'ketalar allergy',
        'esketamine allergy',
        'allergic to esketamine',
        'spravato allergy',
      ],
      note: 'Z88.4 covers any anaesthetic agent: confirm that the allergy is to ketamine or esketamine.',
    },
    evidenceLevel: 'label',
    evidenceNote: 'Label contraindication in both products.',
    sources: ['S02', 'S08b', 'S32', 'S33'],
  },
  {
    code: 'CI.BP_RISE_HAZARD',
    name: 'Any condition in which a rise in blood pressure would be a serious hazard',
    appliesTo: ['ketamine', 'esketamine'],
    origin: ['ketamine-label'],
    summary:
      'A marked rise in blood pressure would be dangerous for this patient (a clinician judgement).',
    detail:
      'The ketamine label contraindicates ketamine where a significant BP rise would be a serious hazard; the esketamine label says not to give it where a rise in BP or intracranial pressure is a serious risk. Drug references give uncontrolled hypertension, aneurysm, thyrotoxicosis and past stroke as examples.',
    management:
      'A prescriber decides and records the reason. Conditions with their own code (hypertension, stroke, aneurysm) are screened separately.',
    severity: 'critical',
    historyCounts: false,
    criteria: {
      snomedCt: [],
      icd10Cm: [],
      textSynonyms: [
        'thyrotoxicosis',
        'thyroid storm',
        'raised intracranial pressure',
        'intracranial hypertension',
      ],
      note: 'Mostly a clinical judgement: expect it from a clinician attestation rather than from codes.',
    },
    evidenceLevel: 'label',
    evidenceNote:
      'Label text for the category; the examples come from a drug reference, not the label.',
    sources: ['S01', 'S02', 'S07', 'S09a', 'S16'],
  },
  {
    code: 'CI.ANEURYSMAL_VASCULAR_DISEASE',
    name: 'Aneurysmal vascular disease',
    appliesTo: ['esketamine'],
    origin: ['esketamine-label'],
    summary:
      'Esketamine is contraindicated with an aneurysm of the aorta or of brain or limb arteries.',
    detail:
      'The esketamine label contraindicates aneurysmal vascular disease, including the thoracic and abdominal aorta and intracranial and peripheral arteries, because of the BP rise after dosing.',
    management: 'Do not give esketamine. For IV ketamine see CI.STROKE_OR_ANEURYSM_HISTORY.',
    severity: 'critical',
    historyCounts: true,
    criteria: {
      snomedCt: [{ code: '432119003', display: 'Aneurysm' }],
      icd10Cm: [
        { prefix: 'I67.1', display: 'Cerebral aneurysm, nonruptured' },
        { prefix: 'I71', display: 'Aortic aneurysm and dissection' },
        { prefix: 'I72', display: 'Other aneurysm' },
      ],
      textSynonyms: [
        'aneurysm',
        'aortic aneurysm',
        'brain aneurysm',
        'cerebral aneurysm',
        'abdominal aortic aneurysm',
      ],
      note: 'A repaired aneurysm still matches; the prescriber reviews it.',
    },
    evidenceLevel: 'label',
    evidenceNote: 'Esketamine label contraindication.',
    sources: ['S32', 'S33'],
  },
  {
    code: 'CI.ARTERIOVENOUS_MALFORMATION',
    name: 'Arteriovenous malformation',
    appliesTo: ['esketamine'],
    origin: ['esketamine-label'],
    summary:
      'Esketamine is contraindicated with an arteriovenous malformation (abnormal tangle of blood vessels).',
    detail:
      'The esketamine label contraindicates arteriovenous malformation because of the BP rise after dosing.',
    management:
      'Do not give esketamine. Review IV ketamine with the prescriber: the same BP rise applies.',
    severity: 'critical',
    historyCounts: true,
    criteria: {
      snomedCt: [{ code: '234142008', display: 'Cerebral arteriovenous malformation' }],
      icd10Cm: [
        { prefix: 'Q28.2', display: 'Arteriovenous malformation of cerebral vessels' },
        { prefix: 'Q27.3', display: 'Arteriovenous malformation (peripheral)' },
      ],
      textSynonyms: ['arteriovenous malformation', 'avm'],
    },
    evidenceLevel: 'label',
    evidenceNote: 'Esketamine label contraindication.',
    sources: ['S32', 'S33'],
  },
  {
    code: 'CI.INTRACEREBRAL_HEMORRHAGE_HISTORY',
    name: 'History of bleeding in the brain (intracerebral haemorrhage)',
    appliesTo: ['esketamine'],
    origin: ['esketamine-label'],
    summary: 'Esketamine is contraindicated after any past bleed inside the brain.',
    detail:
      'The esketamine label contraindicates a history of intracerebral haemorrhage, however long ago.',
    management: 'Do not give esketamine. For IV ketamine see CI.STROKE_OR_ANEURYSM_HISTORY.',
    severity: 'critical',
    historyCounts: true,
    criteria: {
      snomedCt: [{ code: '274100004', display: 'Cerebral hemorrhage' }],
      icd10Cm: [
        { prefix: 'I61', display: 'Nontraumatic intracerebral hemorrhage' },
        { prefix: 'I69.1', display: 'Sequelae of nontraumatic intracerebral hemorrhage' },
      ],
      textSynonyms: [
        'intracerebral hemorrhage',
        'intracerebral haemorrhage',
        'brain bleed',
        'hemorrhagic stroke',
        'haemorrhagic stroke',
      ],
    },
    evidenceLevel: 'label',
    evidenceNote: 'Esketamine label contraindication.',
    sources: ['S32', 'S33'],
  },
];
