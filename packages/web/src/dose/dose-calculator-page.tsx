import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Patient } from '../api/patient-types';
import type { KnowledgeBase } from '@ketaflow/core';
import { useSession } from '../auth/use-session';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { todayIsoDate } from '../forms/form-values';
import { usePatient } from '../patient/use-patient';
import { DoseCalculator } from './dose-calculator';
import { PatientPicker } from './patient-picker';
import { SavedCalculations } from './saved-calculations';
import { useKnowledge } from './use-knowledge';

function PatientLine({ patient }: { patient: Patient }) {
  return (
    <Group gap="md" mb="md" className="kf-no-print">
      <Text fw={600}>
        {patient.familyName}, {patient.givenName}
      </Text>
      <Text c="dimmed">
        MRN {patient.mrn} · born {patient.birthDate}
      </Text>
      <Anchor component={Link} to={`/patients/${encodeURIComponent(patient.id)}`} size="sm">
        Open record
      </Anchor>
      <Anchor component={Link} to="/dose" size="sm">
        Change patient
      </Anchor>
    </Group>
  );
}

function Workspace({ kb, patient }: { kb: KnowledgeBase; patient: Patient | undefined }) {
  const session = useSession();
  const role = session.data?.user.role;
  // Fixed for the page's life, so results do not shift at midnight while someone types.
  const [asOf] = useState(todayIsoDate);
  return (
    <Stack gap="lg">
      <DoseCalculator
        key={patient?.id ?? 'none'}
        kb={kb}
        patient={patient}
        asOf={asOf}
        canSave={role === 'nurse' || role === 'prescriber'}
      />
      {patient !== undefined && (
        <Paper
          withBorder
          p="md"
          component="section"
          aria-labelledby="saved-heading"
          className="kf-no-print"
        >
          <Stack gap="sm">
            <Title order={2} size="h3" id="saved-heading">
              Saved calculations
            </Title>
            <SavedCalculations patientId={patient.id} kb={kb} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function PatientWorkspace({ patientId, kb }: { patientId: string; kb: KnowledgeBase }) {
  const patient = usePatient(patientId);
  if (patient.isPending) return <PageLoader label="Loading the record" />;
  if (patient.isError) return <QueryErrorAlert error={patient.error} />;
  return (
    <>
      <PatientLine patient={patient.data} />
      <Workspace kb={kb} patient={patient.data} />
    </>
  );
}

/** `/dose` (choose a patient, or calculate without one) and `/patients/:id/dose`. */
export function DoseCalculatorPage() {
  const { id } = useParams();
  const knowledge = useKnowledge();
  return (
    <>
      <div className="kf-no-print">
        <PageHeading>Dose calculator</PageHeading>
      </div>
      {knowledge.isPending ? (
        <PageLoader label="Loading the knowledge base" />
      ) : knowledge.isError ? (
        <QueryErrorAlert error={knowledge.error} />
      ) : id === undefined ? (
        <Stack gap="lg">
          <Paper withBorder p="md" className="kf-no-print">
            <PatientPicker />
          </Paper>
          <Workspace kb={knowledge.data} patient={undefined} />
        </Stack>
      ) : (
        <PatientWorkspace key={id} patientId={id} kb={knowledge.data} />
      )}
    </>
  );
}
