import { List, Table, Text } from '@mantine/core';
import type { PatientJson } from '@ketaflow/core';
import type { ReactNode } from 'react';
import { TableScrollRegion } from '../components/table-scroll-region';
import { labelOf, sexOptions } from '../format/labels';
import { pregnancyOptions } from './labels';

function breastfeedingText(value: PatientJson['breastfeeding']): string {
  if (value === undefined) return 'Not recorded';
  if (value === 'unknown') return 'Unknown';
  return value ? 'Yes' : 'No';
}

function latestByDate<T extends { date?: string | undefined }>(items: readonly T[]): T | undefined {
  return [...items].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')).at(-1);
}

/** A history list as screened: left out of the input, it was not recorded (unknown). */
function Items({ label, items }: { label: string; items: readonly string[] | undefined }) {
  if (items === undefined) return <>Not recorded</>;
  if (items.length === 0) return <>None known</>;
  return (
    <List size="sm" aria-label={label}>
      {items.map((item, index) => (
        <List.Item key={`${String(index)}-${item}`}>{item}</List.Item>
      ))}
    </List>
  );
}

/** The record as it was screened: the facts the findings rest on, absent ones said as such. */
export function InputFacts({ input }: { input: PatientJson }) {
  const bloodPressures = input.bloodPressure ?? [];
  const bp = latestByDate(bloodPressures);
  const weight = latestByDate(input.weight ?? []);
  const rows: [string, ReactNode][] = [
    [
      'Born',
      input.birthDate ??
        (input.ageYears === undefined ? 'Unknown' : `${String(input.ageYears)} years`),
    ],
    ['Sex', labelOf(sexOptions, input.sex)],
    [
      'Pregnancy',
      input.pregnancy === undefined
        ? 'Not recorded'
        : `${labelOf(pregnancyOptions, input.pregnancy.status)}${input.pregnancy.recordedOn === undefined ? '' : `, recorded ${input.pregnancy.recordedOn}`}`,
    ],
    ['Breastfeeding', breastfeedingText(input.breastfeeding)],
    [
      'Blood pressure',
      bp === undefined
        ? 'Not recorded'
        : `${String(bp.systolicMmHg)}/${String(bp.diastolicMmHg)} mmHg on ${bp.date}${bloodPressures.length > 1 ? ` (latest of ${String(bloodPressures.length)})` : ''}`,
    ],
    [
      'Weight',
      weight === undefined
        ? 'Not recorded'
        : `${String(weight.valueKg)} kg on ${weight.date ?? '—'}`,
    ],
    [
      'Conditions',
      <Items
        key="conditions"
        label="Conditions screened"
        items={input.conditions?.map((c) =>
          [c.text ?? c.code?.code ?? '—', c.clinicalStatus, c.verificationStatus]
            .filter((part) => part !== undefined)
            .join(' · '),
        )}
      />,
    ],
    [
      'Medications',
      <Items
        key="medications"
        label="Medications screened"
        items={input.medications?.map((m) =>
          [m.text ?? `RxNorm ${m.rxnorm ?? '—'}`, m.status]
            .filter((p) => p !== undefined)
            .join(' · '),
        )}
      />,
    ],
    [
      'Allergies',
      <Items
        key="allergies"
        label="Allergies screened"
        items={input.allergies?.map((a) => a.text ?? `RxNorm ${a.rxnorm ?? '—'}`)}
      />,
    ],
  ];
  return (
    <TableScrollRegion label="Facts screened" minWidth={360}>
      <Table aria-label="Facts screened" variant="vertical" withTableBorder>
        <Table.Tbody>
          {rows.map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Th scope="row" w={160}>
                {name}
              </Table.Th>
              <Table.Td>
                {typeof value === 'string' ? <Text size="sm">{value}</Text> : value}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScrollRegion>
  );
}
