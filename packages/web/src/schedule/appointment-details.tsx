import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Appointment } from '../api/scheduling-types';
import { formatZonedRangeInList } from '../format/zoned-time';
import { appointmentStatusColors, appointmentStatusLabels, appointmentTypeLabels } from './labels';

/** Who and what an appointment holds, in `zone`. */
export function AppointmentDetails({
  appointment: a,
  zone,
  linkPatient = true,
}: {
  appointment: Appointment;
  zone: string;
  linkPatient?: boolean;
}) {
  const rows: [string, React.ReactNode][] = [
    [
      'Patient',
      linkPatient ? (
        <Anchor component={Link} to={`/patients/${encodeURIComponent(a.patientId)}`}>
          {a.patient.name} (MRN {a.patient.mrn})
        </Anchor>
      ) : (
        a.patient.name
      ),
    ],
    ['When', formatZonedRangeInList(a.startsAt, a.endsAt, zone)],
    ['Type', appointmentTypeLabels[a.type]],
    ['Location', a.location?.name ?? 'Video visit'],
    ['Chair', a.chair?.name ?? '—'],
    ['Nurse', a.nurse?.name ?? '—'],
    ['Prescriber', a.prescriber?.name ?? '—'],
  ];
  if (a.videoUrl !== null)
    rows.push([
      'Video link',
      <Anchor key="video" href={a.videoUrl} target="_blank" rel="noreferrer">
        {a.videoUrl}
      </Anchor>,
    ]);
  if (a.courseId !== null)
    rows.push([
      'Course',
      <Anchor key="course" component={Link} to={`/courses/${encodeURIComponent(a.courseId)}`}>
        Open the course
      </Anchor>,
    ]);
  if (a.cancelReason !== null) rows.push(['Cancelled because', a.cancelReason]);
  return (
    <>
      <Group gap="xs" mb="xs">
        <Badge color={appointmentStatusColors[a.status]}>{appointmentStatusLabels[a.status]}</Badge>
        <Text size="sm" c="dimmed">
          Times in {zone}
        </Text>
      </Group>
      <Table aria-label="Appointment details" variant="vertical" withTableBorder>
        <Table.Tbody>
          {rows.map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Th w={150}>{name}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
