import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { outcomeCriteria } from './instruments';
import { progress, remissionStatus, responseStatus, type ScoreSeries } from './progress';

const phq9 = outcomeCriteria(knowledgeBase, 'phq-9');
const pcl5 = outcomeCriteria(knowledgeBase, 'pcl-5');
const pain = outcomeCriteria(knowledgeBase, 'pain-nrs');

function run(series: ScoreSeries, sessions: readonly string[], criteria = phq9) {
  const result = progress(
    series,
    sessions.map((at) => ({ at })),
    criteria,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('response: at least 50% below baseline [S110]', () => {
  test.each([
    [20, 10, 'met', 'exactly 50% counts: "at least"'],
    [20, 11, 'not-met', '45% is not enough'],
    [20, 0, 'met', '100%'],
    [7, 3, 'met', '57%'],
    [7, 4, 'not-met', '43%: 3.5 would be 50%, no rounding up'],
    [10, 12, 'not-met', 'worse than baseline'],
  ] as const)('baseline %i, score %i: %s (%s)', (baseline, total, status, _why) => {
    expect(responseStatus(phq9, baseline, total).status).toBe(status);
  });

  test('baseline 0: response is undefined, and says why', () => {
    expect(responseStatus(phq9, 0, 0)).toEqual({
      status: 'undefined',
      reason: 'the baseline is 0: a percentage fall is not defined',
    });
  });

  test('PCL-5: a fall of 10 points [S118]; baseline below 10 is undefined', () => {
    expect(responseStatus(pcl5, 50, 40).status).toBe('met');
    expect(responseStatus(pcl5, 50, 41).status).toBe('not-met');
    expect(responseStatus(pcl5, 9, 0).status).toBe('undefined');
  });

  test('pain NRS: a fall of at least 30% [S119]', () => {
    expect(responseStatus(pain, 10, 7).status).toBe('met');
    expect(responseStatus(pain, 10, 8).status).toBe('not-met');
  });
});

describe('remission: PHQ-9 below 5 [S110]', () => {
  test.each([
    [4, 'met'],
    [5, 'not-met'],
    [0, 'met'],
  ] as const)('score %i: %s', (total, status) => {
    expect(remissionStatus(phq9, total).status).toBe(status);
  });

  test('pain NRS has no remission unless the clinic sets one', () => {
    expect(remissionStatus(pain, 0).status).toBe('undefined');
  });

  test('PCL-5 default: below 31 (clinic setting)', () => {
    expect(remissionStatus(pcl5, 30).status).toBe('met');
    expect(remissionStatus(pcl5, 31).status).toBe('not-met');
    expect(pcl5.remission.basis).toBe('clinic-setting');
  });
});

describe('progress', () => {
  const course: ScoreSeries = {
    instrumentId: 'phq-9',
    points: [
      { at: '2025-03-15', total: 9 },
      { at: '2025-03-01', total: 20 },
      { at: '2025-03-08', total: 14 },
      { at: '2025-03-22', total: 4 },
    ],
  };
  // Scales filled in before each session: 3 sessions the first week, 3 the second.
  const sessions = [
    '2025-03-01',
    '2025-03-03',
    '2025-03-05',
    '2025-03-08',
    '2025-03-10',
    '2025-03-12',
    '2025-03-15',
  ];

  test('baseline is the first score; points in time order with change and status', () => {
    const p = run(course, sessions);
    expect(p.baseline).toEqual({ at: '2025-03-01', total: 20, chosen: 'first-score' });
    expect(
      p.points.map((x) => [x.at, x.changeFromBaseline, x.percentChange, x.response.status]),
    ).toEqual([
      ['2025-03-01', 0, 0, 'not-met'],
      ['2025-03-08', -6, -30, 'not-met'],
      ['2025-03-15', -11, -55, 'met'],
      ['2025-03-22', -16, -80, 'met'],
    ]);
  });

  test('infusions before first response and days to it; same-day session follows the scale', () => {
    const p = run(course, sessions);
    // Sessions on 1, 3, 5, 8, 10 and 12 March come before the 15 March scale; 15 March does not.
    expect(p.firstResponse).toEqual({ at: '2025-03-15', daysFromBaseline: 14, sessionsBefore: 6 });
    expect(p.firstRemission).toEqual({
      at: '2025-03-22',
      daysFromBaseline: 21,
      sessionsBefore: 7,
    });
    expect(p.latest).toEqual({ response: { status: 'met' }, remission: { status: 'met' } });
  });

  test('date-times: a session earlier the same day counts', () => {
    const p = run(
      {
        instrumentId: 'phq-9',
        points: [
          { at: '2025-03-01T09:00:00-05:00', total: 12 },
          { at: '2025-03-02T18:00:00-05:00', total: 6 },
        ],
      },
      ['2025-03-01T10:00:00-05:00', '2025-03-02T10:00:00-05:00', '2025-03-02T19:00:00-05:00'],
    );
    expect(p.firstResponse).toEqual({
      at: '2025-03-02T18:00:00-05:00',
      daysFromBaseline: 1,
      sessionsBefore: 2,
    });
  });

  test('a given baseline wins over the first score', () => {
    const p = run(
      {
        instrumentId: 'phq-9',
        baseline: { at: '2025-02-20', total: 16 },
        points: [{ at: '2025-03-01', total: 8 }],
      },
      ['2025-02-25'],
    );
    expect(p.baseline.chosen).toBe('given');
    expect(p.firstResponse).toEqual({ at: '2025-03-01', daysFromBaseline: 9, sessionsBefore: 1 });
  });

  test('baseline 0: response undefined for the course', () => {
    const p = run(
      {
        instrumentId: 'phq-9',
        points: [
          { at: '2025-03-01', total: 0 },
          { at: '2025-03-08', total: 0 },
        ],
      },
      [],
    );
    expect(p.responseDefined).toBe(false);
    expect(p.firstResponse).toBeNull();
    expect(p.latest.response.status).toBe('undefined');
  });

  test('a baseline already below 5 is flagged and never counted as remission', () => {
    const p = run(
      {
        instrumentId: 'phq-9',
        points: [
          { at: '2025-03-01', total: 4 },
          { at: '2025-03-08', total: 1 },
        ],
      },
      [],
    );
    expect(p.baselineInRemission).toBe(true);
    expect(p.firstRemission).toBeNull();
    expect(p.firstResponse?.at).toBe('2025-03-08');
  });

  test('response is judged per score (single point), latest shows a relapse', () => {
    const p = run(
      {
        instrumentId: 'phq-9',
        points: [
          { at: '2025-03-01', total: 20 },
          { at: '2025-03-08', total: 10 },
          { at: '2025-03-15', total: 15 },
        ],
      },
      [],
    );
    expect(p.firstResponse?.at).toBe('2025-03-08');
    expect(p.latest.response.status).toBe('not-met');
  });

  test('returns every bad date and total with its path', () => {
    const result = progress(
      {
        instrumentId: 'phq-9',
        points: [
          { at: '2025-02-30', total: 3 },
          { at: '2025-03-01', total: -1 },
        ],
      },
      [{ at: 'yesterday' }],
      phq9,
    );
    expect(result.ok ? [] : result.error.map((p) => [p.code, p.path])).toEqual([
      ['OUTCOME.INVALID_DATE', 'series.points[0].at'],
      ['OUTCOME.INVALID_TOTAL', 'series.points[1].total'],
      ['OUTCOME.INVALID_DATE', 'sessions[0].at'],
    ]);
  });

  test('an empty series is refused', () => {
    const result = progress({ instrumentId: 'phq-9', points: [] }, [], phq9);
    expect(result.ok ? null : result.error[0]?.code).toBe('OUTCOME.NO_SCORES');
  });
});
