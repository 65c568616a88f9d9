import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { clinicOutcomes, median, type PatientOutcome } from './clinic-outcomes';
import { clinicOutcomesCsv, csvField, patientOutcomesCsv } from './csv';
import { outcomeCriteria } from './instruments';
import { progress } from './progress';

function patient(
  patientId: string,
  indication: string,
  totals: readonly number[],
  sessionsPerWeek = 2,
): PatientOutcome {
  const points = totals.map((total, week) => ({
    at: `2025-03-${String(1 + week * 7).padStart(2, '0')}`,
    total,
  }));
  const sessions = totals.flatMap((_, week) =>
    Array.from({ length: sessionsPerWeek }, (_, i) => ({
      at: `2025-03-${String(1 + week * 7 + i * 2).padStart(2, '0')}`,
    })),
  );
  const result = progress(
    { instrumentId: 'phq-9', points },
    sessions,
    outcomeCriteria(knowledgeBase, 'phq-9'),
  );
  if (!result.ok) throw new Error('bad fixture');
  return { patientId, indication, progress: result.value };
}

describe('clinicOutcomes', () => {
  const patients = [
    patient('p1', 'depression', [20, 9, 4]), // response week 1 (2 sessions), remission week 2
    patient('p2', 'depression', [16, 12, 8]), // response week 2 (4 sessions), no remission
    patient('p3', 'depression', [14, 13, 12]), // neither
    patient('p4', 'depression', [3, 1]), // baseline already in remission: left out of remission
    patient('p5', 'depression', [0, 0]), // baseline 0: left out of response
    patient('p6', 'suicidal-ideation', [18, 18]),
  ];
  const report = clinicOutcomes(patients);

  test('rates leave out patients whose outcome cannot be judged', () => {
    const depression = report.byIndication.find((r) => r.indication === 'depression');
    expect(depression).toEqual({
      indication: 'depression',
      instrumentIds: ['phq-9'],
      patients: 5,
      responseEligible: 4,
      responders: 3,
      responseRate: 0.75,
      remissionEligible: 3,
      remitters: 1,
      remissionRate: 1 / 3,
      medianDaysToResponse: 7,
      medianInfusionsToResponse: 2,
    });
  });

  test('indications are listed in order, each once', () => {
    expect(report.byIndication.map((r) => [r.indication, r.responseRate])).toEqual([
      ['depression', 0.75],
      ['suicidal-ideation', 0],
    ]);
    expect(clinicOutcomes([]).byIndication).toEqual([]);
  });

  test('median', () => {
    expect([median([]), median([3]), median([4, 1, 3]), median([1, 2, 3, 10])]).toEqual([
      null,
      3,
      3,
      2.5,
    ]);
  });

  test('CSV by indication: RFC 4180, CRLF, header first', () => {
    const csv = clinicOutcomesCsv(report);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'indication,instruments,patients,response_eligible,responders,response_rate,remission_eligible,remitters,remission_rate,median_days_to_response,median_infusions_to_response',
    );
    expect(lines[1]).toBe('depression,phq-9,5,4,3,0.75,3,1,0.3333,7,2');
    expect(lines[2]).toBe('suicidal-ideation,phq-9,1,1,0,0,1,0,0,,');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  test('CSV per patient has ids only', () => {
    const csv = patientOutcomesCsv(patients.slice(0, 1));
    expect(csv).toBe(
      'patient_id,indication,instrument,baseline_at,baseline_total,latest_total,responded,days_to_response,infusions_to_response,remitted,days_to_remission\r\n' +
        'p1,depression,phq-9,2025-03-01,20,4,true,7,2,true,14\r\n',
    );
  });
});

describe('csvField quoting (RFC 4180)', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    ['', ''],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['@sum', "'@sum"],
  ])('%j -> %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test('numbers keep their sign; null is empty', () => {
    expect([
      csvField(-3),
      csvField(0.5),
      csvField(null),
      csvField(Number.NaN),
      csvField(true),
    ]).toEqual(['-3', '0.5', '', '', 'true']);
  });
});
