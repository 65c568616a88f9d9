import { Table } from '@mantine/core';
import type { DoseJson } from '@ketaflow/core';
import { formatQuantity } from './format-quantity';
import { bagModeLabels, weightBasisLabels } from './labels';
import { inSentence } from '../format/labels';

export interface ResultRow {
  label: string;
  value: string;
}

/** The numbers a nurse prepares and programs, in the order of the preparation. */
export function resultRows(result: DoseJson): ResultRow[] {
  if (result.product === 'esketamine-nasal') {
    return [
      { label: 'Dose', value: formatQuantity(result.dose) },
      {
        // The knowledge base's device strength: the dose over the number of devices.
        label:
          result.devices === null
            ? 'Devices'
            : `Devices (${String(result.dose.value / result.devices)} mg each)`,
        value: String(result.devices ?? '—'),
      },
    ];
  }
  const weight = result.dosingWeight;
  return [
    {
      label: 'Dosing weight',
      value:
        weight === null
          ? '—'
          : `${formatQuantity(weight)} (${inSentence(weightBasisLabels[weight.basis])})`,
    },
    { label: 'Dose', value: formatQuantity(result.dose) },
    { label: 'Vial concentration', value: formatQuantity(result.vialConcentration) },
    { label: 'Drug volume', value: formatQuantity(result.drugVolume) },
    // What that volume holds: the ordered dose as the syringe can measure it.
    { label: 'Dose drawn up', value: formatQuantity(result.drawnDose ?? null) },
    {
      label: 'Bag preparation',
      value: result.bagMode === null ? '—' : bagModeLabels[result.bagMode],
    },
    { label: 'Total volume', value: formatQuantity(result.totalVolume) },
    { label: 'Final concentration', value: formatQuantity(result.concentration) },
    { label: 'Pump rate', value: formatQuantity(result.rate) },
    { label: 'Duration', value: formatQuantity(result.duration) },
    { label: 'Dose rate', value: formatQuantity(result.doseRate) },
    { label: 'Dose rate per minute', value: formatQuantity(result.doseRatePerMin) },
  ];
}

/** The results as a two-column table; each row is named by its label for screen readers. */
export function DoseResultTable({ result, caption }: { result: DoseJson; caption: string }) {
  return (
    <Table aria-label={caption} withRowBorders verticalSpacing={6}>
      <Table.Tbody>
        {resultRows(result).map((row) => (
          <Table.Tr key={row.label}>
            <Table.Th scope="row" fw={500} w="45%">
              {row.label}
            </Table.Th>
            <Table.Td fw={row.label === 'Pump rate' || row.label === 'Dose' ? 700 : 400}>
              {row.value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
