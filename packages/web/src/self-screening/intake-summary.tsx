import { Text } from '@mantine/core';
import type { SelfScreeningAnswers } from '../api/screening-types';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One line saying what the kept self-screening answers hold, without repeating them all. */
export function IntakeSummary({ answers }: { answers: SelfScreeningAnswers }) {
  const conditions = answers.conditions.length + answers.otherConditions.length;
  const parts = [
    count(conditions, 'health condition', 'health conditions'),
    ...(answers.conditionsAnswer === 'unsure' ? ['not sure about the conditions listed'] : []),
    count(answers.medications.length, 'medicine', 'medicines'),
    answers.bloodPressure === undefined
      ? 'no blood pressure'
      : `blood pressure ${answers.bloodPressure.systolicMmHg}/${answers.bloodPressure.diastolicMmHg} mmHg`,
  ];
  return (
    <Text size="sm" c="dimmed">
      Your answers: {parts.join(', ')}.
    </Text>
  );
}
