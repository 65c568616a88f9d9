import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import type { DoseJson, DoseRequest } from '@ketaflow/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { saveDoseCalculation } from '../api/dose-api';
import type { SavedDoseCalculation } from '../api/dose-types';
import type { Patient } from '../api/patient-types';
import { addEntry } from '../api/patients-api';
import { queryKeys } from '../api/query-keys';
import { describeError } from '../api/problem';
import { parseDecimal, type DoseInputs } from './dose-inputs';
import type { RecordMismatch } from './record-mismatch';
import { toSaveBody } from './save-body';

interface SavePanelProps {
  patient: Patient;
  inputs: DoseInputs;
  request: DoseRequest;
  result: DoseJson | null;
  mismatch: RecordMismatch;
  canSave: boolean;
  /** The inputs on screen are saved already; another save would store a duplicate. */
  isSaved: boolean;
  onSaved: (saved: SavedDoseCalculation) => void;
  onError: (error: unknown) => void;
}

function blockers(props: SavePanelProps): string[] {
  const { result, mismatch } = props;
  const reasons: string[] = [];
  if (props.isSaved) return ['Saved. Change an input to calculate and save again.'];
  if (result === null) reasons.push('Complete the inputs above first.');
  else if (result.blocked) reasons.push('A hard limit blocks this dose: it cannot be saved.');
  else if (result.requiresOverride) reasons.push('Give a reason for each soft limit.');
  if (mismatch.weight)
    reasons.push('The weight differs from the record: saving uses the recorded weight only.');
  if (mismatch.height) reasons.push('The height differs from the record.');
  if (mismatch.sex) reasons.push('The sex differs from the record.');
  return reasons;
}

/**
 * Saving sends the choices; the server recomputes with the record's weight, height and sex, and
 * refuses what the limits refuse. A newly measured weight is recorded first, with its date.
 */
export function SavePanel(props: SavePanelProps) {
  const { patient, inputs, request, canSave } = props;
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => saveDoseCalculation(patient.id, toSaveBody(request)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.doseCalculations(patient.id) });
      notifications.show({ color: 'teal', message: 'Calculation saved' });
      props.onSaved(saved);
    },
    onError: props.onError,
  });
  const typedWeight = parseDecimal(inputs.weight);
  const recordWeight = useMutation({
    mutationFn: () =>
      addEntry(patient.id, 'weights', {
        weight: { value: typedWeight ?? Number.NaN, unit: inputs.weightUnit },
        measuredOn: inputs.weightMeasuredOn,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.patient(updated.id), updated);
      notifications.show({ color: 'teal', message: 'Weight added to the record' });
    },
  });

  if (!canSave)
    return (
      <Text size="sm" c="dimmed">
        Nurses and prescribers save calculations to the record.
      </Text>
    );
  const why = blockers(props);
  const canRecordWeight =
    props.mismatch.weight &&
    typedWeight !== undefined &&
    !Number.isNaN(typedWeight) &&
    inputs.weightMeasuredOn !== '';
  return (
    <Stack gap="xs">
      {why.length > 0 && (
        <List size="sm" c="dimmed" aria-label="Why it cannot be saved yet">
          {why.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      )}
      {recordWeight.isError && (
        <Alert color="red" role="alert" title="Weight not recorded">
          {describeError(recordWeight.error)}
        </Alert>
      )}
      <Group>
        <Button
          onClick={() => {
            save.mutate();
          }}
          loading={save.isPending}
          disabled={why.length > 0}
        >
          Save calculation
        </Button>
        {canRecordWeight && (
          <Button
            variant="default"
            loading={recordWeight.isPending}
            onClick={() => {
              recordWeight.mutate();
            }}
          >
            Add this weight to the record
          </Button>
        )}
      </Group>
    </Stack>
  );
}
