import { Alert, Button, Grid, Group, Paper, Stack, Title } from '@mantine/core';
import type { KnowledgeBase } from '@ketaflow/core';
import { useState } from 'react';
import type { SavedDoseCalculation } from '../api/dose-types';
import type { Patient } from '../api/patient-types';
import { DoseForm } from './dose-form';
import { initialInputs, parseDecimal, type DoseField, type DoseInputs } from './dose-inputs';
import { DoseLimits } from './dose-limits';
import { DoseResultTable } from './dose-result-table';
import { DoseStatus } from './dose-status';
import { NeededInputs } from './needed-inputs';
import { DoseSteps } from './dose-steps';
import { PumpSheet } from './pump-sheet';
import { RefusalAlert } from './refusal-alert';
import { findRecordMismatch } from './record-mismatch';
import { SavePanel } from './save-panel';
import { toServerErrors, type ServerErrors } from './server-errors';
import { useDoseCalculation } from './use-dose-calculation';

interface DoseCalculatorProps {
  kb: KnowledgeBase;
  patient: Patient | undefined;
  asOf: string;
  canSave: boolean;
}

function touchedOnly(
  missing: Partial<Record<DoseField, string>>,
  touched: ReadonlySet<string>,
): Partial<Record<DoseField, string>> {
  return Object.fromEntries(Object.entries(missing).filter(([field]) => touched.has(field)));
}

/** The weight the sheet shows: the record's when saved, else the one typed, in kg. */
function weightForSheet(inputs: DoseInputs, saved: SavedDoseCalculation | null) {
  if (saved !== null) return saved.weightUsed;
  const value = parseDecimal(inputs.weight);
  if (value === undefined || Number.isNaN(value)) return null;
  const valueKg = inputs.weightUnit === 'kg' ? value : value * 0.45359237;
  return { valueKg, measuredOn: inputs.weightMeasuredOn === '' ? null : inputs.weightMeasuredOn };
}

/**
 * The calculator: inputs on one side, results with limits on the other, recalculated in the
 * browser on every keystroke with the same core code the server runs when saving.
 */
export function DoseCalculator({ kb, patient, asOf, canSave }: DoseCalculatorProps) {
  const [inputs, setInputs] = useState(() => initialInputs(kb, patient));
  const [saved, setSaved] = useState<SavedDoseCalculation | null>(null);
  const [serverErrors, setServerErrors] = useState<ServerErrors | null>(null);
  // An empty input is flagged red only once someone has been in it; until then it is listed.
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const view = useDoseCalculation(inputs, kb, patient, asOf);
  const change = (patch: Partial<DoseInputs>) => {
    setInputs((current) => ({ ...current, ...patch }));
    setTouched((current) => new Set([...current, ...Object.keys(patch)]));
    // What was saved or refused no longer matches the screen.
    setSaved(null);
    setServerErrors(null);
  };
  const result = view.result;
  const indicationName = kb.indications.find((i) => i.id === inputs.indication)?.displayName;

  return (
    <>
      <Grid gap="lg" className="kf-no-print">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <DoseForm
            kb={kb}
            patient={patient}
            inputs={inputs}
            errors={{
              ...touchedOnly(view.missing, touched),
              ...view.fieldErrors,
              ...serverErrors?.fields,
            }}
            asOf={asOf}
            onChange={change}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="dose-result-heading">
            <Stack gap="sm">
              <Title order={2} size="h3" id="dose-result-heading">
                Result
              </Title>
              {view.formErrors.length > 0 && (
                <Alert color="red" role="alert" title="Cannot calculate">
                  {view.formErrors.join(' ')}
                </Alert>
              )}
              {result === null ? (
                <Alert color="gray" title="Not calculated yet" role="status">
                  <NeededInputs missing={view.missing} />
                </Alert>
              ) : (
                <>
                  <DoseStatus result={result} />
                  <DoseResultTable result={result} caption="Calculation" />
                  <DoseLimits
                    result={result}
                    reasons={inputs.reasons}
                    reasonErrors={serverErrors?.reasons}
                    onReasonChange={(code, reason) => {
                      change({ reasons: { ...inputs.reasons, [code]: reason } });
                    }}
                  />
                  <DoseSteps result={result} />
                </>
              )}
              <RefusalAlert errors={serverErrors} />
              {saved !== null && (
                <Alert color="teal" role="status" title="Saved">
                  Saved as calculation {saved.id} by {saved.createdBy.displayName}, knowledge
                  version {saved.knowledgeVersion}.
                </Alert>
              )}
              <Group align="flex-start">
                {patient !== undefined && (
                  <SavePanel
                    patient={patient}
                    inputs={inputs}
                    request={view.request}
                    result={result}
                    mismatch={findRecordMismatch(inputs, patient)}
                    canSave={canSave}
                    isSaved={saved !== null}
                    onSaved={(calculation) => {
                      setSaved(calculation);
                      setServerErrors(null);
                    }}
                    onError={(error) => {
                      setServerErrors(toServerErrors(error, inputs.product));
                    }}
                  />
                )}
                {result !== null && (
                  <Button
                    variant="default"
                    onClick={() => {
                      window.print();
                    }}
                  >
                    Print sheet
                  </Button>
                )}
              </Group>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      {result !== null && (
        <div className="kf-print-only">
          <PumpSheet
            patient={patient}
            result={saved?.result ?? result}
            indicationName={indicationName}
            diluent={kb.infusionPreparation.diluent}
            knowledgeVersion={saved?.knowledgeVersion ?? kb.knowledgeVersion}
            weightUsed={weightForSheet(inputs, saved)}
            saved={
              saved === null
                ? null
                : {
                    id: saved.id,
                    createdAt: saved.createdAt,
                    createdBy: saved.createdBy.displayName,
                  }
            }
          />
        </div>
      )}
    </>
  );
}
