/**
 * Screening scenarios for conditions and allergies: contraindications by code, prefix and text,
 * and the clinical and verification statuses that make them count or not.
 */
import { type Scenario } from './scenario';

export const CONDITION_SCENARIOS: readonly Scenario[] = [
  // Contraindications
  {
    name: 'schizophrenia by SNOMED',
    reason: 'CI.SCHIZOPHRENIA_OR_PSYCHOSIS critical',
    patient: { conditions: [{ code: { system: 'snomed', code: '58214004' } }] },
    decision: 'contraindicated',
    present: ['CI.SCHIZOPHRENIA_OR_PSYCHOSIS'],
  },
  {
    name: 'psychosis by ICD-10 prefix F29',
    reason: 'CI.SCHIZOPHRENIA_OR_PSYCHOSIS',
    patient: { conditions: [{ code: { system: 'icd10', code: 'F29' } }] },
    decision: 'contraindicated',
    present: ['CI.SCHIZOPHRENIA_OR_PSYCHOSIS'],
  },
  {
    name: 'resolved stroke still counts (history)',
    reason: 'CI.STROKE_OR_ANEURYSM_HISTORY historyCounts',
    patient: {
      conditions: [{ code: { system: 'snomed', code: '230690007' }, clinicalStatus: 'resolved' }],
    },
    decision: 'contraindicated',
    present: ['CI.STROKE_OR_ANEURYSM_HISTORY'],
  },
  {
    name: 'stroke in free text',
    reason: 'text synonym',
    patient: { conditions: [{ text: 'History of stroke in 2019' }] },
    decision: 'contraindicated',
    present: ['CI.STROKE_OR_ANEURYSM_HISTORY'],
  },
  {
    name: 'refuted stroke never counts',
    reason: 'issue 4',
    patient: {
      conditions: [
        { code: { system: 'snomed', code: '230690007' }, verificationStatus: 'refuted' },
      ],
    },
    decision: 'eligible',
  },
  {
    name: 'entered-in-error psychosis never counts',
    reason: 'issue 4',
    patient: {
      conditions: [
        { code: { system: 'icd10', code: 'F20.9' }, verificationStatus: 'entered-in-error' },
      ],
    },
    decision: 'eligible',
  },
  {
    name: 'resolved heart failure does not count',
    reason: 'CI.SEVERE_HEART_DISEASE historyCounts false',
    patient: {
      conditions: [{ code: { system: 'icd10', code: 'I50.9' }, clinicalStatus: 'resolved' }],
    },
    decision: 'eligible',
  },
  {
    name: 'active heart failure',
    reason: 'CI.SEVERE_HEART_DISEASE',
    patient: { conditions: [{ code: { system: 'snomed', code: '88805009' } }] },
    decision: 'contraindicated',
    present: ['CI.SEVERE_HEART_DISEASE'],
  },
  {
    name: 'cirrhosis',
    reason: 'CI.SEVERE_LIVER_DISEASE',
    patient: { conditions: [{ code: { system: 'icd10', code: 'K74.60' } }] },
    decision: 'contraindicated',
    present: ['CI.SEVERE_LIVER_DISEASE'],
  },
  {
    name: 'aneurysm with esketamine',
    reason: 'CI.ANEURYSMAL_VASCULAR_DISEASE (esketamine label)',
    patient: { conditions: [{ code: { system: 'icd10', code: 'I71.4' } }] },
    product: 'esketamine-nasal',
    decision: 'contraindicated',
    present: ['CI.ANEURYSMAL_VASCULAR_DISEASE'],
  },
  {
    name: 'AVM with esketamine',
    reason: 'CI.ARTERIOVENOUS_MALFORMATION',
    patient: { conditions: [{ text: 'AVM' }] },
    product: 'esketamine-nasal',
    decision: 'contraindicated',
    present: ['CI.ARTERIOVENOUS_MALFORMATION'],
  },
  {
    name: 'intracerebral haemorrhage with esketamine',
    reason: 'CI.INTRACEREBRAL_HEMORRHAGE_HISTORY',
    patient: {
      conditions: [{ code: { system: 'icd10', code: 'I61.9' }, clinicalStatus: 'resolved' }],
    },
    product: 'esketamine-nasal',
    decision: 'contraindicated',
    present: ['CI.INTRACEREBRAL_HEMORRHAGE_HISTORY'],
  },
  {
    name: 'thyrotoxicosis',
    reason: 'CI.BP_RISE_HAZARD example',
    patient: { conditions: [{ text: 'Thyrotoxicosis' }] },
    decision: 'contraindicated',
    present: ['CI.BP_RISE_HAZARD'],
  },
  {
    name: 'ketamine allergy',
    reason: 'CI.HYPERSENSITIVITY',
    patient: { allergies: [{ text: 'Ketamine' }] },
    decision: 'contraindicated',
    present: ['CI.HYPERSENSITIVITY'],
  },
  {
    name: 'refuted ketamine allergy',
    reason: 'issue 4: refuted never counts',
    patient: { allergies: [{ text: 'Ketalar', verificationStatus: 'refuted' }] },
    decision: 'eligible',
  },
  {
    name: 'penicillin allergy is irrelevant',
    reason: 'only ketamine or esketamine allergy contraindicates',
    patient: { allergies: [{ text: 'Penicillin' }] },
    decision: 'eligible',
  },
  {
    name: 'uncontrolled hypertension in text',
    reason: 'CI.UNCONTROLLED_HYPERTENSION text synonym',
    patient: { conditions: [{ text: 'uncontrolled hypertension' }] },
    decision: 'contraindicated',
    present: ['CI.UNCONTROLLED_HYPERTENSION'],
  },
  {
    name: 'coded hypertension with normal BP',
    reason: 'KB note: a code alone does not show it is uncontrolled',
    patient: { conditions: [{ code: { system: 'snomed', code: '38341003' } }] },
    decision: 'eligible-with-precautions',
    present: ['SCREEN.KNOWN_HYPERTENSION'],
    absent: ['CI.UNCONTROLLED_HYPERTENSION'],
  },
];
