import { Alert, List, Stack, Text, Title } from '@mantine/core';
import type { Alternatives } from '../api/screening-types';

/** Other treatments for the indication, to discuss with the person's own doctor. */
export function AlternativesList({ alternatives }: { alternatives: Alternatives }) {
  const { medications, medicationClasses, nonDrugOptions, urgent, note } = alternatives;
  return (
    <Stack gap="sm" component="section" aria-labelledby="alternatives-heading">
      <Title order={3} size="h4" id="alternatives-heading">
        Other treatments to discuss with your doctor
      </Title>
      {urgent && (
        <Alert color="red" title="If you are in danger now">
          If you might act on thoughts of harming yourself, call your local emergency number now. In
          the US you can also call or text 988.
        </Alert>
      )}
      <Title order={4} size="h5">
        Medicines
      </Title>
      <List spacing="xs" aria-label="Medicines to discuss">
        {medications.map((medication) => (
          <List.Item key={medication.generic}>
            <Text span fw={600}>
              {medication.generic}
            </Text>
            {medication.brands.length > 0 && (
              <Text span>{` (${medication.brands.join(', ')})`}</Text>
            )}
            <Text span c="dimmed">{` · ${medication.drugClass}`}</Text>
            {medication.caution !== undefined && (
              <Text size="sm" c="dimmed">
                {medication.caution}
              </Text>
            )}
          </List.Item>
        ))}
        {medicationClasses.map((drugClass) => (
          <List.Item key={drugClass}>{drugClass}</List.Item>
        ))}
      </List>
      <Title order={4} size="h5">
        Without medicine
      </Title>
      <List spacing="xs" aria-label="Options without medicine">
        {nonDrugOptions.map((option) => (
          <List.Item key={option}>{option}</List.Item>
        ))}
      </List>
      {note !== undefined && <Text size="sm">{note}</Text>}
    </Stack>
  );
}
