import { Box, Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { DueScalesCard } from '../outcomes/due-scales-card';
import { PatientRecordSections } from '../patient/patient-record-sections';
import { usePatient } from '../patient/use-patient';
import { NoRecordNotice } from './no-record-notice';
import { useOwnPatientId } from './use-own-patient-id';

function OwnRecord({ patientId }: { patientId: string }) {
  const patient = usePatient(patientId);
  if (patient.isPending) return <PageLoader label="Loading your record" />;
  if (patient.isError) return <QueryErrorAlert error={patient.error} />;
  return <PatientRecordSections patient={patient.data} editable={false} />;
}

export function MyRecordPage() {
  const patientId = useOwnPatientId();
  return (
    <>
      <PageHeading>My record</PageHeading>
      <Text mb="md" c="dimmed">
        What your clinic has recorded about you. To correct anything, tell your care team.
      </Text>
      <Group mb="md" gap="sm">
        <Button component={Link} to="/me/book-consult">
          Book a video consult
        </Button>
        <Button component={Link} to="/me/appointments" variant="light">
          My appointments
        </Button>
        <Button component={Link} to="/me/scales" variant="light">
          My scales and progress
        </Button>
      </Group>
      {patientId !== null && (
        <Box mb="md">
          <DueScalesCard />
        </Box>
      )}
      {patientId === null ? <NoRecordNotice /> : <OwnRecord patientId={patientId} />}
    </>
  );
}
