import { Anchor, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { useKnowledge } from '../dose/use-knowledge';
import { usePatient } from '../patient/use-patient';
import { useLocations } from '../schedule/use-scheduling';
import { productLabels } from '../screening/labels';
import { useScreenings } from '../screening/use-screenings';
import { NewCourseForm } from './new-course-form';

function NewCourse({ patientId }: { patientId: string }) {
  const patient = usePatient(patientId);
  const screenings = useScreenings(patientId);
  const knowledge = useKnowledge();
  const locations = useLocations();
  const [pickedId, setPickedId] = useState<string | null>(null);
  if (patient.isPending || screenings.isPending || knowledge.isPending || locations.isPending)
    return <PageLoader label="Loading" />;
  if (patient.isError) return <QueryErrorAlert error={patient.error} />;
  if (screenings.isError) return <QueryErrorAlert error={screenings.error} />;
  if (knowledge.isError) return <QueryErrorAlert error={knowledge.error} />;
  if (locations.isError) return <QueryErrorAlert error={locations.error} />;
  const kb = knowledge.data;
  const indicationName = (id: string) => kb.indications.find((i) => i.id === id)?.displayName ?? id;
  // Only a signed screening that no later change to the record made stale.
  const signed = screenings.data.filter((s) => s.signedAt !== null && s.staleAt === null);
  const screening = signed.find((s) => s.id === pickedId) ?? signed[0];
  const name = `${patient.data.givenName} ${patient.data.familyName}`;
  return (
    <>
      <PageHeading>{`New course: ${name}`}</PageHeading>
      {screening === undefined ? (
        <Text>
          No signed, current screening. A prescriber{' '}
          <Anchor component={Link} to={`/patients/${encodeURIComponent(patientId)}/screening`}>
            reviews and signs the screening
          </Anchor>{' '}
          first.
        </Text>
      ) : (
        <Paper withBorder p="md">
          <Stack gap="md">
            {signed.length > 1 && (
              <Select
                label="Signed screening"
                data={signed.map((s) => ({
                  value: s.id,
                  label: `${indicationName(s.indication)}, ${productLabels[s.product]} (${s.signedAt?.slice(0, 10) ?? ''})`,
                }))}
                value={screening.id}
                allowDeselect={false}
                onChange={setPickedId}
              />
            )}
            <NewCourseForm
              key={screening.id}
              patientId={patientId}
              screening={screening}
              kb={kb}
              locations={locations.data}
              indicationName={indicationName(screening.indication)}
            />
          </Stack>
        </Paper>
      )}
    </>
  );
}

/** `/patients/:id/courses/new` (prescribers). */
export function NewCoursePage() {
  const { id = '' } = useParams();
  return (
    <>
      <Anchor component={Link} to={`/patients/${encodeURIComponent(id)}`} size="sm">
        ← Patient record
      </Anchor>
      <NewCourse key={id} patientId={id} />
    </>
  );
}
