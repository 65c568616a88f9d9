import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fetchCourses } from '../api/courses-api';
import { queryKeys } from '../api/query-keys';
import { useNow } from '../format/use-now';
import { QueryErrorAlert } from '../components/query-error-alert';
import { formatZonedRange, zonedDate } from '../format/zoned-time';
import {
  appointmentStatusColors,
  appointmentStatusLabels,
  appointmentTypeLabels,
  courseStatusColors,
  courseStatusLabels,
} from '../schedule/labels';
import { useClinicTimeZone } from '../schedule/use-clinic-time-zone';
import { useAppointments } from '../schedule/use-scheduling';
import { productLabels } from '../screening/labels';
import { SessionLink } from '../sessions/session-link';
import { RecordSection } from './record-section';
import { RecordTable } from './record-table';

const DAY_MS = 86_400_000;

/** The next 60 days of a patient's appointments, with links to book more. */
export function UpcomingAppointmentsSection({
  patientId,
  canPlanCourse,
}: {
  patientId: string;
  canPlanCourse: boolean;
}) {
  const clinic = useClinicTimeZone();
  const now = useNow();
  const appointments = useAppointments({
    patientId,
    from: new Date(now).toISOString(),
    to: new Date(now + 60 * DAY_MS).toISOString(),
  });
  const path = encodeURIComponent(patientId);
  return (
    <RecordSection id="appointments" title="Upcoming appointments">
      <Group gap="sm">
        <Button component={Link} to={`/patients/${path}/book`} variant="light">
          Book an appointment
        </Button>
        {canPlanCourse && (
          <Button component={Link} to={`/patients/${path}/courses/new`} variant="light">
            New course
          </Button>
        )}
      </Group>
      {appointments.isError && <QueryErrorAlert error={appointments.error} />}
      {appointments.isPending ? (
        <Text size="sm">Loading…</Text>
      ) : (
        <RecordTable
          caption="Upcoming appointments"
          headers={['When', 'Type', 'Where', 'Staff', 'Status', 'Session']}
          emptyText="No appointments in the next 60 days."
          rows={(appointments.data ?? []).map((a) => {
            const zone = a.location?.timeZone ?? clinic.zone;
            return {
              key: a.id,
              cells: [
                a.location === null ? (
                  formatZonedRange(a.startsAt, a.endsAt, zone)
                ) : (
                  <Anchor
                    component={Link}
                    to={`/schedule/day?location=${encodeURIComponent(a.location.id)}&date=${zonedDate(a.startsAt, zone)}`}
                  >
                    {formatZonedRange(a.startsAt, a.endsAt, zone)}
                  </Anchor>
                ),
                appointmentTypeLabels[a.type],
                [a.location?.name ?? 'Video visit', a.chair?.name].filter(Boolean).join(', '),
                [a.nurse?.name, a.prescriber?.name].filter(Boolean).join(', ') || '—',
                <Badge key="status" color={appointmentStatusColors[a.status]}>
                  {appointmentStatusLabels[a.status]}
                </Badge>,
                <SessionLink key="session" appointment={a} size="xs" />,
              ],
            };
          })}
        />
      )}
    </RecordSection>
  );
}

export function CoursesSection({ patientId }: { patientId: string }) {
  const courses = useQuery({
    queryKey: queryKeys.courses(patientId),
    queryFn: () => fetchCourses(patientId),
  });
  return (
    <RecordSection id="courses" title="Courses">
      {courses.isError && <QueryErrorAlert error={courses.error} />}
      <Stack gap="xs">
        <RecordTable
          caption="Courses"
          headers={['Course', 'Status', 'Sessions booked', 'Start']}
          emptyText={courses.isPending ? 'Loading…' : 'No courses.'}
          rows={(courses.data ?? []).map((c) => ({
            key: c.id,
            cells: [
              <Anchor key="link" component={Link} to={`/courses/${encodeURIComponent(c.id)}`}>
                {c.indication}, {productLabels[c.product]}
              </Anchor>,
              <Badge key="status" color={courseStatusColors[c.status]}>
                {courseStatusLabels[c.status]}
              </Badge>,
              String(c.sessions.filter((s) => s.status === 'booked').length),
              c.startDate,
            ],
          }))}
        />
      </Stack>
    </RecordSection>
  );
}
