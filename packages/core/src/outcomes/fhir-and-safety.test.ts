import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { applyClinicSettings } from '../knowledge/settings/apply-clinic-settings';
import { toFhirObservation, toFhirQuestionnaireResponse } from './fhir';
import {
  getInstrument,
  instrumentForIndication,
  outcomeCriteria,
  preSessionWindowHours,
  scaleIntervalDays,
} from './instruments';
import { closesSafetyAlert, recordSafetyFollowUp } from './safety-alert';
import { scoreResponse } from './score-response';

const CRISIS = knowledgeBase.crisisResources.resources;

const phq9 = getInstrument(knowledgeBase, 'phq-9');
const pcl5 = getInstrument(knowledgeBase, 'pcl-5');

function score(instrument: typeof phq9, scores: readonly number[]) {
  const answers = Object.fromEntries(instrument.items.map((item, i) => [item.id, scores[i]]));
  const result = scoreResponse(instrument, answers, CRISIS);
  if (!result.ok) throw new Error('bad fixture');
  return result.value;
}

const context = {
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2025-03-01T09:00:00-05:00',
};

describe('FHIR R4', () => {
  const scored = score(phq9, [2, 2, 1, 1, 1, 1, 1, 1, 1]);

  test('PHQ-9 total as an Observation with LOINC 44261-6', () => {
    expect(
      toFhirObservation(phq9, scored, {
        ...context,
        id: 'o1',
        questionnaireResponse: { reference: 'QuestionnaireResponse/q1' },
      }),
    ).toEqual({
      resourceType: 'Observation',
      id: 'o1',
      status: 'final',
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/observation-category',
              code: 'survey',
              display: 'Survey',
            },
          ],
        },
      ],
      code: {
        coding: [
          {
            system: 'http://loinc.org',
            code: '44261-6',
            display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
          },
        ],
        text: 'PHQ-9 total score',
      },
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2025-03-01T09:00:00-05:00',
      valueInteger: 11,
      interpretation: [{ text: 'Moderate' }],
      derivedFrom: [{ reference: 'QuestionnaireResponse/q1' }],
    });
  });

  test.each([
    ['gad-7', 'http://loinc.org', '70274-6'],
    ['pain-nrs', 'http://loinc.org', '72514-3'],
    ['pcl-5', 'http://loinc.org', '101698-9'],
  ] as const)('%s total is coded %s|%s', (id, system, code) => {
    const instrument = getInstrument(knowledgeBase, id);
    const obs = toFhirObservation(
      instrument,
      score(
        instrument,
        instrument.items.map(() => 1),
      ),
      context,
    );
    expect(obs.code.coding?.[0]).toMatchObject({ system, code });
    expect(obs.interpretation === undefined).toBe(instrument.bands.length === 0);
  });

  test('QuestionnaireResponse: LOINC answer codes for the PHQ-9, integers for the PCL-5', () => {
    const qr = toFhirQuestionnaireResponse(phq9, scored, context);
    expect(qr).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      questionnaire: 'https://ketaflow.org/fhir/Questionnaire/phq-9',
      status: 'completed',
      authored: context.effectiveDateTime,
    });
    expect(qr.item).toHaveLength(9);
    expect(qr.item[0]).toEqual({
      linkId: 'phq9-1',
      text: 'Little interest or pleasure in doing things',
      answer: [
        {
          valueCoding: {
            system: 'http://loinc.org',
            code: 'LA6570-1',
            display: 'More than half the days',
          },
        },
      ],
    });
    const pcl = toFhirQuestionnaireResponse(
      pcl5,
      score(
        pcl5,
        pcl5.items.map(() => 3),
      ),
      context,
    );
    expect(pcl.item[19]?.answer).toEqual([{ valueInteger: 3 }]);
  });
});

describe('safety follow-up', () => {
  const alert = score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 1]).safetyAlerts[0];
  if (alert === undefined) throw new Error('no alert');
  const followUp = {
    reviewedBy: 'staff-7',
    reviewedAt: '2025-03-01T10:00:00-05:00',
    contact: 'phone',
    riskAssessment: 'Passive thoughts, no plan or intent; safety plan reviewed.',
    actions: ['risk-assessed', 'safety-plan-reviewed', 'crisis-resources-given'],
    patientGivenCrisisResources: true,
  };

  test('a complete follow-up is recorded', () => {
    expect(recordSafetyFollowUp(alert, followUp)).toEqual({ ok: true, value: followUp });
  });

  test('every missing field is named', () => {
    const result = recordSafetyFollowUp(alert, {});
    expect(result.ok ? [] : result.error.map((p) => p.path)).toEqual([
      'reviewedBy',
      'reviewedAt',
      'contact',
      'riskAssessment',
      'actions',
      'patientGivenCrisisResources',
    ]);
  });

  test('a patient not reached needs a next attempt, and cannot need no further action', () => {
    const result = recordSafetyFollowUp(alert, {
      ...followUp,
      contact: 'not-reached',
      patientGivenCrisisResources: false,
      actions: ['no-further-action'],
    });
    expect(result.ok ? [] : result.error.map((p) => p.path)).toEqual(['nextContactAt', 'actions']);
  });

  test('a patient reached must be given the crisis resources', () => {
    const result = recordSafetyFollowUp(alert, { ...followUp, patientGivenCrisisResources: false });
    expect(result.ok ? null : result.error[0]).toMatchObject({
      code: 'OUTCOME.FOLLOW_UP.CRISIS_RESOURCES_REQUIRED',
      path: 'patientGivenCrisisResources',
    });
  });

  test.each([
    ['in-person', true],
    ['phone', true],
    ['video', true],
    ['not-reached', false],
  ] as const)('a follow-up by %s closes the alert: %s', (contact, closes) => {
    expect(closesSafetyAlert({ contact })).toBe(closes);
  });

  test('a time without an offset is refused', () => {
    const result = recordSafetyFollowUp(alert, { ...followUp, reviewedAt: '2025-03-01T10:00' });
    expect(result.ok ? null : result.error[0]?.path).toBe('reviewedAt');
  });
});

