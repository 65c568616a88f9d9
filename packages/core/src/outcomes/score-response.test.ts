import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { OUTCOME_INSTRUMENTS } from '../knowledge/schema/indication';
import { totalRange, type InstrumentDefinition } from '../knowledge/schema/outcome-instrument';
import { getInstrument } from './instruments';
import { assessPcl5 } from './pcl5';
import { SCORING_CASES } from './scoring-cases';
import { bandFor, checkSafety, scoreResponse } from './score-response';

const CRISIS = knowledgeBase.crisisResources.resources;

const phq9 = getInstrument(knowledgeBase, 'phq-9');
const gad7 = getInstrument(knowledgeBase, 'gad-7');
const pcl5 = getInstrument(knowledgeBase, 'pcl-5');

function answersOf(instrument: InstrumentDefinition, scores: readonly number[]) {
  return Object.fromEntries(instrument.items.map((item, i) => [item.id, scores[i]]));
}

function scored(instrument: InstrumentDefinition, scores: readonly number[]) {
  const result = scoreResponse(instrument, answersOf(instrument, scores), CRISIS);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('scoreResponse against the scoring cases', () => {
  test.each(SCORING_CASES)('$name: $arithmetic', (c) => {
    const instrument = getInstrument(knowledgeBase, c.instrument);
    const value = scored(instrument, c.scores);
    expect(value.total).toBe(c.total);
    expect(value.band?.id ?? null).toBe(c.band);
    expect(value.items).toHaveLength(instrument.items.length);
  });

  test('the instruments have the published shape', () => {
    expect([phq9, gad7, pcl5].map((i) => [i.items.length, totalRange(i.items)])).toEqual([
      [9, { min: 0, max: 27 }],
      [7, { min: 0, max: 21 }],
      [20, { min: 0, max: 80 }],
    ]);
    const pain = getInstrument(knowledgeBase, 'pain-nrs');
    expect(pain.items).toHaveLength(1);
    expect(totalRange(pain.items)).toEqual({ min: 0, max: 10 });
    expect(pain.bands).toEqual([]);
    expect(pcl5.bands).toEqual([]);
  });
});

describe('band boundaries: every cut-point on both sides', () => {
  test.each([
    ['phq-9', 4, 'minimal'],
    ['phq-9', 5, 'mild'],
    ['phq-9', 9, 'mild'],
    ['phq-9', 10, 'moderate'],
    ['phq-9', 14, 'moderate'],
    ['phq-9', 15, 'moderately-severe'],
    ['phq-9', 19, 'moderately-severe'],
    ['phq-9', 20, 'severe'],
    ['phq-9', 27, 'severe'],
    ['gad-7', 0, 'minimal'],
    ['gad-7', 4, 'minimal'],
    ['gad-7', 5, 'mild'],
    ['gad-7', 9, 'mild'],
    ['gad-7', 10, 'moderate'],
    ['gad-7', 14, 'moderate'],
    ['gad-7', 15, 'severe'],
    ['gad-7', 21, 'severe'],
  ] as const)('%s total %i is %s', (id, total, band) => {
    expect(bandFor(getInstrument(knowledgeBase, id), total)?.id).toBe(band);
  });
});

describe('scoreResponse refuses incomplete or invalid answers, naming the item', () => {
  test('a partial PHQ-9 is not scored (no pro-rating)', () => {
    const answers = answersOf(phq9, [1, 1, 1, 1, 1, 1, 1, 1, 1]);
    delete answers['phq9-4'];
    const result = scoreResponse(phq9, answers, CRISIS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems).toEqual([
      expect.objectContaining({ code: 'OUTCOME.MISSING_ANSWER', path: 'answers.phq9-4' }),
    ]);
  });

  test('reports every problem at once: missing, out of range, not a number, unknown item', () => {
    const answers: Record<string, unknown> = answersOf(phq9, [0, 4, 0, 0, 0, 0, 0, 0, 0]);
    answers['phq9-1'] = null;
    answers['phq9-3'] = '2';
    answers['phq9-5'] = 1.5;
    answers['phq9-10'] = 1;
    const result = scoreResponse(phq9, answers, CRISIS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems.map((p) => [p.code, p.path])).toEqual([
      ['OUTCOME.MISSING_ANSWER', 'answers.phq9-1'],
      ['OUTCOME.ANSWER_OUT_OF_RANGE', 'answers.phq9-2'],
      ['OUTCOME.ANSWER_OUT_OF_RANGE', 'answers.phq9-3'],
      ['OUTCOME.ANSWER_OUT_OF_RANGE', 'answers.phq9-5'],
      ['OUTCOME.UNKNOWN_ITEM', 'answers.phq9-10'],
    ]);
  });

  test.each([null, [], 'x', 3])('answers that are not an object (%j) are refused', (answers) => {
    const result = scoreResponse(phq9, answers, CRISIS);
    expect(result.ok ? null : result.error.problems[0]?.code).toBe('OUTCOME.ANSWERS_NOT_AN_OBJECT');
  });

  test('a negative answer on a pain NRS is out of range', () => {
    const pain = getInstrument(knowledgeBase, 'pain-nrs');
    const result = scoreResponse(pain, { 'pain-nrs-1': -1 }, CRISIS);
    expect(result.ok ? null : result.error.problems[0]?.path).toBe('answers.pain-nrs-1');
    expect(scoreResponse(pain, { 'pain-nrs-1': 11 }, CRISIS).ok).toBe(false);
  });
});

describe('PHQ-9 item 9 safety alert', () => {
  const ninth = (score: number) => [0, 0, 0, 0, 0, 0, 0, 0, score];

  test.each([1, 2, 3])('is raised for item 9 = %i, whatever the total', (score) => {
    const value = scored(phq9, ninth(score));
    expect(value.total).toBe(score);
    expect(value.band?.id).toBe('minimal');
    expect(value.safetyAlerts).toHaveLength(1);
    const alert = value.safetyAlerts[0];
    expect(alert).toMatchObject({
      type: 'suicidal-thoughts',
      code: 'OUTCOME.SAFETY_SUICIDAL_THOUGHTS',
      severity: 'critical',
      itemId: 'phq9-9',
      answer: { score },
      followUp: { required: true },
      sources: ['S108'],
    });
    expect(alert?.patientMessage.resources.map((r) => [r.contact, r.how])).toEqual([
      ['988', 'Call or text 988'],
      ['911', 'Call 911 if you are in immediate danger'],
    ]);
    expect(alert?.followUp.fields.filter((f) => f.required).map((f) => f.name)).toEqual([
      'reviewedBy',
      'reviewedAt',
      'contact',
      'riskAssessment',
      'actions',
      'patientGivenCrisisResources',
    ]);
  });

  test('is not raised for item 9 = 0, even with a severe total', () => {
    expect(scored(phq9, [3, 3, 3, 3, 3, 3, 3, 3, 0]).safetyAlerts).toEqual([]);
  });

  test('is raised at once from a partial response that cannot be scored', () => {
    const result = scoreResponse(phq9, { 'phq9-9': 2 }, CRISIS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems).toHaveLength(8);
    expect(result.error.safetyAlerts.map((a) => a.answer.score)).toEqual([2]);
    expect(checkSafety(phq9, { 'phq9-9': 1 }, CRISIS)).toHaveLength(1);
    expect(checkSafety(phq9, { 'phq9-9': 0 }, CRISIS)).toEqual([]);
  });

  test('no other instrument raises it', () => {
    expect(scored(gad7, [3, 3, 3, 3, 3, 3, 3]).safetyAlerts).toEqual([]);
  });
});

describe('properties', () => {
  test.each(OUTCOME_INSTRUMENTS)('%s: total = sum of items, band covers it', (id) => {
    const instrument = getInstrument(knowledgeBase, id);
    const arb = fc.tuple(
      ...instrument.items.map((item) => fc.constantFrom(...item.options.map((o) => o.score))),
    );
    fc.assert(
      fc.property(arb, (scores) => {
        const value = scored(instrument, scores);
        expect(value.total).toBe(scores.reduce((a, b) => a + b, 0));
        expect(value.items.map((i) => i.score)).toEqual(scores);
        if (instrument.bands.length > 0) expect(value.band).not.toBeNull();
      }),
    );
  });

  test.each(OUTCOME_INSTRUMENTS)('%s: every possible total is in exactly one band', (id) => {
    const instrument = getInstrument(knowledgeBase, id);
    const { min, max } = totalRange(instrument.items);
    fc.assert(
      fc.property(fc.integer({ min, max }), (total) => {
        const holding = instrument.bands.filter((b) => total >= b.min && total <= b.max);
        expect(holding).toHaveLength(instrument.bands.length === 0 ? 0 : 1);
      }),
    );
  });
});

describe('assessPcl5', () => {
  const cutPoint = knowledgeBase.outcomes.criteria['pcl-5'].cutPoint;
  if (cutPoint === undefined) throw new Error('PCL-5 cut-point missing');

  test('the default cut-point is 31, inside the provisional 31-33 range', () => {
    expect(cutPoint.score).toBe(31);
    const at = assessPcl5(
      scored(pcl5, [4, 4, 4, 4, 4, 4, 4, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      cutPoint,
    );
    expect(at.atOrAboveCutPoint).toBe(true);
    const below = assessPcl5(
      scored(pcl5, [4, 4, 4, 4, 4, 4, 4, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      cutPoint,
    );
    expect(below.atOrAboveCutPoint).toBe(false);
  });

  test('provisional DSM-5 diagnosis needs 1 B, 1 C, 2 D and 2 E items rated 2 or more', () => {
    const minimal = [2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0];
    const met = assessPcl5(scored(pcl5, minimal), cutPoint);
    expect(met.endorsedByCluster).toEqual({ B: 1, C: 1, D: 2, E: 2 });
    expect(met.clusterScores).toEqual({ B: 2, C: 2, D: 4, E: 4 });
    expect(met.provisionalDiagnosis).toBe(true);
    const oneEOnly = [...minimal];
    oneEOnly[15] = 1;
    expect(assessPcl5(scored(pcl5, oneEOnly), cutPoint).provisionalDiagnosis).toBe(false);
  });
});
