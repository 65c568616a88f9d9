import type { EsketamineSchedule } from '../schema/esketamine-schedule';

const observationMinMinutes = 120; // at least 2 h at every session [S18][S22]
const bpRecheckMinutesAfterDose = 40; // around Cmax [S09a][S16][S28]

const sessionRules = [
  'Check blood pressure before dosing; above 140/90 mmHg, weigh the short rise against the benefit and consider waiting.',
  'Recheck blood pressure about 40 minutes after dosing, then as needed until it falls.',
  'Observe for at least 2 hours, including pulse oximetry, and discharge only when the patient is clinically stable.',
  'Wait 5 minutes between devices; do not prime a device.',
  'No driving or machinery until the next day after a restful sleep.',
] as const;

/** US label schedules (clinical-facts.md section 2.3). */
export const esketamineSchedules: readonly EsketamineSchedule[] = [
  {
    id: 'esketamine-trd',
    indicationId: 'depression',
    productId: 'esketamine-nasal-spray-28-mg',
    labelStatus: 'fda-labelled',
    displayName: 'Esketamine for treatment-resistant depression (adults)',
    phases: [
      {
        name: 'induction',
        fromWeek: 1,
        toWeek: 4,
        sessionsPerWeek: { min: 2, max: 2 },
        doseOptionsMg: [56, 84],
        firstSessionDoseMg: 56,
        defaultDoseMg: 56,
        note: 'Twice a week. Day 1 is 56 mg; later sessions 56 or 84 mg. Judge benefit at the end of induction.',
      },
      {
        name: 'maintenance',
        fromWeek: 5,
        toWeek: 8,
        sessionsPerWeek: { min: 1, max: 1 },
        doseOptionsMg: [56, 84],
        defaultDoseMg: 56,
        note: 'Once a week, 56 or 84 mg.',
      },
      {
        name: 'continuation',
        fromWeek: 9,
        toWeek: null,
        sessionsPerWeek: { min: 0.5, max: 1 },
        doseOptionsMg: [56, 84],
        defaultDoseMg: 56,
        note: 'Every 2 weeks or weekly: the least frequent interval that keeps the response or remission.',
      },
    ],
    doseRequiresPriorDose: [{ doseMg: 84, requiresPriorDoseMg: 56 }],
    observationMinMinutes,
    bpRecheckMinutesAfterDose,
    rules: [
      ...sessionRules,
      'Missed session: if depression has not worsened, keep the schedule; if it has, consider returning to the previous schedule.',
      'Since January 2025 it may be used alone or with an oral antidepressant.',
      'EU and Hong Kong labelling start patients aged 65 and over at 28 mg (steps of 28 mg); whether US labelling does the same was not confirmed.',
    ],
    sources: ['S09a', 'S14', 'S15', 'S16', 'S17', 'S18', 'S22', 'S24', 'S26', 'S28'],
  },
  {
    id: 'esketamine-mdd-acute-suicidal-ideation',
    indicationId: 'suicidal-ideation',
    productId: 'esketamine-nasal-spray-28-mg',
    labelStatus: 'fda-labelled',
    displayName:
      'Esketamine for depressive symptoms in major depression with acute suicidal ideation or behaviour (adults)',
    phases: [
      {
        name: 'induction',
        fromWeek: 1,
        toWeek: 4,
        sessionsPerWeek: { min: 2, max: 2 },
        doseOptionsMg: [84, 56],
        defaultDoseMg: 84,
        note: '84 mg twice a week for 4 weeks; may be reduced to 56 mg twice a week if not tolerated. Use beyond 4 weeks has not been studied systematically.',
      },
    ],
    doseRequiresPriorDose: [],
    observationMinMinutes,
    bpRecheckMinutesAfterDose,
    rules: [
      ...sessionRules,
      'Given with an oral antidepressant. It has not been shown to prevent suicide or to replace hospital care.',
    ],
    sources: ['S14', 'S16', 'S18', 'S22', 'S25', 'S28'],
  },
];
