import { Alert, Anchor, Button, Group, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { usePatient } from '../patient/use-patient';
import { PumpSheet } from './pump-sheet';
import { useDoseCalculations } from './saved-calculations';
import { useKnowledge } from './use-knowledge';

/** The printable sheet of one saved calculation, exactly as the server stored it. */
export function SavedSheetPage() {
  const { id = '', calculationId = '' } = useParams();
  const patient = usePatient(id);
  const calculations = useDoseCalculations(id);
  const knowledge = useKnowledge();
  const back = (
    <Anchor component={Link} to={`/patients/${encodeURIComponent(id)}/dose`} size="sm">
      ← Dose calculator
    </Anchor>
  );
  if (patient.isPending || calculations.isPending || knowledge.isPending)
    return <PageLoader label="Loading the sheet" />;
  const error = patient.error ?? calculations.error ?? knowledge.error;
  if (error !== null) return <QueryErrorAlert error={error} />;
  const saved = calculations.data?.items.find((c) => c.id === calculationId);
  if (saved === undefined || patient.data === undefined || knowledge.data === undefined)
    return (
      <Stack>
        {back}
        <Alert color="red" role="alert" title="Not found">
          This patient has no saved calculation {calculationId}.
        </Alert>
      </Stack>
    );
  const kb = knowledge.data;
  return (
    <Stack gap="md" maw={820}>
      <Group justify="space-between" className="kf-no-print">
        {back}
        <Button
          onClick={() => {
            window.print();
          }}
        >
          Print sheet
        </Button>
      </Group>
      <PumpSheet
        patient={patient.data}
        result={saved.result}
        indicationName={kb.indications.find((i) => i.id === saved.result.indication)?.displayName}
        diluent={kb.infusionPreparation.diluent}
        knowledgeVersion={saved.knowledgeVersion}
        weightUsed={saved.weightUsed}
        saved={{ id: saved.id, createdAt: saved.createdAt, createdBy: saved.createdBy.displayName }}
      />
    </Stack>
  );
}
