import { Text } from '@mantine/core';
import type { DoseField } from './dose-inputs';

/** The labels of the inputs, as the form shows them. */
const fieldLabels: Readonly<Record<DoseField, string>> = {
  product: 'Product',
  indication: 'Protocol (indication)',
  location: 'Location',
  weight: 'Weight',
  weightMeasuredOn: 'Weight measured on',
  height: 'Height',
  sex: 'Sex',
  weightBasis: 'Weight basis',
  dose: 'Dose',
  duration: 'Duration',
  concentration: 'Vial concentration',
  bagVolume: 'Bag volume (mL)',
  bagMode: 'Bag preparation',
  nasalDose: 'Esketamine dose',
};

/** What is still needed before anything is calculated; there is never a default weight. */
export function NeededInputs({ missing }: { missing: Partial<Record<DoseField, string>> }) {
  const fields = (Object.keys(fieldLabels) as DoseField[]).filter((f) => f in missing);
  if (fields.length === 0)
    return <Text size="sm">Correct the inputs marked in red; the result appears as you type.</Text>;
  return (
    <Text size="sm">
      Still needed: {fields.map((f) => fieldLabels[f]).join(', ')}. The result appears as you type.
    </Text>
  );
}
