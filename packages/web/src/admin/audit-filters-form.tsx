import { Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { optionalDate } from '../forms/validators';

export interface AuditFilterValues {
  patientId: string;
  actorUserId: string;
  action: string;
  from: string;
  to: string;
}

interface AuditFiltersFormProps {
  initialValues: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
}

// Record and user ids are UUIDs; checking here saves a round trip that can only fail.
function optionalUuid(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ||
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(trimmed)
    ? null
    : 'Enter a full id (a UUID such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427)';
}

export const emptyAuditFilters: AuditFilterValues = {
  patientId: '',
  actorUserId: '',
  action: '',
  from: '',
  to: '',
};

export function AuditFiltersForm({ initialValues, onApply }: AuditFiltersFormProps) {
  const form = useForm<AuditFilterValues>({
    initialValues,
    validate: {
      patientId: optionalUuid,
      actorUserId: optionalUuid,
      from: optionalDate('From'),
      to: (value, values) => {
        const invalid = optionalDate('To')(value);
        if (invalid !== null) return invalid;
        return value !== '' && values.from !== '' && value < values.from
          ? 'To must not be before From'
          : null;
      },
    },
  });

  return (
    <form
      noValidate
      aria-label="Audit log filters"
      onSubmit={form.onSubmit((values) => {
        onApply(values);
      })}
    >
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }}>
        <TextInput label="Patient id" {...form.getInputProps('patientId')} />
        <TextInput label="Actor user id" {...form.getInputProps('actorUserId')} />
        <TextInput
          label="Action"
          placeholder="e.g. patient.read"
          {...form.getInputProps('action')}
        />
        <TextInput label="From" type="date" {...form.getInputProps('from')} />
        <TextInput label="To" type="date" {...form.getInputProps('to')} />
      </SimpleGrid>
      <Group mt="sm">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="default"
          onClick={() => {
            form.setValues(emptyAuditFilters);
            onApply(emptyAuditFilters);
          }}
        >
          Clear
        </Button>
      </Group>
    </form>
  );
}
