import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { ProgressSection } from '../outcomes/progress-section';
import { PatientRecordSections } from '../patient/patient-record-sections';
import { CoursesSection, UpcomingAppointmentsSection } from '../patient/patient-schedule-sections';
import { useSession } from '../auth/use-session';
import { usePatient } from '../patient/use-patient';

function StaffRecord({ patientId }: { patientId: string }) {
  const patient = usePatient(patientId);
  const role = useSession().data?.user.role;
  if (patient.isPending) return <PageLoader label="Loading the record" />;
  if (patient.isError) return <QueryErrorAlert error={patient.error} />;
  const { givenName, familyName, mrn, birthDate } = patient.data;
  return (
    <>
      <PageHeading>{`${givenName} ${familyName}`}</PageHeading>
      <Group mb="md" justify="space-between">
        <Text c="dimmed">
          MRN {mrn} · born {birthDate}
        </Text>
        <Group gap="sm">
          <Button
            component={Link}
            to={`/patients/${encodeURIComponent(patientId)}/screening`}
            variant="light"
          >
            Screening
          </Button>
          <Button
            component={Link}
            to={`/patients/${encodeURIComponent(patientId)}/dose`}
            variant="light"
          >
            Dose calculator
          </Button>
        </Group>
      </Group>
      <Stack gap="lg">
        <UpcomingAppointmentsSection patientId={patientId} canPlanCourse={role === 'prescriber'} />
        <CoursesSection patientId={patientId} />
        <ProgressSection
          patientId={patientId}
          canEnterPaper={role === 'nurse' || role === 'prescriber'}
          isStaff
        />
        <PatientRecordSections patient={patient.data} editable />
      </Stack>
    </>
  );
}

export function PatientRecordPage() {
  const { id = '' } = useParams();
  return (
    <>
      <Anchor component={Link} to="/patients" size="sm">
        ← All patients
      </Anchor>
      <StaffRecord key={id} patientId={id} />
    </>
  );
}
