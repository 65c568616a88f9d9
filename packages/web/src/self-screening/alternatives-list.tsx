import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { emergencyActions, supportActions } from '@ketaflow/core';
import type { Alternatives } from '../api/screening-types';
import { useCrisisResources } from '../app/use-crisis-resources';

/** What to do now, with the clinic's crisis numbers (setting `crisisResources`). */
function UrgentHelp() {
  const resources = useCrisisResources();
  if (resources === null)
    return (
      <>If you might act on thoughts of harming yourself, call your local emergency number now.</>
    );
  const support = supportActions(resources, true);
  return (
    <>
      If you might act on thoughts of harming yourself, {emergencyActions(resources, true)} now.
      {support === '' ? null : ` You can also ${support}.`}
    </>
  );
}

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
          <UrgentHelp />
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
