import { Badge, Stack, Table, Text } from '@mantine/core';
import type {
  BloodPressureEntry,
  IntakeEntry,
  ReproductiveStatusEntry,
} from '../api/patient-types';
import { formatDateTime } from '../format/dates';
import { breastfeedingOptions, pregnancyOptions } from '../screening/labels';
import { RecordTable } from './record-table';

const sourceBadge = (source: string) => (
  <Badge variant="light" color={source === 'self-reported' ? 'orange' : 'gray'}>
    {source === 'self-reported' ? 'Self-reported' : 'Clinic'}
  </Badge>
);

const labelOf = (options: readonly { value: string; label: string }[], value: string) =>
  options.find((o) => o.value === value)?.label ?? value;

export function BloodPressuresTable({ entries }: { entries: readonly BloodPressureEntry[] }) {
  return (
    <RecordTable
      caption="Blood pressures"
      headers={['Measured on', 'Blood pressure', 'Source']}
      emptyText="No blood pressure recorded."
      rows={entries.map((e) => ({
        key: e.id,
        cells: [
          e.measuredOn,
          `${String(e.systolicMmHg)}/${String(e.diastolicMmHg)} mmHg`,
          sourceBadge(e.source),
        ],
      }))}
    />
  );
}

export function ReproductiveStatusesTable({
  entries,
}: {
  entries: readonly ReproductiveStatusEntry[];
}) {
  return (
    <RecordTable
      caption="Pregnancy and breastfeeding"
      headers={['Recorded on', 'Pregnancy', 'Breastfeeding', 'Source']}
      emptyText="No pregnancy or breastfeeding status recorded."
      rows={entries.map((e) => ({
        key: e.id,
        cells: [
          e.recordedOn,
          // Null: an imported status about the other one; this entry says nothing here.
          e.pregnancy === null ? 'Not stated' : labelOf(pregnancyOptions, e.pregnancy),
          e.breastfeeding === null ? 'Not stated' : labelOf(breastfeedingOptions, e.breastfeeding),
          sourceBadge(e.source),
        ],
      }))}
    />
  );
}

const answerLabels: Record<string, string> = {
  indication: 'Reason',
  product: 'Treatment',
  ageYears: 'Age',
  sex: 'Sex',
  pregnancy: 'Pregnancy',
  breastfeeding: 'Breastfeeding',
  conditions: 'Conditions',
  conditionsAnswer: 'Listed conditions',
  otherConditions: 'Other conditions',
  medications: 'Medicines',
  bloodPressure: 'Blood pressure',
};

/**
 * An empty list of ticked conditions is no answer (older intakes sent one for "none" and for a
 * skipped question alike), so it is never shown as "none": `conditionsAnswer` says none or not sure.
 */
const conditionsAnswerLabels: Record<string, string> = {
  none: 'None of them apply',
  unsure: 'Not sure',
};

function describeEntry(key: string, value: unknown): string {
  if (key === 'conditions' && Array.isArray(value) && value.length === 0) return 'none ticked';
  if (key === 'conditionsAnswer' && typeof value === 'string')
    return conditionsAnswerLabels[value] ?? value;
  return describeAnswer(value);
}

function describeAnswer(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value))
    return value.length === 0 ? 'none' : value.map(describeAnswer).join(', ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.systolicMmHg === 'number' && typeof record.diastolicMmHg === 'number')
      return `${String(record.systolicMmHg)}/${String(record.diastolicMmHg)} mmHg`;
    return Object.entries(record)
      .map(([k, v]) => `${k}: ${describeAnswer(v)}`)
      .join('; ');
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '—';
}

/** The self-screening answers a patient brought at registration, as they gave them. */
export function IntakesList({ intakes }: { intakes: readonly IntakeEntry[] }) {
  if (intakes.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No self-screening answers.
      </Text>
    );
  return (
    <Stack gap="md">
      {intakes.map((intake) => (
        <Stack key={intake.id} gap={4}>
          <Text size="sm">
            {formatDateTime(intake.createdAt)} · outcome shown: <strong>{intake.outcome}</strong>
          </Text>
          <Table aria-label="Self-screening answers" variant="vertical" withTableBorder>
            <Table.Tbody>
              {Object.entries(intake.answers).map(([key, value]) => (
                <Table.Tr key={key}>
                  <Table.Th w={170}>{answerLabels[key] ?? key}</Table.Th>
                  <Table.Td>{describeEntry(key, value)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
    </Stack>
  );
}