describe('outcomes clinic settings', () => {
  test('defaults by indication follow the issue', () => {
    expect(
      (
        [
          'depression',
          'bipolar-disorder',
          'suicidal-ideation',
          'anxiety',
          'ptsd',
          'chronic-pain',
          'migraine',
          'fibromyalgia',
          'ocd',
          'substance-use-disorder',
        ] as const
      ).map((id) => instrumentForIndication(knowledgeBase, id)),
    ).toEqual([
      'phq-9',
      'phq-9',
      'phq-9',
      'gad-7',
      'pcl-5',
      'pain-nrs',
      'pain-nrs',
      'pain-nrs',
      'phq-9',
      'phq-9',
    ]);
    expect(scaleIntervalDays(knowledgeBase)).toBe(7);
  });

  test('a clinic sets instruments, interval and unsourced criteria; overrides are listed', () => {
    const result = applyClinicSettings(knowledgeBase, {
      outcomes: {
        instrumentByIndication: { ocd: 'custom:y-bocs-lite', anxiety: 'phq-9' },
        scaleIntervalDays: 14,
        criteria: {
          'gad-7': { remissionBelowScore: 4 },
          'pcl-5': { cutPoint: 33 },
          'pain-nrs': { responsePercent: 50, remissionBelowScore: 2 },
        },
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const kb = result.value;
    expect(instrumentForIndication(kb, 'ocd')).toBe('custom:y-bocs-lite');
    expect(scaleIntervalDays(kb)).toBe(14);
    expect(outcomeCriteria(kb, 'gad-7').remission).toMatchObject({
      belowScore: 4,
      basis: 'clinic-setting',
    });
    expect(outcomeCriteria(kb, 'pcl-5').cutPoint?.score).toBe(33);
    expect(outcomeCriteria(kb, 'pain-nrs').response).toMatchObject({
      rule: { kind: 'percent-decrease', percent: 50 },
      basis: 'sourced',
    });
    expect(kb.overrides.map((o) => o.path)).toEqual(
      expect.arrayContaining([
        'outcomes.instrumentByIndication.ocd',
        'outcomes.scaleIntervalDays',
        'outcomes.criteria.gad-7.remissionBelowScore',
        'outcomes.criteria.pcl-5.cutPoint',
        'outcomes.criteria.pain-nrs.responsePercent',
      ]),
    );
    expect(kb.knowledgeVersion).not.toBe(knowledgeBase.knowledgeVersion);
    expect(outcomeCriteria(kb, 'phq-9')).toEqual(outcomeCriteria(knowledgeBase, 'phq-9'));
  });

  test('the window before a session in which its scale is due is a clinic setting (default 72 h)', () => {
    expect(preSessionWindowHours(knowledgeBase)).toBe(72);
    const result = applyClinicSettings(knowledgeBase, { outcomes: { preSessionWindowHours: 24 } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(preSessionWindowHours(result.value)).toBe(24);
    expect(result.value.overrides).toContainEqual({
      path: 'outcomes.preSessionWindowHours',
      target: 'outcomes.preSessionWindowHours',
      from: 72,
      to: 24,
    });
    // No window, or one longer than a week (past the next session of a weekly course), is refused.
    for (const hours of [0, 24 * 7 + 1]) {
      const bad = applyClinicSettings(knowledgeBase, {
        outcomes: { preSessionWindowHours: hours },
      });
      expect(bad.ok ? [] : bad.error.map((p) => p.path)).toEqual([
        'outcomes.preSessionWindowHours',
      ]);
    }
  });

  test('sourced PHQ-9 criteria and bad values are refused with paths', () => {
    const result = applyClinicSettings(knowledgeBase, {
      outcomes: {
        instrumentByIndication: { ocd: 'y-bocs' },
        scaleIntervalDays: 0,
        criteria: { 'phq-9': { remissionBelowScore: 10 }, 'pain-nrs': { responsePercent: 40 } },
      },
    });
    expect(result.ok ? [] : result.error.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'outcomes.instrumentByIndication.ocd',
        'outcomes.scaleIntervalDays',
        'outcomes.criteria.phq-9',
        'outcomes.criteria.pain-nrs.responsePercent',
      ]),
    );
  });
});
